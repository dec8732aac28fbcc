package io.reactiveorm.examples.tutorial.s13_transactions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reactiveorm.examples.tutorial.TutorialDatabase;
import io.reactiveorm.examples.tutorial.s01_models.Address;
import io.reactiveorm.examples.tutorial.s01_models.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Section 13 on each database: one suite, one subclass per database. */
abstract class TransactionsSuite {

    private final TutorialDatabase t = TutorialDatabase.at(url(), User.class, Address.class);

    abstract String url();

    @AfterEach
    void close() {
        t.close();
    }

    @Test
    void commitRollbackAndSavepoints() {
        TransactionsExample.commit(t.db, "spongebob").block();

        assertThatThrownBy(() -> TransactionsExample.failHalfway(t.db).block()).hasMessageContaining("payment declined");
        assertThat(t.statements.count("ROLLBACK")).isEqualTo(1);

        assertThat(TransactionsExample.rollbackRestoresObjects(t.db, "spongebob").block()).isEqualTo("the committed spongebob");

        t.statements.clear();
        TransactionsExample.savepoint(t.db).block();
        assertThat(t.statements.statements()).filteredOn(sql -> sql.toUpperCase().contains("SAVEPOINT")).hasSize(4);  // 2 set, 1 rolled back to, 1 released

        assertThat(TransactionsExample.names(t.db).block()).containsExactly("gary", "plankton", "spongebob");
        assertThat(t.engine.acquiredConnections()).isZero();
    }
}
