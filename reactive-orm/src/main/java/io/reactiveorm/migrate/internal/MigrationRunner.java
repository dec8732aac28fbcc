package io.reactiveorm.migrate.internal;

import io.reactiveorm.Engine;
import io.reactiveorm.OrmException;
import io.reactiveorm.dialect.Dialect;
import io.reactiveorm.internal.execution.Detached;
import io.reactiveorm.internal.execution.SessionConnection;
import io.reactiveorm.internal.execution.StatementExecutor;
import io.reactiveorm.mapping.Metadata;
import io.reactiveorm.migrate.AppliedMigration;
import io.reactiveorm.migrate.MigrationScript;
import io.reactiveorm.schema.ChangeRenderer;
import io.reactiveorm.schema.MappingSnapshot;
import io.reactiveorm.schema.SchemaDiff;
import io.reactiveorm.schema.SchemaSnapshot;
import io.reactiveorm.sql.BindValue;
import io.reactiveorm.sql.Row;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Applies, undoes and writes migrations for one engine and mapping: the implementation behind
 * {@code Migrations} and the schema validation of {@code SessionFactory}.
 *
 * <p>Connections come from the engine's executor and are owned the way sessions own theirs: the
 * acquisition runs detached from the caller's cancel, and every scope releases its connection on
 * completion, error and cancel (ROLLBACK first where a transaction is open). The lock is held by a
 * connection of its own inside a transaction, so its end, a cancel included, frees the lock (a
 * lock of the connection, MariaDB's named lock, is released on that connection before it goes
 * back, on every path); the migrations run on other connections (on H2 the DDL would commit the
 * lock's transaction). Blocking file I/O (scans of folders, jars of the class path, reads) runs on
 * {@link Schedulers#boundedElastic()}.
 */
public final class MigrationRunner {

    private static final Logger LOG = LoggerFactory.getLogger("io.reactiveorm.migrate");

    private static final String COLUMNS = "\"installed_rank\", \"version\", \"description\", \"type\", \"script\", "
            + "\"checksum\", \"installed_by\", \"installed_on\", \"execution_time\", \"success\"";
    private static final Pattern QUOTED = Pattern.compile("\"([A-Za-z0-9_]+)\"");
    private static final Pattern MARKER = Pattern.compile("\\$(\\d+)");
    private static final String SQL = "SQL";
    private static final String BASELINE = "BASELINE";
    private static final String BASELINE_DESCRIPTION = "<< Flyway Baseline >>";

    private final Engine engine;
    private final StatementExecutor executor;
    private final Metadata metadata;
    private final ScriptLocation location;
    private final String table;
    private final Predicate<String> ignoredTable;
    private final Duration lockTimeout;

    /**
     * @param engine where connections come from
     * @param metadata the mapped entities
     * @param location where the migration files are (may be null for validation only)
     * @param table the history table's name
     * @param ignoredTable tables left out of every comparison (the history table always is)
     * @param lockTimeout how long to wait for another run's lock
     */
    public MigrationRunner(Engine engine, Metadata metadata, ScriptLocation location, String table, Predicate<String> ignoredTable,
            Duration lockTimeout) {
        this.engine = engine;
        this.executor = engine.unwrap(StatementExecutor.class);
        this.metadata = metadata;
        this.location = location;
        this.table = table;
        this.ignoredTable = ignoredTable;
        this.lockTimeout = lockTimeout;
    }

    /**
     * The engine's dialect: known once {@link Engine#detectDialect()} has run (r2dbc-mysql's URL
     * names no database product), which every connection scope and file scan here waits for.
     */
    private Dialect dialect() {
        return engine.dialect();
    }

    private Catalog catalog() {
        return Catalogs.forDialect(engine.dialect());
    }

    // ---- comparing ---------------------------------------------------------------------------

    /** The changes from the database's schema to the mapping's. */
    public Mono<SchemaDiff> diff() {
        return withConnection(false, this::databaseSnapshot)
                .map(database -> SchemaDiff.compare(database, mappingSnapshot(), catalog()));
    }

    private Mono<SchemaSnapshot> databaseSnapshot(SessionConnection c) {
        return catalog().read(c).map(s -> catalog().canonical(s.filter(this::compared)));
    }

    private SchemaSnapshot mappingSnapshot() {
        return catalog().canonical(MappingSnapshot.of(metadata, dialect()).filter(this::compared));
    }

    private boolean compared(String tableName) {
        return !tableName.equalsIgnoreCase(table) && !ignoredTable.test(tableName);
    }

    /** The database's DDL for changes. */
    public ChangeRenderer renderer() {
        return catalog().renderer(dialect());
    }

    // ---- writing -----------------------------------------------------------------------------

    /**
     * Writes the V and U files of the changes from the database to the mapping; empty when nothing
     * differs. Refuses while migrations are pending (the diff would repeat them).
     */
    public Mono<MigrationScript> autogenerate(String message) {
        return writable().then(files()).flatMap(files -> withConnection(false, c -> readHistory(c)
                        .flatMap(applied -> {
                            List<ScriptFile> pending = pending(files, applied);
                            if (!pending.isEmpty()) {
                                return Mono.error(new OrmException("the database is not up to date: " + pending.size()
                                        + " migration(s) in " + location + " are not applied (first: "
                                        + pending.get(0).script() + "), so a new revision would repeat them. Fix: run "
                                        + "upgrade first, then autogenerate"));
                            }
                            return databaseSnapshot(c);
                        }))
                .flatMap(database -> {
                    SchemaDiff diff = SchemaDiff.compare(database, mappingSnapshot(), catalog());
                    if (diff.isEmpty()) {
                        LOG.info("No changes detected: the database matches the mapping, no migration written");
                        return Mono.empty();
                    }
                    return blocking(() -> write(files, diff, message));
                }));
    }

    /** Writes empty V and U files headed for {@code message}, to fill in by hand. */
    public Mono<MigrationScript> revision(String message) {
        return writable().then(files()).flatMap(files -> blocking(() -> write(files, SchemaDiff.of(List.of()), message)));
    }

    /** Fails at once for a location that cannot take new files (the class path). */
    private Mono<Void> writable() {
        return Mono.fromRunnable(() -> {
            if (location != null) {
                location.writableFolder();
            }
        });
    }

    private MigrationScript write(List<ScriptFile> files, SchemaDiff diff, String message) {
        ChangeRenderer renderer = renderer();
        String slug = ScriptFiles.slug(message);
        List<ScriptFile> existing = new ArrayList<>(files);
        for (int attempt = 0; ; attempt++) {
            MigrationVersion version = ScriptFiles.nextVersion(existing, Instant.now());
            String name = version.text().replace('.', '_') + "__" + slug + ".sql";
            Path upgrade = location.writableFolder().resolve("V" + name);
            Path undo = location.writableFolder().resolve("U" + name);
            String upgradeSql = ScriptWriter.write(diff, renderer, dialect().name(), message);
            String downgradeSql = ScriptWriter.write(diff.reverse(), renderer, dialect().name(), "undo of V" + name);
            try {
                ScriptFiles.create(upgrade, upgradeSql);
                try {
                    ScriptFiles.create(undo, downgradeSql);
                } catch (RuntimeException e) {
                    ScriptFiles.deleteQuietly(upgrade);
                    throw e;
                }
            } catch (UncheckedIOException e) {
                if (!(e.getCause() instanceof FileAlreadyExistsException) || attempt >= 20) {
                    throw new OrmException("cannot write the migration " + upgrade + ": " + e.getMessage(), e);
                }
                // another revision took this version meanwhile: take the next one
                existing = location.scan();
                continue;
            }
            LOG.info("Wrote {} and {} ({} change(s))", upgrade, undo, diff.changes().size());
            return new MigrationScript(version.text(), slug.replace('_', ' '), upgrade, undo, upgradeSql, downgradeSql);
        }
    }

    // ---- applying ----------------------------------------------------------------------------

    /**
     * Applies the pending migrations up to {@code target}: {@code "head"} (all), {@code "+n"} (the
     * next n), or a version (up to and including it).
     */
    public Mono<Void> upgrade(String target) {
        Objects.requireNonNull(target, "target");
        return files().flatMap(files -> locked(() -> withConnection(false, this::readHistory)
                .flatMap(applied -> verify(files, applied).thenReturn(applied))
                .flatMapMany(applied -> {
                    List<ScriptFile> pending = pending(files, applied);
                    List<ScriptFile> chosen = upTo(pending, target);
                    if (chosen.isEmpty()) {
                        LOG.info("Schema is up to date: no migration to apply");
                    }
                    return Flux.fromIterable(chosen);
                })
                .concatMap(this::apply)
                .then()));
    }

    private static List<ScriptFile> upTo(List<ScriptFile> pending, String target) {
        if (target.equalsIgnoreCase("head")) {
            return pending;
        }
        if (target.startsWith("+")) {
            int n = steps(target.substring(1), target);
            return pending.subList(0, Math.min(n, pending.size()));
        }
        MigrationVersion last = version(target);
        return pending.stream().filter(f -> f.version().compareTo(last) <= 0).toList();
    }

    private Mono<Void> apply(ScriptFile file) {
        return read(file.path()).flatMap(text -> {
            int checksum = SqlScript.checksum(text);
            List<String> statements = SqlScript.statements(text);
            LOG.info("Applying {} ({} statement(s))", file.script(), statements.size());
            if (catalog().transactionalDdl()) {
                return withConnection(true, c -> timed(run(c, file.script(), statements))
                        .flatMap(ms -> record(c, file.version().text(), file.description(), SQL, file.script(), checksum, ms, true))
                        .onErrorMap(e -> failed(file.script(), e, true)));
            }
            return withConnection(false, c -> timed(run(c, file.script(), statements))
                    .flatMap(ms -> record(c, file.version().text(), file.description(), SQL, file.script(), checksum, ms, true))
                    .onErrorResume(e -> record(c, file.version().text(), file.description(), SQL, file.script(), checksum, 0, false)
                            .onErrorResume(recordError -> {
                                e.addSuppressed(recordError);
                                return Mono.empty();
                            })
                            .then(Mono.error(failed(file.script(), e, false)))));
        });
    }

    private Throwable failed(String script, Throwable e, boolean rolledBack) {
        if (e instanceof MigrationFailure) {
            return e;
        }
        return new MigrationFailure(script + " failed: " + e.getMessage() + (rolledBack
                ? ". Nothing of it was applied: " + dialect().name() + " rolled the whole file back. Fix: correct the file and "
                        + "run upgrade again"
                : ". The statements before the failing one were applied and stay (" + dialect().name() + " commits DDL at "
                        + "once); " + table + " records the file as failed, and upgrade and downgrade refuse to run until it "
                        + "is repaired. Fix: finish or undo those statements by hand, then run repair (Migrations.repair(), or "
                        + "MigrateCli repair), then upgrade"), e);
    }

    /** A migration file that failed: its message says what was and was not applied. */
    static final class MigrationFailure extends OrmException {
        MigrationFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static Mono<Void> run(SessionConnection c, String script, List<String> statements) {
        return Flux.range(0, statements.size())
                .concatMap(i -> Queries.update(c, statements.get(i))
                        .onErrorMap(e -> new OrmException("statement " + (i + 1) + " of " + statements.size() + " of "
                                + script + " failed: " + e.getMessage(), e)))
                .then();
    }

    private static Mono<Integer> timed(Mono<Void> work) {
        return Mono.defer(() -> {
            long start = System.nanoTime();
            return work.then(Mono.fromSupplier(() -> (int) Duration.ofNanos(System.nanoTime() - start).toMillis()));
        });
    }

    // ---- undoing -----------------------------------------------------------------------------

    /**
     * Undoes applied migrations with their U files, newest first: {@code "-n"} (the last n),
     * {@code "base"} (all), or a version (those after it).
     */
    public Mono<Void> downgrade(String target) {
        Objects.requireNonNull(target, "target");
        return files().flatMap(files -> locked(() -> withConnection(false, this::readHistory)
                .flatMap(applied -> verify(files, applied).thenReturn(applied))
                .flatMapMany(applied -> {
                    List<AppliedMigration> undone = toUndo(applied, target);
                    Map<MigrationVersion, ScriptFile> byVersion = byVersion(files);
                    List<ScriptFile> undos = new ArrayList<>();
                    for (AppliedMigration row : undone) {
                        ScriptFile file = byVersion.get(MigrationVersion.parse(row.version()));
                        if (file.undo() == null) {
                            return Flux.error(new OrmException("cannot undo " + row.script() + ": there is no U" + file.version()
                                    .text().replace('.', '_') + "__*.sql beside it in " + location + ". Fix: write the "
                                    + "undo file (autogenerate writes one with each revision)"));
                        }
                        undos.add(file);
                    }
                    return Flux.fromIterable(undos);
                })
                .concatMap(this::undo)
                .then()));
    }

    private List<AppliedMigration> toUndo(List<AppliedMigration> applied, String target) {
        List<AppliedMigration> sql = new ArrayList<>(applied.stream().filter(a -> SQL.equals(a.type()) && a.success()).toList());
        sql.sort(Comparator.comparing((AppliedMigration a) -> MigrationVersion.parse(a.version())).reversed());
        if (target.equalsIgnoreCase("base")) {
            return sql;
        }
        if (target.startsWith("-")) {
            int n = steps(target.substring(1), target);
            if (n > sql.size()) {
                throw new OrmException("cannot downgrade " + n + " step(s): only " + sql.size() + " migration(s) are applied."
                        + " Fix: downgrade " + (sql.isEmpty() ? "nothing" : "-" + sql.size() + " or to base"));
            }
            return sql.subList(0, n);
        }
        MigrationVersion keep = version(target);
        return sql.stream().filter(a -> MigrationVersion.parse(a.version()).compareTo(keep) > 0).toList();
    }

    private Mono<Void> undo(ScriptFile file) {
        return read(file.undo()).flatMap(text -> {
            List<String> statements = SqlScript.statements(text);
            String script = file.undo().getFileName().toString();
            LOG.info("Undoing {} with {} ({} statement(s))", file.script(), script, statements.size());
            String forget = h("DELETE FROM " + catalog().quoteExact(table) + " WHERE \"version\" = $1 AND \"type\" = '" + SQL + "'");
            if (catalog().transactionalDdl()) {
                return withConnection(true, c -> run(c, script, statements).then(Queries.update(c, forget, file.version().text())))
                        .onErrorMap(e -> failed(script, e, true)).then();
            }
            return withConnection(false, c -> run(c, script, statements)
                    .then(Queries.update(c, forget, file.version().text()))
                    .onErrorResume(e -> Queries.update(c, h("UPDATE " + catalog().quoteExact(table) + " SET \"success\" = FALSE "
                                    + "WHERE \"version\" = $1 AND \"type\" = '" + SQL + "'"), file.version().text())
                            .onErrorResume(recordError -> {
                                e.addSuppressed(recordError);
                                return Mono.empty();
                            })
                            .then(Mono.error(failed(script, e, false)))))
                    .then();
        });
    }

    // ---- history -----------------------------------------------------------------------------

    /** The history, in the order it was written; empty when there is no history table. */
    public Flux<AppliedMigration> history() {
        return withConnection(false, this::readHistory).flatMapIterable(list -> list);
    }

    /** The latest applied version (a baseline counts), or empty on a fresh database. */
    public Mono<String> current() {
        return withConnection(false, this::readHistory).flatMap(applied -> Mono.justOrEmpty(current(applied)))
                .map(MigrationVersion::text);
    }

    /** The migration files not applied yet. */
    public Mono<List<ScriptFile>> pending() {
        return files().flatMap(files -> withConnection(false, this::readHistory).map(applied -> pending(files, applied)));
    }

    /**
     * Records {@code target} ({@code "head"}, a version, or {@code "base"}) as the database's version
     * without running anything: a Flyway baseline row, for a database made some other way
     * ({@code createAll}). Only on a database with no applied migration.
     */
    public Mono<Void> stamp(String target) {
        Objects.requireNonNull(target, "target");
        return files().flatMap(files -> locked(() -> withConnection(catalog().transactionalDdl(), c -> readHistory(c)
                .flatMap(applied -> {
                    List<AppliedMigration> sql = applied.stream().filter(a -> SQL.equals(a.type())).toList();
                    if (!sql.isEmpty()) {
                        return Mono.error(new OrmException("cannot stamp: " + sql.size() + " migration(s) are applied already "
                                + "(latest " + sql.get(sql.size() - 1).script() + "); stamp marks a database that no migration "
                                + "made. Fix: upgrade or downgrade instead"));
                    }
                    Mono<Long> clear = Queries.update(c, h("DELETE FROM " + catalog().quoteExact(table) + " WHERE \"type\" = '"
                            + BASELINE + "'"));
                    if (target.equalsIgnoreCase("base")) {
                        return clear.then();
                    }
                    MigrationVersion version = target.equalsIgnoreCase("head") ? head(files) : version(target);
                    return clear.then(record(c, version.text(), BASELINE_DESCRIPTION, BASELINE, BASELINE_DESCRIPTION, null, 0,
                            true));
                }))));
    }

    private static MigrationVersion head(List<ScriptFile> files) {
        if (files.isEmpty()) {
            throw new OrmException("cannot stamp head: there are no migration files. Fix: autogenerate a revision first");
        }
        return files.get(files.size() - 1).version();
    }

    /**
     * Removes the rows of failed migrations (after the schema was fixed by hand) and realigns the
     * checksums of applied files with the files (after an edit that was meant): Flyway's repair.
     */
    public Mono<Void> repair() {
        return files().flatMap(files -> locked(() -> withConnection(false, c -> readHistory(c).flatMap(applied -> {
            Map<MigrationVersion, ScriptFile> byVersion = byVersion(files);
            Mono<Void> work = Queries.update(c, h("DELETE FROM " + catalog().quoteExact(table) + " WHERE \"success\" = FALSE")).then();
            for (AppliedMigration row : applied) {
                ScriptFile file = row.version() == null || !SQL.equals(row.type()) ? null
                        : byVersion.get(MigrationVersion.parse(row.version()));
                if (file != null && row.success()) {
                    work = work.then(read(file.path())).flatMap(text -> Queries.update(c, h("UPDATE " + catalog().quoteExact(table)
                            + " SET \"checksum\" = $1 WHERE \"installed_rank\" = $2"), SqlScript.checksum(text),
                            row.installedRank()).then());
                }
            }
            return work;
        }))));
    }

    private Mono<List<AppliedMigration>> readHistory(SessionConnection c) {
        return catalog().historyTableExists(c, table).flatMap(exists -> !exists ? Mono.just(List.<AppliedMigration>of())
                : Queries.rows(c, h("SELECT " + COLUMNS + " FROM " + catalog().quoteExact(table)
                        + " WHERE \"type\" <> 'TABLE' ORDER BY \"installed_rank\"")).map(MigrationRunner::row).collectList());
    }

    private static AppliedMigration row(Row r) {
        Object checksum = r.get(5);
        Object on = r.get(7);
        return new AppliedMigration((int) Queries.number(r, 0), Queries.string(r, 1), Queries.string(r, 2),
                Queries.string(r, 3), Queries.string(r, 4), checksum == null ? null : ((Number) checksum).intValue(),
                Queries.string(r, 6), on instanceof LocalDateTime t ? t : null, (int) Queries.number(r, 8), Queries.bool(r, 9));
    }

    private Mono<Void> record(SessionConnection c, String version, String description, String type, String script,
            Integer checksum, int executionTime, boolean success) {
        String t = catalog().quoteExact(table);
        return Queries.rows(c, h("SELECT COALESCE(MAX(\"installed_rank\"), 0) + 1 FROM " + t)).next()
                .flatMap(rank -> Queries.update(c, h("INSERT INTO " + t + " (\"installed_rank\", \"version\", \"description\", "
                                + "\"type\", \"script\", \"checksum\", \"installed_by\", \"execution_time\", \"success\") VALUES "
                                + "($1, $2, $3, $4, $5, $6, " + catalog().currentUserExpression() + ", $7, $8)"),
                        (int) Math.max(1, Queries.number(rank, 0)), version, truncate(description, 200), type,
                        truncate(script, 1000), new BindValue(checksum, Integer.class), executionTime, success))
                .then();
    }

    /**
     * History SQL, written with double-quoted identifiers and {@code $n} markers, in this database's
     * quoting ({@link Catalog#quoteExact}) and bind markers.
     */
    private String h(String sql) {
        Matcher quoted = QUOTED.matcher(sql);
        StringBuilder sb = new StringBuilder();
        while (quoted.find()) {
            quoted.appendReplacement(sb, Matcher.quoteReplacement(catalog().quoteExact(quoted.group(1))));
        }
        quoted.appendTail(sb);
        Matcher marker = MARKER.matcher(sb.toString());
        StringBuilder result = new StringBuilder();
        while (marker.find()) {
            marker.appendReplacement(result, Matcher.quoteReplacement(dialect().bindMarker(Integer.parseInt(marker.group(1)))));
        }
        marker.appendTail(result);
        return result.toString();
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    /** The applied or stamped version: the highest of successful SQL rows and the baseline. */
    private static MigrationVersion current(List<AppliedMigration> applied) {
        MigrationVersion current = null;
        for (AppliedMigration a : applied) {
            if (a.success() && a.version() != null && (SQL.equals(a.type()) || BASELINE.equals(a.type()))) {
                MigrationVersion v = MigrationVersion.parse(a.version());
                if (current == null || v.compareTo(current) > 0) {
                    current = v;
                }
            }
        }
        return current;
    }

    private static List<ScriptFile> pending(List<ScriptFile> files, List<AppliedMigration> applied) {
        MigrationVersion baseline = null;
        java.util.Set<MigrationVersion> done = new java.util.HashSet<>();
        for (AppliedMigration a : applied) {
            if (a.version() == null) {
                continue;
            }
            MigrationVersion v = MigrationVersion.parse(a.version());
            if (BASELINE.equals(a.type()) && (baseline == null || v.compareTo(baseline) > 0)) {
                baseline = v;
            } else if (SQL.equals(a.type())) {
                done.add(v);
            }
        }
        List<ScriptFile> pending = new ArrayList<>();
        for (ScriptFile f : files) {
            if (!done.contains(f.version()) && (baseline == null || f.version().compareTo(baseline) > 0)) {
                pending.add(f);
            }
        }
        return pending;
    }

    /**
     * Fails when the history and the folder disagree: a failed row, an applied file that is gone or
     * was edited since (its checksum), or a pending file older than the current version.
     */
    private Mono<Void> verify(List<ScriptFile> files, List<AppliedMigration> applied) {
        for (AppliedMigration a : applied) {
            if (!a.success()) {
                return Mono.error(new OrmException(a.script() + " failed earlier: " + table + " records it with success = "
                        + "false, so the schema may be half-migrated. Fix: finish or undo its statements by hand, then run "
                        + "repair (Migrations.repair(), or MigrateCli repair; it removes the failed row), then upgrade"));
            }
        }
        Map<MigrationVersion, ScriptFile> byVersion = byVersion(files);
        Mono<Void> checks = Mono.empty();
        for (AppliedMigration a : applied) {
            if (!SQL.equals(a.type()) || a.version() == null) {
                continue;
            }
            ScriptFile file = byVersion.get(MigrationVersion.parse(a.version()));
            if (file == null) {
                return Mono.error(new OrmException(a.script() + " (version " + a.version() + ") is applied to the database but "
                        + "is not in " + location + ". Fix: restore the file, or point location at the folder that has it"));
            }
            checks = checks.then(read(file.path()).flatMap(text -> {
                int checksum = SqlScript.checksum(text);
                if (a.checksum() != null && a.checksum() != checksum) {
                    return Mono.error(new OrmException(file.path() + " was changed after it was applied: its checksum is "
                            + checksum + ", " + table + " recorded " + a.checksum() + ". Fix: revert the edit and put the "
                            + "change in a new migration, or, if the edit is meant, run repair to accept it"));
                }
                return Mono.empty();
            }));
        }
        MigrationVersion current = current(applied);
        for (ScriptFile f : pending(files, applied)) {
            if (current != null && f.version().compareTo(current) < 0) {
                return Mono.error(new OrmException(f.script() + " is not applied but older than the database's version "
                        + current + ". Fix: give it a version after " + current + " (rename its V and U files)"));
            }
        }
        return checks;
    }

    private static Map<MigrationVersion, ScriptFile> byVersion(List<ScriptFile> files) {
        Map<MigrationVersion, ScriptFile> map = new HashMap<>();
        files.forEach(f -> map.put(f.version(), f));
        return map;
    }

    private static int steps(String number, String target) {
        try {
            int n = Integer.parseInt(number);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new OrmException("'" + target + "' is not a number of steps. Fix: pass e.g. +1 (upgrade) or -1 (downgrade)");
    }

    private static MigrationVersion version(String target) {
        try {
            return MigrationVersion.parse(target);
        } catch (OrmException e) {
            throw new OrmException("'" + target + "' is neither head, base, a number of steps (+1, -1) nor a version. "
                    + "Fix: pass one of those", e);
        }
    }

    // ---- connections, lock, files ------------------------------------------------------------

    /**
     * Runs {@code work} on a connection of its own: in a transaction committed after it, or in
     * auto-commit mode. The connection goes back on completion, error and cancel (rolled back
     * first when a transaction is open).
     */
    private <T> Mono<T> withConnection(boolean transaction, Function<SessionConnection, Mono<T>> work) {
        return engine.detectDialect().then(Mono.usingWhen(Detached.run(executor.acquire(transaction, null),
                        c -> c.release(transaction)),
                c -> transaction
                        ? work.apply(c).flatMap(v -> c.commit().thenReturn(v))
                                .switchIfEmpty(Mono.defer(() -> c.commit().then(Mono.empty())))
                        : work.apply(c),
                c -> Detached.run(c.release(false)),
                (c, error) -> Detached.run(c.release(transaction)),
                c -> Detached.run(c.release(transaction))));
    }

    /**
     * Runs {@code work} holding the migration lock: waits for it (polling, up to the lock timeout)
     * on a connection whose transaction holds it, and releases it with that transaction's ROLLBACK
     * on completion, error and cancel. The history table exists when {@code work} starts.
     */
    private <T> Mono<T> locked(Supplier<Mono<T>> work) {
        Mono<Void> before = catalog().lockNeedsHistoryTable() ? withConnection(false, this::ensureHistory) : Mono.empty();
        Mono<Void> after = catalog().lockNeedsHistoryTable() ? Mono.empty()
                : withConnection(catalog().transactionalDdl(), this::ensureHistory);
        return before.then(Mono.usingWhen(Detached.run(executor.acquire(true, null), c -> c.release(true)),
                lock -> acquire(lock).then(after).then(Mono.defer(work)),
                lock -> Detached.run(unlock(lock)),
                (lock, error) -> Detached.run(unlock(lock)),
                lock -> Detached.run(unlock(lock))));
    }

    private Mono<Void> acquire(SessionConnection lock) {
        return Mono.defer(() -> catalog().tryLock(lock, table))
                .filter(Boolean::booleanValue)
                .repeatWhenEmpty(attempts -> attempts.concatMap(i -> {
                    if (i == 0) {
                        LOG.info("Waiting for another migration run to release the lock on {}", table);
                    }
                    return Mono.delay(Duration.ofMillis(Math.min(1000, 20L << Math.min(i, 6))));
                }))
                .timeout(lockTimeout, Mono.error(() -> new OrmException("another migration run has held the lock on " + table
                        + " for " + lockTimeout.toSeconds() + " s. Fix: wait for it to finish, or raise "
                        + "Migrations.builder(..).lockTimeout(..); the lock ends with that run (its transaction, or on MariaDB "
                        + "its connection), so a crashed run never keeps it")))
                .then();
    }

    private Mono<Void> unlock(SessionConnection lock) {
        // release() ends the connection's use at once, so it is built only after the unlock ran
        return catalog().unlock(lock, table)
                .onErrorResume(e -> {
                    LOG.warn("releasing the migration lock failed; the connection's end releases it", e);
                    return Mono.empty();
                })
                .then(Mono.defer(() -> lock.release(true)));
    }

    private Mono<Void> ensureHistory(SessionConnection c) {
        return catalog().historyTableExists(c, table)
                .flatMap(exists -> exists && !catalog().lockNeedsHistoryTable() ? Mono.empty()
                        : Flux.fromIterable(catalog().createHistoryTable(table)).concatMap(sql -> Queries.update(c, sql)).then());
    }

    private Mono<List<ScriptFile>> files() {
        if (location == null) {
            return Mono.error(new OrmException("no migrations folder configured. Fix: Migrations.builder(factory)"
                    + ".location(\"classpath:db/migration\") or .location(Path.of(\"src/main/resources/db/migration\"))"));
        }
        return engine.detectDialect().then(blocking(location::scan));
    }

    private static Mono<String> read(Path file) {
        return blocking(() -> ScriptFiles.read(file));
    }

    private static <T> Mono<T> blocking(Callable<T> io) {
        return Mono.fromCallable(io).subscribeOn(Schedulers.boundedElastic());
    }

    @Override
    public String toString() {
        return "MigrationRunner[" + location + ", " + table.toLowerCase(Locale.ROOT) + "]";
    }
}
