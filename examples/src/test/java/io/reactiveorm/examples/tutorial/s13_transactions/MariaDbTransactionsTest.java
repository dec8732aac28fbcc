package io.reactiveorm.examples.tutorial.s13_transactions;

import io.reactiveorm.testsupport.TestDatabases;

class MariaDbTransactionsTest extends TransactionsSuite {

    @Override
    String url() {
        return TestDatabases.mariadbUrl();
    }
}
