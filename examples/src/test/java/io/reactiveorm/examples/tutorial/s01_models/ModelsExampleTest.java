package io.reactiveorm.examples.tutorial.s01_models;

import static io.reactiveorm.sql.Sql.count;
import static io.reactiveorm.sql.Sql.select;
import static org.assertj.core.api.Assertions.assertThat;

import io.reactiveorm.Engine;
import io.reactiveorm.SessionFactory;
import io.reactiveorm.mapping.AttributeModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ModelsExampleTest {

    private final Engine engine = Engine.create("r2dbc:h2:mem:///s01_models_test");
    private final SessionFactory db = SessionFactory.builder(engine).entities(User.class, Address.class).build();

    @AfterEach
    void close() {
        engine.close().block();
    }

    @Test
    void theMappingNamesTablesAndColumnsInSnakeCase() {
        assertThat(db.metadata().entity(User.class).tableName()).isEqualTo("user_account");
        assertThat(db.metadata().entity(Address.class).attributes()).extracting(AttributeModel::columnName)
                .contains("id", "email_address");
        assertThat(String.join("\n", ModelsExample.ddl(db)))
                .containsIgnoringCase("CREATE TABLE IF NOT EXISTS \"user_account\"")           // upper case on H2
                .containsIgnoringCase("\"name\" varchar(30) NOT NULL")
                .containsIgnoringCase("\"fullname\" varchar(255),")                              // JPA's default length
                .containsIgnoringCase("FOREIGN KEY (\"user_id\") REFERENCES \"user_account\"");
    }

    @Test
    void createAllMakesEmptyTables() {
        db.createAll().block();

        assertThat(db.inSession(s -> s.scalar(select(count()).from(User.class))).block()).isZero();
        assertThat(db.inSession(s -> s.scalar(select(count()).from(Address.class))).block()).isZero();
    }

    @Test
    void theMainProgramRuns() {
        ModelsExample.main(new String[0]);
    }
}
