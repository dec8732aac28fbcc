package io.reactiveorm.examples.tutorial.s13_transactions;

import io.reactiveorm.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;

class H2TransactionsTest extends TransactionsSuite {

    @Override
    String url() {
        return TestDatabases.h2Url("s13_transactions_test");
    }

    @Test
    void theMainProgramRuns() {
        TransactionsExample.main(new String[0]);
    }
}
