package io.reactiveorm.migrate.internal;

import io.reactiveorm.Engine;
import io.reactiveorm.OrmException;
import io.reactiveorm.SchemaValidation;
import io.reactiveorm.mapping.Metadata;
import io.reactiveorm.schema.SchemaChange;
import io.reactiveorm.schema.SchemaDiff;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Compares the mapping with the database at startup and reports what would break the sessions: a
 * missing table or column, a column of another type, nullability that rejects what the mapping
 * writes, an unmapped NOT NULL column without default. Extra tables, indexes, constraints and
 * defaults are left to {@code Migrations.check()}.
 */
public final class SchemaValidator {

    private static final Logger LOG = LoggerFactory.getLogger("io.reactiveorm.migrate");

    private SchemaValidator() {
    }

    /** Validates {@code metadata} against {@code engine}'s database in {@code mode}. */
    public static Mono<Void> validate(Engine engine, Metadata metadata, SchemaValidation mode) {
        if (mode == SchemaValidation.NONE) {
            return Mono.empty();
        }
        return Mono.defer(() -> new MigrationRunner(engine, metadata, null, "flyway_schema_history", t -> false,
                Duration.ofMinutes(1)).diff()).flatMap(diff -> {
                    List<String> problems = problems(diff);
                    if (problems.isEmpty()) {
                        return Mono.empty();
                    }
                    String message = "the database schema does not match the mapping: " + String.join("; ", problems);
                    if (mode == SchemaValidation.WARN) {
                        problems.forEach(p -> LOG.warn("schema validation: {}", p));
                        return Mono.empty();
                    }
                    return Mono.error(new OrmException(message + ". Fix: apply the pending migrations (Migrations.upgrade(), "
                            + "MigrateCli upgrade head), or write one for the change (MigrateCli revision --autogenerate)"));
                });
    }

    static List<String> problems(SchemaDiff diff) {
        List<String> problems = new ArrayList<>();
        for (SchemaChange c : diff.changes()) {
            if (c instanceof SchemaChange.CreateTable t) {
                problems.add("missing table " + t.table());
            } else if (c instanceof SchemaChange.AddColumn a) {
                problems.add("missing column " + a.table() + "." + a.column().name());
            } else if (c instanceof SchemaChange.AlterColumn a) {
                String column = a.table() + "." + a.to().name();
                if (a.typeChanged()) {
                    problems.add("column " + column + " is " + a.from().type() + " in the database, " + a.to().type()
                            + " in the mapping");
                }
                if (a.nullabilityChanged()) {
                    problems.add("column " + column + (a.to().nullable() ? " is NOT NULL in the database, nullable in the mapping"
                            : " accepts NULL in the database, NOT NULL in the mapping"));
                }
            } else if (c instanceof SchemaChange.DropColumn d && !d.column().nullable() && d.column().defaultValue() == null
                    && !d.column().identity()) {
                problems.add("column " + d.table() + "." + d.column().name() + " is NOT NULL without default in the "
                        + "database but not mapped: inserts will fail");
            }
        }
        return problems;
    }
}
