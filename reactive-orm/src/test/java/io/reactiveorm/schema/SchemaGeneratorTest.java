package io.reactiveorm.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reactiveorm.dialect.ColumnTypes;
import io.reactiveorm.dialect.Dialect;
import io.reactiveorm.dialect.H2Dialect;
import io.reactiveorm.dialect.MariaDbDialect;
import io.reactiveorm.dialect.PostgresDialect;
import io.reactiveorm.dialect.SqlType;
import io.reactiveorm.mapping.BlogModel;
import io.reactiveorm.mapping.Metadata;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Exact DDL per dialect. The expected statements are one per line; a line ending in a backslash
 * continues on the next (text block line continuation), so each statement is one string.
 */
class SchemaGeneratorTest {

    private static final Metadata BLOG = Metadata.of(BlogModel.User.class, BlogModel.AllTypes.class);
    private static final Metadata ACCOUNTS = Metadata.of(SchemaFixtures.Account.class);

    @Test
    void blogOnPostgres() {
        SchemaGenerator ddl = new SchemaGenerator(BLOG, new PostgresDialect());
        assertThat(ddl.createStatements()).containsExactlyElementsOf(statements(PG_CREATE));
        assertThat(ddl.dropStatements()).containsExactlyElementsOf(statements(PG_DROP));
    }

    @Test
    void blogOnH2() {
        SchemaGenerator ddl = new SchemaGenerator(BLOG, new H2Dialect());
        assertThat(ddl.createStatements()).containsExactlyElementsOf(statements(H2_CREATE));
        assertThat(ddl.dropStatements()).containsExactlyElementsOf(statements(H2_DROP));
    }

    @Test
    void blogOnMariaDb() {
        SchemaGenerator ddl = new SchemaGenerator(BLOG, new MariaDbDialect());
        assertThat(ddl.createStatements()).containsExactlyElementsOf(statements(MARIADB_CREATE));
        assertThat(ddl.dropStatements()).containsExactlyElementsOf(statements(MARIADB_DROP));
    }

    @Test
    void schemasSequencesSelfReferencesAndColumnDefinitionsOnMariaDb() {
        SchemaGenerator ddl = new SchemaGenerator(ACCOUNTS, new MariaDbDialect());
        assertThat(ddl.createStatements()).containsExactlyElementsOf(statements(ACCOUNT_MARIADB_CREATE));
        assertThat(ddl.dropStatements()).containsExactlyElementsOf(statements(ACCOUNT_MARIADB_DROP));
    }

    @Test
    void schemasSequencesSelfReferencesAndColumnDefinitionsOnPostgres() {
        SchemaGenerator ddl = new SchemaGenerator(ACCOUNTS, new PostgresDialect());
        assertThat(ddl.createStatements()).containsExactlyElementsOf(statements(ACCOUNT_PG_CREATE));
        assertThat(ddl.dropStatements()).containsExactlyElementsOf(statements(ACCOUNT_PG_DROP));
    }

    @Test
    void schemasSequencesSelfReferencesAndColumnDefinitionsOnH2() {
        SchemaGenerator ddl = new SchemaGenerator(ACCOUNTS, new H2Dialect());
        assertThat(ddl.createStatements()).containsExactlyElementsOf(statements(ACCOUNT_H2_CREATE));
        assertThat(ddl.dropStatements()).containsExactlyElementsOf(statements(ACCOUNT_H2_DROP));
    }

    @Test
    void aDefaultSchemaHoldsTablesWithoutOneAndAssociationTablesAndSequences() {
        Metadata accounts = Metadata.of(List.of(SchemaFixtures.Account.class), "app");
        SchemaGenerator ddl = new SchemaGenerator(accounts, new PostgresDialect());
        // @Table(schema = "crm") keeps its schema; the association table and the sequence go to "app"
        assertThat(ddl.createStatements()).containsExactlyElementsOf(statements("""
                CREATE SCHEMA IF NOT EXISTS "app"
                CREATE SCHEMA IF NOT EXISTS "crm"
                CREATE SEQUENCE IF NOT EXISTS "app"."account_ids"
                CREATE TABLE IF NOT EXISTS "crm"."account" ("id" bigint DEFAULT nextval('"app"."account_ids"') NOT NULL, \
                "name" char(12) NOT NULL, "parent_id" bigint, PRIMARY KEY ("id"), \
                CONSTRAINT "fk_account_parent_id" FOREIGN KEY ("parent_id") REFERENCES "crm"."account" ("id"))
                CREATE TABLE IF NOT EXISTS "app"."account_account" ("account_id" bigint NOT NULL, \
                "partners_id" bigint NOT NULL, PRIMARY KEY ("account_id", "partners_id"), \
                CONSTRAINT "fk_account_account_account_id" FOREIGN KEY ("account_id") REFERENCES "crm"."account" ("id") ON DELETE CASCADE, \
                CONSTRAINT "fk_account_account_partners_id" FOREIGN KEY ("partners_id") REFERENCES "crm"."account" ("id") ON DELETE CASCADE)
                CREATE INDEX IF NOT EXISTS "ix_account_name" ON "crm"."account" ("name")
                """));
        assertThat(ddl.dropStatements()).containsExactly("DROP TABLE IF EXISTS \"app\".\"account_account\" CASCADE",
                "DROP TABLE IF EXISTS \"crm\".\"account\" CASCADE", "DROP SEQUENCE IF EXISTS \"app\".\"account_ids\"");
        // on MariaDB a schema is a database
        assertThat(new SchemaGenerator(accounts, new MariaDbDialect()).createStatements())
                .startsWith("CREATE SCHEMA IF NOT EXISTS `app`", "CREATE SCHEMA IF NOT EXISTS `crm`",
                        "CREATE SEQUENCE IF NOT EXISTS `app`.`account_ids`")
                .anyMatch(sql -> sql.contains("DEFAULT NEXT VALUE FOR `app`.`account_ids`"))
                .anyMatch(sql -> sql.startsWith("CREATE TABLE IF NOT EXISTS `app`.`account_account`"));
        // H2 needs the schema before a guarded drop
        assertThat(new SchemaGenerator(accounts, new H2Dialect()).dropStatements())
                .startsWith("CREATE SCHEMA IF NOT EXISTS \"APP\"", "CREATE SCHEMA IF NOT EXISTS \"CRM\"");
        assertThatThrownBy(() -> Metadata.of(List.of(SchemaFixtures.Account.class), " "))
                .isInstanceOf(io.reactiveorm.mapping.MappingException.class).hasMessageContaining("blank");
    }

    @Test
    void everyStatementIsGuardedSoThatRunningItTwiceIsHarmless() {
        for (Dialect dialect : List.of(new PostgresDialect(), new H2Dialect(), new MariaDbDialect())) {
            SchemaGenerator ddl = new SchemaGenerator(BLOG, dialect);
            List<String> create = ddl.createStatements();
            for (int i = 0; i < create.size(); i++) {
                String sql = create.get(i);
                if (sql.startsWith("ALTER TABLE") && sql.contains(" ADD CONSTRAINT ")) {
                    assertThat(create.get(i - 1)).as("dropped first: " + sql).contains(" DROP CONSTRAINT IF EXISTS ");
                } else {
                    assertThat(sql).containsAnyOf("IF NOT EXISTS", "DROP CONSTRAINT IF EXISTS");
                }
            }
            assertThat(ddl.dropStatements()).allSatisfy(sql -> assertThat(sql).contains("IF EXISTS"));
        }
    }

    @Test
    void aSequenceKeyOnADatabaseWithoutSequencesIsRefusedNamingTheAttribute() {
        ColumnTypes h2Types = new H2Dialect().types();
        Dialect noSequences = new H2Dialect() {
            @Override
            public ColumnTypes types() {
                return new ColumnTypes() {
                    @Override
                    public String columnType(SqlType type) {
                        return h2Types.columnType(type);
                    }

                    @Override
                    public boolean supportsSequences() {
                        return false;
                    }

                    @Override
                    public String nextSequenceValue(String quotedSequence) {
                        throw new AssertionError("never asked");
                    }
                };
            }
        };
        assertThatThrownBy(() -> new SchemaGenerator(ACCOUNTS, noSequences).createStatements())
                .isInstanceOf(io.reactiveorm.OrmException.class)
                .hasMessageContaining("Account.id").hasMessageContaining("account_ids").hasMessageContaining("IDENTITY");
        // twin: the same mapping where sequences exist
        assertThat(new SchemaGenerator(ACCOUNTS, new H2Dialect()).createStatements()).anyMatch(sql -> sql.contains("SEQUENCE"));
    }

    @Test
    void tablesFollowTheTablesTheyReference() {
        TableOrder order = TableOrder.of(BLOG);
        assertThat(order.entities().stream().map(m -> m.tableName()).toList())
                .containsExactly("post", "users", "all_types", "profile", "comment", "tag");
        assertThat(order.deferred()).extracting(Object::toString).containsExactly("Post.author");
        assertThat(TableOrder.of(ACCOUNTS).deferred()).as("self-references stay inline").isEmpty();
    }

    @Test
    void argumentsAreRequired() {
        assertThatNullPointerException().isThrownBy(() -> new SchemaGenerator(null, new H2Dialect()))
                .withMessage("metadata");
        assertThatNullPointerException().isThrownBy(() -> new SchemaGenerator(BLOG, null)).withMessage("dialect");
    }

    private static List<String> statements(String block) {
        return block.lines().toList();
    }

    private static final String PG_CREATE = """
            CREATE SEQUENCE IF NOT EXISTS "profile_seq"
            CREATE SEQUENCE IF NOT EXISTS "comment_ids"
            CREATE TABLE IF NOT EXISTS "post" ("id" bigint GENERATED BY DEFAULT AS IDENTITY NOT NULL, \
            "version" bigint DEFAULT 0 NOT NULL, \
            "created_at" timestamp with time zone DEFAULT CURRENT_TIMESTAMP NOT NULL, \
            "updated_at" timestamp with time zone, "title" varchar(255) NOT NULL, "body" text, \
            "status" integer DEFAULT 0, "author_id" bigint NOT NULL, PRIMARY KEY ("id"))
            CREATE TABLE IF NOT EXISTS "users" ("id" bigint GENERATED BY DEFAULT AS IDENTITY NOT NULL, \
            "version" bigint DEFAULT 0 NOT NULL, \
            "created_at" timestamp with time zone DEFAULT CURRENT_TIMESTAMP NOT NULL, \
            "updated_at" timestamp with time zone, "first_name" varchar(100) NOT NULL, \
            "last_name" varchar(255), "email" varchar(255) NOT NULL, "role" varchar(20), \
            "active" boolean NOT NULL, "login_count" integer, "address_street" varchar(255), \
            "address_city" varchar(255), "address_zip" varchar(10), "address_geo_lat" double precision, \
            "address_geo_lon" double precision, "billing_address_street" varchar(255), \
            "billing_town" varchar(255), "billing_address_zip" varchar(10), \
            "billing_latitude" double precision, "billing_address_geo_lon" double precision, \
            "pinned_post_id" bigint, PRIMARY KEY ("id"), CONSTRAINT "uk_users_email" UNIQUE ("email"), \
            CONSTRAINT "fk_users_pinned_post_id" FOREIGN KEY ("pinned_post_id") REFERENCES "post" ("id"))
            CREATE TABLE IF NOT EXISTS "all_types" ("code" varchar(255) NOT NULL, "text" varchar(255), \
            "flag" boolean NOT NULL, "boxed_flag" boolean, "int_value" integer NOT NULL, "boxed_int" integer, \
            "long_value" bigint NOT NULL, "boxed_long" bigint, "short_value" smallint NOT NULL, \
            "boxed_short" smallint, "double_value" double precision NOT NULL, "boxed_double" double precision, \
            "float_value" real NOT NULL, "boxed_float" real, "amount" numeric(12,3), "uuid" uuid, \
            "instant" timestamp with time zone, "date" date, "time" time, "date_time" timestamp, \
            "offset_date_time" timestamp with time zone, "bytes" bytea, "ordinal_role" integer, \
            "string_role" varchar(255), PRIMARY KEY ("code"))
            CREATE TABLE IF NOT EXISTS "profile" ("id" bigint DEFAULT nextval('"profile_seq"') NOT NULL, \
            "bio" varchar(255), "user_id" bigint NOT NULL UNIQUE, PRIMARY KEY ("id"), \
            CONSTRAINT "fk_profile_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id"))
            CREATE TABLE IF NOT EXISTS "comment" ("id" bigint DEFAULT nextval('"comment_ids"') NOT NULL, \
            "post_id" bigint NOT NULL, "text" varchar(2000) NOT NULL, "reply_to_id" bigint, "author_id" bigint, \
            PRIMARY KEY ("id"), \
            CONSTRAINT "fk_comment_post_id" FOREIGN KEY ("post_id") REFERENCES "post" ("id"), \
            CONSTRAINT "fk_comment_reply_to_id" FOREIGN KEY ("reply_to_id") REFERENCES "comment" ("id"), \
            CONSTRAINT "fk_comment_author_id" FOREIGN KEY ("author_id") REFERENCES "users" ("id"))
            CREATE TABLE IF NOT EXISTS "tag" ("id" uuid NOT NULL, "name" varchar(50) NOT NULL UNIQUE, \
            PRIMARY KEY ("id"))
            ALTER TABLE "post" DROP CONSTRAINT IF EXISTS "fk_post_author_id"
            ALTER TABLE "post" ADD CONSTRAINT "fk_post_author_id" FOREIGN KEY ("author_id") REFERENCES "users" ("id")
            CREATE TABLE IF NOT EXISTS "post_tags" ("post_id" bigint NOT NULL, "tag_id" uuid NOT NULL, \
            PRIMARY KEY ("post_id", "tag_id"), \
            CONSTRAINT "fk_post_tags_post_id" FOREIGN KEY ("post_id") REFERENCES "post" ("id") ON DELETE CASCADE, \
            CONSTRAINT "fk_post_tags_tag_id" FOREIGN KEY ("tag_id") REFERENCES "tag" ("id") ON DELETE CASCADE)
            CREATE UNIQUE INDEX IF NOT EXISTS "post_by_author_status" ON "post" ("author_id", "status")
            CREATE INDEX IF NOT EXISTS "ix_users_last_name_first_name" ON "users" ("last_name", "first_name")
            """;

    private static final String PG_DROP = """
            DROP TABLE IF EXISTS "post_tags" CASCADE
            DROP TABLE IF EXISTS "tag" CASCADE
            DROP TABLE IF EXISTS "comment" CASCADE
            DROP TABLE IF EXISTS "profile" CASCADE
            DROP TABLE IF EXISTS "all_types" CASCADE
            DROP TABLE IF EXISTS "users" CASCADE
            DROP TABLE IF EXISTS "post" CASCADE
            DROP SEQUENCE IF EXISTS "profile_seq"
            DROP SEQUENCE IF EXISTS "comment_ids"
            """;

    private static final String H2_CREATE = """
            CREATE SEQUENCE IF NOT EXISTS "PROFILE_SEQ"
            CREATE SEQUENCE IF NOT EXISTS "COMMENT_IDS"
            CREATE TABLE IF NOT EXISTS "POST" ("ID" bigint GENERATED BY DEFAULT AS IDENTITY NOT NULL, \
            "VERSION" bigint DEFAULT 0 NOT NULL, \
            "CREATED_AT" timestamp with time zone DEFAULT CURRENT_TIMESTAMP NOT NULL, \
            "UPDATED_AT" timestamp with time zone, "TITLE" varchar(255) NOT NULL, "BODY" text, \
            "STATUS" integer DEFAULT 0, "AUTHOR_ID" bigint NOT NULL, PRIMARY KEY ("ID"))
            CREATE TABLE IF NOT EXISTS "USERS" ("ID" bigint GENERATED BY DEFAULT AS IDENTITY NOT NULL, \
            "VERSION" bigint DEFAULT 0 NOT NULL, \
            "CREATED_AT" timestamp with time zone DEFAULT CURRENT_TIMESTAMP NOT NULL, \
            "UPDATED_AT" timestamp with time zone, "FIRST_NAME" varchar(100) NOT NULL, \
            "LAST_NAME" varchar(255), "EMAIL" varchar(255) NOT NULL, "ROLE" varchar(20), \
            "ACTIVE" boolean NOT NULL, "LOGIN_COUNT" integer, "ADDRESS_STREET" varchar(255), \
            "ADDRESS_CITY" varchar(255), "ADDRESS_ZIP" varchar(10), "ADDRESS_GEO_LAT" double precision, \
            "ADDRESS_GEO_LON" double precision, "BILLING_ADDRESS_STREET" varchar(255), \
            "BILLING_TOWN" varchar(255), "BILLING_ADDRESS_ZIP" varchar(10), \
            "BILLING_LATITUDE" double precision, "BILLING_ADDRESS_GEO_LON" double precision, \
            "PINNED_POST_ID" bigint, PRIMARY KEY ("ID"), CONSTRAINT "UK_USERS_EMAIL" UNIQUE ("EMAIL"), \
            CONSTRAINT "FK_USERS_PINNED_POST_ID" FOREIGN KEY ("PINNED_POST_ID") REFERENCES "POST" ("ID"))
            CREATE TABLE IF NOT EXISTS "ALL_TYPES" ("CODE" varchar(255) NOT NULL, "TEXT" varchar(255), \
            "FLAG" boolean NOT NULL, "BOXED_FLAG" boolean, "INT_VALUE" integer NOT NULL, "BOXED_INT" integer, \
            "LONG_VALUE" bigint NOT NULL, "BOXED_LONG" bigint, "SHORT_VALUE" smallint NOT NULL, \
            "BOXED_SHORT" smallint, "DOUBLE_VALUE" double precision NOT NULL, "BOXED_DOUBLE" double precision, \
            "FLOAT_VALUE" real NOT NULL, "BOXED_FLOAT" real, "AMOUNT" numeric(12,3), "UUID" uuid, \
            "INSTANT" timestamp with time zone, "DATE" date, "TIME" time(6), "DATE_TIME" timestamp, \
            "OFFSET_DATE_TIME" timestamp with time zone, "BYTES" varbinary, "ORDINAL_ROLE" integer, \
            "STRING_ROLE" varchar(255), PRIMARY KEY ("CODE"))
            CREATE TABLE IF NOT EXISTS "PROFILE" ("ID" bigint DEFAULT NEXT VALUE FOR "PROFILE_SEQ" NOT NULL, \
            "BIO" varchar(255), "USER_ID" bigint NOT NULL UNIQUE, PRIMARY KEY ("ID"), \
            CONSTRAINT "FK_PROFILE_USER_ID" FOREIGN KEY ("USER_ID") REFERENCES "USERS" ("ID"))
            CREATE TABLE IF NOT EXISTS "COMMENT" ("ID" bigint DEFAULT NEXT VALUE FOR "COMMENT_IDS" NOT NULL, \
            "POST_ID" bigint NOT NULL, "TEXT" varchar(2000) NOT NULL, "REPLY_TO_ID" bigint, "AUTHOR_ID" bigint, \
            PRIMARY KEY ("ID"), \
            CONSTRAINT "FK_COMMENT_POST_ID" FOREIGN KEY ("POST_ID") REFERENCES "POST" ("ID"), \
            CONSTRAINT "FK_COMMENT_REPLY_TO_ID" FOREIGN KEY ("REPLY_TO_ID") REFERENCES "COMMENT" ("ID"), \
            CONSTRAINT "FK_COMMENT_AUTHOR_ID" FOREIGN KEY ("AUTHOR_ID") REFERENCES "USERS" ("ID"))
            CREATE TABLE IF NOT EXISTS "TAG" ("ID" uuid NOT NULL, "NAME" varchar(50) NOT NULL UNIQUE, \
            PRIMARY KEY ("ID"))
            ALTER TABLE "POST" DROP CONSTRAINT IF EXISTS "FK_POST_AUTHOR_ID"
            ALTER TABLE "POST" ADD CONSTRAINT "FK_POST_AUTHOR_ID" FOREIGN KEY ("AUTHOR_ID") REFERENCES "USERS" ("ID")
            CREATE TABLE IF NOT EXISTS "POST_TAGS" ("POST_ID" bigint NOT NULL, "TAG_ID" uuid NOT NULL, \
            PRIMARY KEY ("POST_ID", "TAG_ID"), \
            CONSTRAINT "FK_POST_TAGS_POST_ID" FOREIGN KEY ("POST_ID") REFERENCES "POST" ("ID") ON DELETE CASCADE, \
            CONSTRAINT "FK_POST_TAGS_TAG_ID" FOREIGN KEY ("TAG_ID") REFERENCES "TAG" ("ID") ON DELETE CASCADE)
            CREATE UNIQUE INDEX IF NOT EXISTS "POST_BY_AUTHOR_STATUS" ON "POST" ("AUTHOR_ID", "STATUS")
            CREATE INDEX IF NOT EXISTS "IX_USERS_LAST_NAME_FIRST_NAME" ON "USERS" ("LAST_NAME", "FIRST_NAME")
            """;

    private static final String H2_DROP = """
            DROP TABLE IF EXISTS "POST_TAGS" CASCADE
            DROP TABLE IF EXISTS "TAG" CASCADE
            DROP TABLE IF EXISTS "COMMENT" CASCADE
            DROP TABLE IF EXISTS "PROFILE" CASCADE
            DROP TABLE IF EXISTS "ALL_TYPES" CASCADE
            DROP TABLE IF EXISTS "USERS" CASCADE
            DROP TABLE IF EXISTS "POST" CASCADE
            DROP SEQUENCE IF EXISTS "PROFILE_SEQ"
            DROP SEQUENCE IF EXISTS "COMMENT_IDS"
            """;

    private static final String ACCOUNT_PG_CREATE = """
            CREATE SCHEMA IF NOT EXISTS "crm"
            CREATE SEQUENCE IF NOT EXISTS "account_ids"
            CREATE TABLE IF NOT EXISTS "crm"."account" ("id" bigint DEFAULT nextval('"account_ids"') NOT NULL, \
            "name" char(12) NOT NULL, "parent_id" bigint, PRIMARY KEY ("id"), \
            CONSTRAINT "fk_account_parent_id" FOREIGN KEY ("parent_id") REFERENCES "crm"."account" ("id"))
            CREATE TABLE IF NOT EXISTS "account_account" ("account_id" bigint NOT NULL, \
            "partners_id" bigint NOT NULL, PRIMARY KEY ("account_id", "partners_id"), \
            CONSTRAINT "fk_account_account_account_id" FOREIGN KEY ("account_id") REFERENCES "crm"."account" ("id") ON DELETE CASCADE, \
            CONSTRAINT "fk_account_account_partners_id" FOREIGN KEY ("partners_id") REFERENCES "crm"."account" ("id") ON DELETE CASCADE)
            CREATE INDEX IF NOT EXISTS "ix_account_name" ON "crm"."account" ("name")
            """;

    private static final String ACCOUNT_PG_DROP = """
            DROP TABLE IF EXISTS "account_account" CASCADE
            DROP TABLE IF EXISTS "crm"."account" CASCADE
            DROP SEQUENCE IF EXISTS "account_ids"
            """;

    private static final String ACCOUNT_H2_CREATE = """
            CREATE SCHEMA IF NOT EXISTS "CRM"
            CREATE SEQUENCE IF NOT EXISTS "ACCOUNT_IDS"
            CREATE TABLE IF NOT EXISTS "CRM"."ACCOUNT" ("ID" bigint DEFAULT NEXT VALUE FOR "ACCOUNT_IDS" NOT NULL, \
            "NAME" char(12) NOT NULL, "PARENT_ID" bigint, PRIMARY KEY ("ID"), \
            CONSTRAINT "FK_ACCOUNT_PARENT_ID" FOREIGN KEY ("PARENT_ID") REFERENCES "CRM"."ACCOUNT" ("ID"))
            CREATE TABLE IF NOT EXISTS "ACCOUNT_ACCOUNT" ("ACCOUNT_ID" bigint NOT NULL, \
            "PARTNERS_ID" bigint NOT NULL, PRIMARY KEY ("ACCOUNT_ID", "PARTNERS_ID"), \
            CONSTRAINT "FK_ACCOUNT_ACCOUNT_ACCOUNT_ID" FOREIGN KEY ("ACCOUNT_ID") REFERENCES "CRM"."ACCOUNT" ("ID") ON DELETE CASCADE, \
            CONSTRAINT "FK_ACCOUNT_ACCOUNT_PARTNERS_ID" FOREIGN KEY ("PARTNERS_ID") REFERENCES "CRM"."ACCOUNT" ("ID") ON DELETE CASCADE)
            CREATE INDEX IF NOT EXISTS "IX_ACCOUNT_NAME" ON "CRM"."ACCOUNT" ("NAME")
            """;

    private static final String ACCOUNT_H2_DROP = """
            CREATE SCHEMA IF NOT EXISTS "CRM"
            DROP TABLE IF EXISTS "ACCOUNT_ACCOUNT" CASCADE
            DROP TABLE IF EXISTS "CRM"."ACCOUNT" CASCADE
            DROP SEQUENCE IF EXISTS "ACCOUNT_IDS"
            """;

    private static final String MARIADB_CREATE = """
            CREATE SEQUENCE IF NOT EXISTS `profile_seq`
            CREATE SEQUENCE IF NOT EXISTS `comment_ids`
            CREATE TABLE IF NOT EXISTS `post` (`id` bigint AUTO_INCREMENT NOT NULL, `version` bigint DEFAULT 0 \
            NOT NULL, `created_at` datetime(6) DEFAULT CURRENT_TIMESTAMP NOT NULL, `updated_at` datetime(6), \
            `title` varchar(255) NOT NULL, `body` text, `status` integer DEFAULT 0, `author_id` bigint NOT NULL, \
            PRIMARY KEY (`id`))
            CREATE TABLE IF NOT EXISTS `users` (`id` bigint AUTO_INCREMENT NOT NULL, `version` bigint DEFAULT 0 \
            NOT NULL, `created_at` datetime(6) DEFAULT CURRENT_TIMESTAMP NOT NULL, `updated_at` datetime(6), \
            `first_name` varchar(100) NOT NULL, `last_name` varchar(255), `email` varchar(255) NOT NULL, `role` \
            varchar(20), `active` boolean NOT NULL, `login_count` integer, `address_street` varchar(255), \
            `address_city` varchar(255), `address_zip` varchar(10), `address_geo_lat` double, `address_geo_lon` \
            double, `billing_address_street` varchar(255), `billing_town` varchar(255), `billing_address_zip` \
            varchar(10), `billing_latitude` double, `billing_address_geo_lon` double, `pinned_post_id` bigint, \
            PRIMARY KEY (`id`), CONSTRAINT `uk_users_email` UNIQUE (`email`), CONSTRAINT \
            `fk_users_pinned_post_id` FOREIGN KEY (`pinned_post_id`) REFERENCES `post` (`id`))
            CREATE TABLE IF NOT EXISTS `all_types` (`code` varchar(255) NOT NULL, `text` varchar(255), `flag` \
            boolean NOT NULL, `boxed_flag` boolean, `int_value` integer NOT NULL, `boxed_int` integer, \
            `long_value` bigint NOT NULL, `boxed_long` bigint, `short_value` smallint NOT NULL, `boxed_short` \
            smallint, `double_value` double NOT NULL, `boxed_double` double, `float_value` float NOT NULL, \
            `boxed_float` float, `amount` decimal(12,3), `uuid` uuid, `instant` datetime(6), `date` date, `time` \
            time(6), `date_time` datetime(6), `offset_date_time` datetime(6), `bytes` longblob, `ordinal_role` \
            integer, `string_role` varchar(255), PRIMARY KEY (`code`))
            CREATE TABLE IF NOT EXISTS `profile` (`id` bigint DEFAULT NEXT VALUE FOR `profile_seq` NOT NULL, \
            `bio` varchar(255), `user_id` bigint NOT NULL UNIQUE, PRIMARY KEY (`id`), CONSTRAINT \
            `fk_profile_user_id` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`))
            CREATE TABLE IF NOT EXISTS `comment` (`id` bigint DEFAULT NEXT VALUE FOR `comment_ids` NOT NULL, \
            `post_id` bigint NOT NULL, `text` varchar(2000) NOT NULL, `reply_to_id` bigint, `author_id` bigint, \
            PRIMARY KEY (`id`), CONSTRAINT `fk_comment_post_id` FOREIGN KEY (`post_id`) REFERENCES `post` \
            (`id`), CONSTRAINT `fk_comment_reply_to_id` FOREIGN KEY (`reply_to_id`) REFERENCES `comment` (`id`), \
            CONSTRAINT `fk_comment_author_id` FOREIGN KEY (`author_id`) REFERENCES `users` (`id`))
            CREATE TABLE IF NOT EXISTS `tag` (`id` uuid NOT NULL, `name` varchar(50) NOT NULL UNIQUE, PRIMARY \
            KEY (`id`))
            ALTER TABLE `post` DROP CONSTRAINT IF EXISTS `fk_post_author_id`
            ALTER TABLE `post` ADD CONSTRAINT `fk_post_author_id` FOREIGN KEY (`author_id`) REFERENCES `users` \
            (`id`)
            CREATE TABLE IF NOT EXISTS `post_tags` (`post_id` bigint NOT NULL, `tag_id` uuid NOT NULL, PRIMARY \
            KEY (`post_id`, `tag_id`), CONSTRAINT `fk_post_tags_post_id` FOREIGN KEY (`post_id`) REFERENCES \
            `post` (`id`) ON DELETE CASCADE, CONSTRAINT `fk_post_tags_tag_id` FOREIGN KEY (`tag_id`) REFERENCES \
            `tag` (`id`) ON DELETE CASCADE)
            CREATE UNIQUE INDEX IF NOT EXISTS `post_by_author_status` ON `post` (`author_id`, `status`)
            CREATE INDEX IF NOT EXISTS `ix_users_last_name_first_name` ON `users` (`last_name`, `first_name`)
            """;

    private static final String MARIADB_DROP = """
            SET STATEMENT foreign_key_checks = 0 FOR DROP TABLE IF EXISTS `post_tags`
            SET STATEMENT foreign_key_checks = 0 FOR DROP TABLE IF EXISTS `tag`
            SET STATEMENT foreign_key_checks = 0 FOR DROP TABLE IF EXISTS `comment`
            SET STATEMENT foreign_key_checks = 0 FOR DROP TABLE IF EXISTS `profile`
            SET STATEMENT foreign_key_checks = 0 FOR DROP TABLE IF EXISTS `all_types`
            SET STATEMENT foreign_key_checks = 0 FOR DROP TABLE IF EXISTS `users`
            SET STATEMENT foreign_key_checks = 0 FOR DROP TABLE IF EXISTS `post`
            DROP SEQUENCE IF EXISTS `profile_seq`
            DROP SEQUENCE IF EXISTS `comment_ids`
            """;

    private static final String ACCOUNT_MARIADB_CREATE = """
            CREATE SCHEMA IF NOT EXISTS `crm`
            CREATE SEQUENCE IF NOT EXISTS `account_ids`
            CREATE TABLE IF NOT EXISTS `crm`.`account` (`id` bigint DEFAULT NEXT VALUE FOR `account_ids` NOT \
            NULL, `name` char(12) NOT NULL, `parent_id` bigint, PRIMARY KEY (`id`), CONSTRAINT \
            `fk_account_parent_id` FOREIGN KEY (`parent_id`) REFERENCES `crm`.`account` (`id`))
            CREATE TABLE IF NOT EXISTS `account_account` (`account_id` bigint NOT NULL, `partners_id` bigint NOT \
            NULL, PRIMARY KEY (`account_id`, `partners_id`), CONSTRAINT `fk_account_account_account_id` FOREIGN \
            KEY (`account_id`) REFERENCES `crm`.`account` (`id`) ON DELETE CASCADE, CONSTRAINT \
            `fk_account_account_partners_id` FOREIGN KEY (`partners_id`) REFERENCES `crm`.`account` (`id`) ON \
            DELETE CASCADE)
            CREATE INDEX IF NOT EXISTS `ix_account_name` ON `crm`.`account` (`name`)
            """;

    private static final String ACCOUNT_MARIADB_DROP = """
            SET STATEMENT foreign_key_checks = 0 FOR DROP TABLE IF EXISTS `account_account`
            SET STATEMENT foreign_key_checks = 0 FOR DROP TABLE IF EXISTS `crm`.`account`
            DROP SEQUENCE IF EXISTS `account_ids`
            """;
}
