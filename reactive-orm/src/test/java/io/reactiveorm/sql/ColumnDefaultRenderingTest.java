package io.reactiveorm.sql;

import static io.reactiveorm.sql.Sql.insert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reactiveorm.OrmException;
import io.reactiveorm.dialect.H2Dialect;
import io.reactiveorm.dialect.PostgresDialect;
import io.reactiveorm.fixture.Ticket;
import io.reactiveorm.fixture.Ticket_;
import io.reactiveorm.mapping.Metadata;
import org.junit.jupiter.api.Test;

/** Golden tests: entity-row inserts leave null columns with a database default ({@code @ColumnDefault}) to it. */
class ColumnDefaultRenderingTest {

    private static final Metadata METADATA = Metadata.of(Ticket.class);
    private static final SqlRenderer PG = new SqlRenderer(new PostgresDialect(), METADATA);
    private static final SqlRenderer H2 = new SqlRenderer(new H2Dialect(), METADATA);

    @Test
    void nullDefaultedColumnsAreLeftOutAndSetOnesWritten() {
        assertThat(PG.render(insert(Ticket.class).values(new Ticket("a"), new Ticket("b"))).sql())
                .isEqualTo("INSERT INTO \"ticket\" (\"title\") VALUES ($1), ($2)");
        RenderedSql set = PG.render(insert(Ticket.class).values(new Ticket("a").setStatus("closed")));
        assertThat(set.sql()).isEqualTo("INSERT INTO \"ticket\" (\"title\", \"status\") VALUES ($1, $2)");
        assertThat(set.binds()).extracting(BindValue::value).containsExactly("a", "closed");
    }

    @Test
    void theDefaultsChosenAreReturnedWithTheirTypes() {
        RenderedSql pg = PG.render(insert(Ticket.class).values(new Ticket("a"))
                .returning(Ticket_.id, Ticket_.status, Ticket_.createdAt));
        assertThat(pg.sql()).isEqualTo("INSERT INTO \"ticket\" (\"title\") VALUES ($1) RETURNING \"id\", \"status\", \"created_at\"");
        assertThat(pg.columns()).extracting(io.reactiveorm.mapping.AttributeModel::path).containsExactly("id", "status", "createdAt");
        assertThat(pg.types()).containsExactly(Long.class, String.class, java.time.Instant.class);

        RenderedSql pgRows = PG.render(insert(Ticket.class).values(new Ticket("a"), new Ticket("b"))
                .returning(Ticket_.id, Ticket_.createdAt));
        assertThat(pgRows.sql()).startsWith("INSERT INTO \"ticket\" (\"title\") SELECT \"title\" FROM unnest(")
                .endsWith("RETURNING \"id\", \"created_at\"");
        assertThat(pgRows.types()).containsExactly(Long.class, java.time.Instant.class);

        RenderedSql h2 = H2.render(insert(Ticket.class).values(new Ticket("a"), new Ticket("b"))
                .returning(Ticket_.id, Ticket_.createdAt));
        assertThat(h2.sql()).isEqualTo("INSERT INTO \"TICKET\" (\"TITLE\") VALUES ($1), ($2)");
        assertThat(h2.generatedKeys()).containsExactly("ID", "CREATED_AT");
        assertThat(h2.types()).containsExactly(Long.class, java.time.Instant.class);
    }

    @Test
    void rowsThatDisagreeOnADefaultedColumnCannotShareAStatement() {
        Ticket open = new Ticket("open");
        Ticket closed = new Ticket("closed").setStatus("closed");
        assertThatThrownBy(() -> PG.render(insert(Ticket.class).values(open, closed)))
                .isInstanceOf(OrmException.class)
                .hasMessageContaining("insert(Ticket)")
                .hasMessageContaining("status")
                .hasMessageContaining("Fix: insert the rows with and without status in separate statements");
        // the twin: the same rows agreeing on it render
        open.setStatus("open");
        assertThat(PG.render(insert(Ticket.class).values(open, closed)).sql())
                .isEqualTo("INSERT INTO \"ticket\" (\"title\", \"status\") VALUES ($1, $2), ($3, $4)");
    }
}
