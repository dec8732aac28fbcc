package io.reactiveorm.it;

import io.reactiveorm.testsupport.TestDatabases;
import java.nio.file.Path;
import java.util.List;
import org.flywaydb.core.Flyway;

/** {@link MigrationSuite} on an in-memory H2 database of its own. */
class H2MigrationTest extends MigrationSuite {

    private static final String NAME = "migrations";

    @Override
    protected String url() {
        return TestDatabases.h2Url(NAME);
    }

    @Override
    protected List<String> emptySchema() {
        return List.of("DROP ALL OBJECTS");
    }

    @Override
    protected String lockStatement() {
        return "SELECT \"installed_rank\" FROM \"flyway_schema_history\" WHERE \"installed_rank\" = -1 FOR UPDATE";
    }

    @Override
    protected Flyway flyway(Path location) {
        // the same in-memory database (shared by name within the JVM), as the same user (r2dbc-h2 names none)
        return Flyway.configure().dataSource("jdbc:h2:mem:" + NAME + ";DB_CLOSE_DELAY=-1", "", "")
                .locations("filesystem:" + location).load();
    }
}
