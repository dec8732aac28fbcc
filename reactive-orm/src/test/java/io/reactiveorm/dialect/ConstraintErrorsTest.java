package io.reactiveorm.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Constraint and table names from each database's integrity-violation messages, as the drivers pass them on. */
class ConstraintErrorsTest {

    private static final ConstraintErrors MARIADB = new MariaDbDialect().constraintErrors();
    private static final ConstraintErrors PG = new PostgresDialect().constraintErrors();
    private static final ConstraintErrors H2 = new H2Dialect().constraintErrors();

    @Test
    void mariaDbNamesTheKeyOrTheConstraint() {
        assertThat(MARIADB.constraint("Duplicate entry 'dup@x' for key 'email'")).contains("email");
        assertThat(MARIADB.constraint("Duplicate entry 'a' for key 'user.uk_email'")).as("MySQL 8's table prefix").contains("uk_email");
        assertThat(MARIADB.constraint("Cannot add or update a child row: a foreign key constraint fails (`test`.`post`, "
                + "CONSTRAINT `fk_post_author_id` FOREIGN KEY (`author_id`) REFERENCES `user` (`id`))")).contains("fk_post_author_id");
        assertThat(MARIADB.constraint("CONSTRAINT `ck_age` failed for `test`.`user`")).contains("ck_age");
        assertThat(MARIADB.constraint("Column 'name' cannot be null")).isEmpty();
    }

    @Test
    void theTableComesFromTheStatementInTheDialectsQuotes() {
        assertThat(MARIADB.table("INSERT INTO `user` (`name`) VALUES (?)")).contains("user");
        assertThat(MARIADB.table("INSERT IGNORE INTO `crm`.`account` (`name`) VALUES (?)")).contains("account");
        assertThat(MARIADB.table("UPDATE `we``ird` SET `a` = ?")).contains("we`ird");
        assertThat(MARIADB.table("DELETE FROM `post` WHERE `post`.`id` = ?")).contains("post");
        assertThat(MARIADB.table("SELECT 1")).isEmpty();
        // twin: the same statement in another dialect's quotes is not read as MariaDB's
        assertThat(MARIADB.table("INSERT INTO \"user\" (\"name\") VALUES ($1)")).isEmpty();
        assertThat(PG.table("INSERT INTO \"user\" (\"name\") VALUES ($1)")).contains("user");
    }

    @Test
    void postgresAndH2() {
        assertThat(PG.constraint("duplicate key value violates unique constraint \"user_email_key\"")).contains("user_email_key");
        assertThat(H2.constraint("Unique index or primary key violation: \"PUBLIC.CONSTRAINT_INDEX_2 ON PUBLIC.\"\"USER\"\"(EMAIL)\""))
                .contains("CONSTRAINT_INDEX_2");
        assertThat(H2.table("MERGE INTO \"USER\" USING (VALUES (1))")).contains("USER");
    }
}
