package io.reactiveorm.sql;

import static io.reactiveorm.sql.Sql.abs;
import static io.reactiveorm.sql.Sql.concat;
import static io.reactiveorm.sql.Sql.count;
import static io.reactiveorm.sql.Sql.div;
import static io.reactiveorm.sql.Sql.length;
import static io.reactiveorm.sql.Sql.minus;
import static io.reactiveorm.sql.Sql.plus;
import static io.reactiveorm.sql.Sql.round;
import static io.reactiveorm.sql.Sql.select;
import static io.reactiveorm.sql.Sql.substring;
import static io.reactiveorm.sql.Sql.times;
import static io.reactiveorm.sql.Sql.update;
import static io.reactiveorm.sql.Sql.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reactiveorm.dialect.H2Dialect;
import io.reactiveorm.dialect.MariaDbDialect;
import io.reactiveorm.dialect.PostgresDialect;
import io.reactiveorm.fixture.Person;
import io.reactiveorm.fixture.Person_;
import io.reactiveorm.mapping.Metadata;
import io.reactiveorm.metamodel.HybridProperty;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Golden SQL of hybrid properties and the string and number functions, per dialect. */
class HybridRenderingTest {

    private static final Metadata METADATA = Metadata.of(Person.class);
    private static final SqlRenderer H2 = new SqlRenderer(new H2Dialect(), METADATA);
    private static final SqlRenderer PG = new SqlRenderer(new PostgresDialect(), METADATA);
    private static final SqlRenderer MARIADB = new SqlRenderer(new MariaDbDialect(), METADATA);

    private static final String PG_FULL_NAME = "(\"person\".\"first_name\" || $1 || \"person\".\"last_name\")";

    private static List<Object> binds(RenderedSql sql) {
        return sql.binds().stream().map(BindValue::value).toList();
    }

    /** The text between SELECT and FROM of a value query. */
    private static String projection(SqlRenderer renderer, Expression<?> e) {
        String sql = renderer.render(select(e).from(Person.class)).sql();
        return sql.substring("SELECT ".length(), sql.lastIndexOf(" FROM "));
    }

    @Test
    void aHybridInWhereAndOrderByIsItsExpression() {
        RenderedSql sql = PG.render(select(Person.class).where(Person_.fullName.eq("Alice Smith"))
                .orderBy(Person_.fullName.asc()));
        assertThat(sql.sql()).endsWith(" FROM \"person\" WHERE " + PG_FULL_NAME + " = $2 ORDER BY "
                + "(\"person\".\"first_name\" || $3 || \"person\".\"last_name\") ASC");
        assertThat(binds(sql)).containsExactly(" ", "Alice Smith", " ");
    }

    @Test
    void concatenationPerDialect() {
        assertThat(projection(H2, Person_.fullName))
                .isEqualTo("(\"PERSON\".\"FIRST_NAME\" || $1 || \"PERSON\".\"LAST_NAME\") AS \"FULLNAME\"");
        assertThat(projection(PG, Person_.fullName)).isEqualTo(PG_FULL_NAME + " AS \"fullName\"");
        assertThat(projection(MARIADB, Person_.fullName))
                .isEqualTo("CONCAT(`person`.`first_name`, ?, `person`.`last_name`) AS `fullName`");
    }

    @Test
    void aSelectedHybridIsFromItsEntityAndLabelledWithItsName() {
        RenderedSql sql = MARIADB.render(select(Person_.fullName));
        assertThat(sql.sql()).isEqualTo("SELECT CONCAT(`person`.`first_name`, ?, `person`.`last_name`) AS `fullName` "
                + "FROM `person`");
        assertThat(sql.types()).containsExactly(String.class);
    }

    @Test
    void lengthCountsCharactersOnEveryDatabase() {
        assertThat(projection(H2, length(Person_.lastName))).isEqualTo("char_length(\"PERSON\".\"LAST_NAME\")");
        assertThat(projection(PG, length(Person_.lastName))).isEqualTo("char_length(\"person\".\"last_name\")");
        assertThat(projection(MARIADB, length(Person_.lastName))).isEqualTo("CHAR_LENGTH(`person`.`last_name`)");
        // a hybrid inside a hybrid: its expression, unlabelled
        assertThat(projection(MARIADB, length(Person_.fullName)))
                .isEqualTo("CHAR_LENGTH(CONCAT(`person`.`first_name`, ?, `person`.`last_name`))");
    }

    @Test
    void substringIsOneBasedWithBoundPositions() {
        RenderedSql sql = PG.render(select(substring(Person_.lastName, 2, 3)).from(Person.class));
        assertThat(sql.sql()).startsWith("SELECT substring(\"person\".\"last_name\" FROM $1 FOR $2) FROM");
        assertThat(binds(sql)).containsExactly(2, 3);
        assertThat(projection(MARIADB, substring(Person_.lastName, 2))).isEqualTo("substring(`person`.`last_name` FROM ?)");
        assertThatThrownBy(() -> substring(Person_.lastName, 0)).isInstanceOf(StatementException.class)
                .hasMessageContaining("1-based").hasMessageContaining("Fix");
        assertThatThrownBy(() -> substring(Person_.lastName, 1, -1)).isInstanceOf(StatementException.class)
                .hasMessageContaining("negative length");
    }

    @Test
    void roundOfADoubleIsHalfAwayFromZeroOnEveryDatabase() {
        assertThat(projection(H2, round(Person_.score, 2))).isEqualTo("round(\"PERSON\".\"SCORE\", $1)");
        assertThat(projection(PG, round(Person_.score, 2))).isEqualTo("round(CAST(\"person\".\"score\" AS numeric), $1)");
        assertThat(projection(PG, round(Person_.score))).isEqualTo("round(CAST(\"person\".\"score\" AS numeric))");
        assertThat(projection(MARIADB, round(Person_.score)))
                .isEqualTo("ROUND(CAST(`person`.`score` AS DECIMAL(65, 30)))");
        // twin: an integer is rounded as it is
        assertThat(projection(PG, round(Person_.age, -1))).isEqualTo("round(\"person\".\"age\", $1)");
        assertThat(projection(MARIADB, round(Person_.age))).isEqualTo("ROUND(`person`.`age`)");
        assertThat(PG.render(select(round(Person_.score, 2)).from(Person.class)).types()).containsExactly(Double.class);
    }

    @Test
    void arithmeticIsParenthesisedAndIntegerDivisionTruncatesEverywhere() {
        assertThat(projection(PG, times(plus(Person_.age, 1), minus(Person_.balance, Person_.age))))
                .isEqualTo("((\"person\".\"age\" + $1) * (\"person\".\"balance\" - \"person\".\"age\"))");
        assertThat(projection(PG, div(Person_.balance, 2))).isEqualTo("(\"person\".\"balance\" / $1)");
        assertThat(projection(H2, div(Person_.balance, 2))).isEqualTo("(\"PERSON\".\"BALANCE\" / $1)");
        assertThat(projection(MARIADB, div(Person_.balance, 2))).isEqualTo("(`person`.`balance` DIV ?)");
        // twin: a double operand is a real division on MariaDB too
        assertThat(projection(MARIADB, div(Person_.score, Person_.age))).isEqualTo("(`person`.`score` / `person`.`age`)");
        assertThat(projection(MARIADB, div(Person_.balance, 2.0))).isEqualTo("(`person`.`balance` / ?)");
        assertThat(projection(MARIADB, abs(Person_.balance))).isEqualTo("abs(`person`.`balance`)");
        assertThatThrownBy(() -> plus(Person_.age, (Number) null)).isInstanceOf(StatementException.class)
                .hasMessageContaining("plus(.., null)");
    }

    @Test
    void groupingByASelectedHybridNamesItsLabel() {
        // PostgreSQL sees "first_name || $1 || ..." and "first_name || $3 || ..." as two expressions
        RenderedSql sql = PG.render(select(Person_.fullName, count()).groupBy(Person_.fullName)
                .orderBy(Person_.fullName.desc()));
        assertThat(sql.sql()).isEqualTo("SELECT " + PG_FULL_NAME + " AS \"fullName\", count(*) FROM \"person\" "
                + "GROUP BY \"fullName\" ORDER BY \"fullName\" DESC");
        assertThat(binds(sql)).containsExactly(" ");
        // a labelled expression is grouped by its label too
        RenderedSql labelled = MARIADB.render(select(Person_.decade.as("d"), count()).groupBy(Person_.decade));
        assertThat(labelled.sql()).isEqualTo("SELECT ((`person`.`age` DIV ?) * ?) AS `d`, count(*) "
                + "FROM `person` GROUP BY `d`");
        // twin: a hybrid that is not selected is written out
        assertThat(PG.render(select(count()).from(Person.class).groupBy(Person_.decade)).sql())
                .endsWith("GROUP BY ((\"person\".\"age\" / $1) * $2)");
    }

    @Test
    void hybridsWorkInBulkUpdates() {
        RenderedSql sql = PG.render(update(Person.class).set(Person_.lastName, "X").where(Person_.initials.eq("AS")));
        assertThat(sql.sql()).isEqualTo("UPDATE \"person\" SET \"last_name\" = $1 WHERE (substring(\"person\".\"first_name\" "
                + "FROM $2 FOR $3) || substring(\"person\".\"last_name\" FROM $4 FOR $5)) = $6");
    }

    @Test
    void aHybridDefinedByItselfIsAClearError() {
        HybridProperty<Person, String>[] self = newArray();
        self[0] = HybridProperty.of(Person.class, "loop", String.class, () -> concat(self[0], value("!")));
        assertThatThrownBy(() -> PG.render(select(self[0]).from(Person.class)))
                .isInstanceOf(StatementException.class)
                .hasMessageContaining("Person.loop is defined in terms of itself");
        HybridProperty<Person, String> none = HybridProperty.of(Person.class, "none", String.class, () -> null);
        assertThatThrownBy(() -> PG.render(select(none).from(Person.class)))
                .isInstanceOf(StatementException.class).hasMessageContaining("Person.none() returned null");
    }

    @SuppressWarnings("unchecked")
    private static HybridProperty<Person, String>[] newArray() {
        return new HybridProperty[1];
    }

    @Test
    void theHandleCallsTheMethodOnceAndIsEqualByEntityAndName() {
        int[] calls = {0};
        HybridProperty<Person, String> h = HybridProperty.of(Person.class, "x", String.class, () -> {
            calls[0]++;
            return Person_.firstName;
        });
        PG.render(select(h));
        PG.render(select(Person.class).where(h.eq("a")));
        assertThat(calls[0]).isEqualTo(1);
        assertThat(h).isEqualTo(HybridProperty.of(Person.class, "x", String.class, () -> Person_.lastName))
                .hasToString("Person_.x");
        assertThat(Person_.fullName.type()).isEqualTo(String.class);
        assertThat(Person_.fullName.entityType()).isEqualTo(Person.class);
    }
}
