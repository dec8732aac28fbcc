package io.reactiveorm.spring;

import io.reactiveorm.testsupport.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link ClientDisconnectSuite} on MariaDB (configured, or the machine's server). */
class MariaDbClientDisconnectTest extends ClientDisconnectSuite {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.r2dbc.url", TestDatabases::mariadbUrl);
    }

    /**
     * InnoDB's open transactions of the other connections to this database (the server is shared
     * with other databases). A transaction shows there once it has touched an InnoDB table, which
     * every parked request has: it wrote its row.
     */
    @Override
    protected String openTransactionsQuery() {
        return "SELECT count(*) FROM information_schema.INNODB_TRX t JOIN information_schema.PROCESSLIST p"
                + " ON p.ID = t.trx_mysql_thread_id WHERE p.DB = DATABASE() AND p.ID <> CONNECTION_ID()";
    }
}
