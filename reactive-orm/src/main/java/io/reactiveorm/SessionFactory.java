package io.reactiveorm;

import io.reactiveorm.mapping.Metadata;
import io.reactiveorm.schema.SchemaGenerator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The mapped entities of an application bound to an {@link Engine}: makes sessions, creates and
 * drops the schema. Build one per application and share it (thread-safe).
 *
 * <pre>{@code
 * SessionFactory db = SessionFactory.builder(engine).entities(User.class, Post.class).build();
 * db.createAll().block();
 * User alice = db.inTransaction(s -> s.get(User.class, 1L)).block();
 * }</pre>
 *
 * <p>{@link #build()} reads and validates every mapping: a bad one fails there with a
 * {@link io.reactiveorm.mapping.MappingException} naming class, attribute and fix.
 */
public final class SessionFactory {

    private final Engine engine;
    private final Metadata metadata;
    private final OrmProvider.SessionFactoryRuntime runtime;
    private final SchemaValidation schemaValidation;

    private SessionFactory(Builder builder) {
        this.engine = builder.engine;
        this.metadata = Metadata.of(builder.entities, builder.schema);
        this.runtime = Providers.PROVIDER.sessionFactory(engine, metadata, new OrmProvider.SessionSettings(
                builder.autoflush, builder.isolation, builder.listeners, builder.cascadeReachable,
                builder.selectinChunkSize));
        this.schemaValidation = builder.schemaValidation;
    }

    /** Starts configuring a factory over {@code engine}. */
    public static Builder builder(Engine engine) {
        return new Builder(Objects.requireNonNull(engine, "engine"));
    }

    /** The engine. */
    public Engine engine() {
        return engine;
    }

    /** The mapped entities. */
    public Metadata metadata() {
        return metadata;
    }

    /**
     * The SQL and bind values {@code query} renders to on this factory's database, SQLAlchemy's
     * {@code stmt.compile(engine)}: for printing and tests (sessions render what they run
     * themselves). {@code toString()} of a statement prints PostgreSQL's form without values.
     */
    public io.reactiveorm.sql.RenderedSql compile(io.reactiveorm.sql.Select<?> query) {
        return new io.reactiveorm.sql.SqlRenderer(engine::dialect, metadata).render(query);
    }

    /** {@link #compile(io.reactiveorm.sql.Select)} for an INSERT, UPDATE, DELETE or text statement. */
    public io.reactiveorm.sql.RenderedSql compile(io.reactiveorm.sql.Statement statement) {
        return new io.reactiveorm.sql.SqlRenderer(engine::dialect, metadata).render(statement);
    }

    /**
     * Creates every table, sequence, constraint and index that does not exist yet, in foreign-key
     * order, and the schemas they live in ({@link Builder#schema}, {@code @Table(schema)}). Safe to
     * run twice.
     */
    public Mono<Void> createAll() {
        return ddl(() -> new SchemaGenerator(metadata, engine.dialect()).createStatements());
    }

    /** Drops every mapped table and sequence that exists, dependents first; schemas are left in place. */
    public Mono<Void> dropAll() {
        return ddl(() -> new SchemaGenerator(metadata, engine.dialect()).dropStatements());
    }

    /**
     * Compares the mapping with the database as {@link Builder#schemaValidation} says: with
     * {@code FAIL}, an error naming each missing table or column ("missing column users.bio"), or
     * column of another type or nullability; with {@code WARN}, the same as log warnings; with
     * {@code NONE}, nothing. Run it at startup ({@link Builder#start()} does).
     */
    public Mono<Void> validateSchema() {
        return runtime.validateSchema(schemaValidation);
    }

    private Mono<Void> ddl(java.util.function.Supplier<List<String>> statements) {
        return engine.detectDialect().then(Mono.defer(() -> engine.runAll(statements.get())));
    }

    /**
     * A new session. It acquires a connection on its first statement and runs reads in auto-commit
     * mode; its transaction begins with the first write (flush, DML, savepoint, stream) and ends
     * with {@code commit()} or {@code rollback()}. With an isolation level configured, the
     * transaction begins with the first statement. {@link Session#close()} it when done (prefer
     * {@link #inSession} / {@link #inTransaction}, which do).
     */
    public Session openSession() {
        return runtime.openSession(null, false);
    }

    /** A new session whose transaction runs at {@code isolation}, begun with its first statement. */
    public Session openSession(Isolation isolation) {
        return runtime.openSession(Objects.requireNonNull(isolation, "isolation"), true);
    }

    /**
     * A session on a transaction someone else owns (see {@link ExternalSession}): an SPI for
     * integrations such as {@code reactive-orm-spring}, whose transaction manager drives it.
     * Applications use {@link #inTransaction} or, with Spring, {@code CurrentSession}.
     *
     * @param transaction from {@link Engine#externalTransaction} of this factory's engine
     */
    public ExternalSession openSession(ExternalTransaction transaction) {
        Objects.requireNonNull(transaction, "transaction");
        return runtime.joinSession(transaction);
    }

    /** A session whose transaction begins with its first statement, reads included. */
    private Session transactionalSession() {
        return runtime.openSession(null, true);
    }

    /** {@link #inTransaction(Function)} at the given isolation level. */
    public <T> Mono<T> inTransaction(Isolation isolation, Function<Session, Mono<T>> work) {
        Objects.requireNonNull(isolation, "isolation");
        return transaction(() -> openSession(isolation), work);
    }

    /**
     * Runs {@code work} in a new session and commits: on success the session is flushed and
     * committed; on error or cancellation it is rolled back. The connection is released in every case.
     * The transaction begins with the first statement, so what {@code work} reads and writes is one
     * unit at the configured isolation level.
     */
    public <T> Mono<T> inTransaction(Function<Session, Mono<T>> work) {
        return transaction(this::transactionalSession, work);
    }

    /*
     * The commit runs inside the work's outcome, not in usingWhen's completion callback: an error
     * there would reach the caller wrapped as "Async resource cleanup failed" and skip the release.
     * close() is the only cleanup, and it never fails (reactor-core's MonoUsingWhen contract).
     */
    private <T> Mono<T> transaction(java.util.function.Supplier<Session> sessions, Function<Session, Mono<T>> work) {
        Objects.requireNonNull(work, "work");
        return Mono.usingWhen(Mono.fromSupplier(sessions),
                s -> Mono.defer(() -> work.apply(s))
                        .flatMap(value -> s.commit().thenReturn(value))
                        .switchIfEmpty(Mono.defer(() -> s.commit().then(Mono.empty()))),
                Session::close,
                (s, error) -> s.close(),
                Session::close);
    }

    /**
     * {@link #inTransaction} for work that emits many values: committed after the last one; rolled
     * back when the work fails or its subscriber cancels ({@code take(n)} included).
     */
    public <T> Flux<T> inTransactionMany(Function<Session, Publisher<T>> work) {
        Objects.requireNonNull(work, "work");
        return Flux.usingWhen(Mono.fromSupplier(this::transactionalSession),
                s -> Flux.concat(Flux.defer(() -> work.apply(s)), Mono.defer(s::commit).then(Mono.<T>empty())),
                Session::close,
                (s, error) -> s.close(),
                Session::close);
    }

    /**
     * Runs {@code work} in a new session and closes it: whatever was not committed inside is rolled
     * back. The connection is released on success, error and cancellation. Reads run in auto-commit
     * mode (one round trip each, no BEGIN/ROLLBACK); a transaction begins with the first write.
     */
    public <T> Mono<T> inSession(Function<Session, Mono<T>> work) {
        Objects.requireNonNull(work, "work");
        return Mono.usingWhen(Mono.fromSupplier(this::openSession), work, Session::close,
                (s, error) -> s.close(), Session::close);
    }

    /** {@link #inSession} for work that emits many values. */
    public <T> Flux<T> inSessionMany(Function<Session, Publisher<T>> work) {
        Objects.requireNonNull(work, "work");
        return Flux.usingWhen(Mono.fromSupplier(this::openSession), work, Session::close,
                (s, error) -> s.close(), Session::close);
    }

    /** Configures a {@link SessionFactory}. */
    public static final class Builder {
        private final Engine engine;
        private final List<Class<?>> entities = new ArrayList<>();
        private boolean autoflush = true;
        private boolean cascadeReachable = true;
        private Isolation isolation;
        private final List<EntityListener> listeners = new ArrayList<>();
        private SchemaValidation schemaValidation = SchemaValidation.NONE;
        private String schema;
        private int selectinChunkSize = Integer.MAX_VALUE;

        private Builder(Engine engine) {
            this.engine = engine;
        }

        /** Registers entity classes (entities reachable through their relationships are added too). */
        public Builder entities(Class<?>... entityClasses) {
            entities.addAll(Arrays.asList(entityClasses));
            return this;
        }

        /**
         * The schema of every table whose entity has no {@code @Table(schema = ..)}, of the
         * many-to-many association tables and of the sequences (SQLAlchemy's
         * {@code MetaData(schema="app")}): statements name them {@code "app"."user"}, and
         * {@link SessionFactory#createAll()} creates the schema if it is missing. On MariaDB a
         * schema is a database ({@code `app`.`user`}). Migrations and schema validation do not
         * support a default schema yet and say so.
         *
         * <pre>{@code
         * SessionFactory db = SessionFactory.builder(engine).schema("app").entities(User.class, Post.class).build();
         * }</pre>
         *
         * @param schema the schema name, quoted as the dialect quotes identifiers
         */
        public Builder schema(String schema) {
            Objects.requireNonNull(schema, "schema");
            if (schema.isBlank()) {
                throw new OrmException("schema(\"" + schema + "\") is blank. Fix: pass a schema name, or leave "
                        + "schema(..) out for the connection's default schema");
            }
            this.schema = schema;
            return this;
        }

        /**
         * Whether sessions flush pending changes before each query (default true): before a query
         * that reads a table something pending writes (its query spaces), or before any query whose
         * tables are not known from its statement ({@code text()}, loader options, eager loads).
         */
        public Builder autoflush(boolean autoflush) {
            this.autoflush = autoflush;
            return this;
        }

        /**
         * Whether a new object reachable from an object in the session through any relationship is
         * added at flush (default true: SQLAlchemy's save-update cascade, so
         * {@code user.getPosts().add(new Post(..))} is saved). With false only relationships mapped
         * with {@code cascade = CascadeType.PERSIST} (or {@code ALL}) add new objects, as JPA says, and
         * the flush fails naming the attribute that refers to a new, unadded object.
         */
        public Builder cascadeReachable(boolean cascadeReachable) {
            this.cascadeReachable = cascadeReachable;
            return this;
        }

        /**
         * The most parent keys one selectin statement carries (default: as many as the database
         * takes: 50,000 in one array parameter on PostgreSQL, 30,000 bound parameters elsewhere).
         * Loading a relationship for more parents runs one statement per chunk of this many keys,
         * and every chunk's rows are attached to their parents. Lower it where a long
         * {@code IN (...)} list plans badly or outgrows the server's packet size
         * ({@code max_allowed_packet}); a value above the database's limit keeps that limit.
         *
         * <pre>{@code
         * SessionFactory db = SessionFactory.builder(engine).selectinChunkSize(500).entities(User.class, Post.class).build();
         * }</pre>
         *
         * @param keys parent keys per statement, at least 1
         */
        public Builder selectinChunkSize(int keys) {
            if (keys < 1) {
                throw new OrmException("selectinChunkSize(" + keys + ") is less than 1. Fix: pass how many parent keys one "
                        + "selectin statement may carry (e.g. 500), or leave selectinChunkSize(..) out for the database's limit");
            }
            this.selectinChunkSize = keys;
            return this;
        }

        /** The isolation level of every transaction (default: the database's). */
        public Builder isolation(Isolation isolation) {
            this.isolation = Objects.requireNonNull(isolation, "isolation");
            return this;
        }

        /** Adds a listener told of every insert, update, delete and load in this factory's sessions. */
        public Builder listener(EntityListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /** Whether {@link SessionFactory#validateSchema()} fails, warns or does nothing on a mismatch (default NONE). */
        public Builder schemaValidation(SchemaValidation schemaValidation) {
            this.schemaValidation = Objects.requireNonNull(schemaValidation, "schemaValidation");
            return this;
        }

        /**
         * Builds the factory, then validates the database schema against the mapping as
         * {@link #schemaValidation} says: what an application runs at startup.
         */
        public Mono<SessionFactory> start() {
            return Mono.defer(() -> {
                SessionFactory factory = build();
                return factory.validateSchema().thenReturn(factory);
            });
        }

        /**
         * Reads and validates the mappings and builds the factory. A factory without entities is
         * allowed (SQLAlchemy's {@code text()}-only session): its sessions run {@code text(..)}
         * statements, and naming an unregistered class fails with the fix.
         *
         * @throws io.reactiveorm.mapping.MappingException for the first bad mapping
         */
        public SessionFactory build() {
            return new SessionFactory(this);
        }
    }
}
