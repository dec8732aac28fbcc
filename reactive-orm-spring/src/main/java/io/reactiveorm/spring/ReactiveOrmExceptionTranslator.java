package io.reactiveorm.spring;

import io.r2dbc.spi.R2dbcException;
import io.reactiveorm.DetachedEntityException;
import io.reactiveorm.IntegrityException;
import io.reactiveorm.OrmException;
import io.reactiveorm.PoolTimeoutException;
import io.reactiveorm.StaleObjectException;
import io.reactiveorm.UnloadedRelationshipException;
import io.reactiveorm.mapping.MappingException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.support.PersistenceExceptionTranslator;
import org.springframework.r2dbc.connection.ConnectionFactoryUtils;

/**
 * Turns reactive-orm's exceptions into Spring's {@link DataAccessException} hierarchy. Applied
 * inside the reactive pipeline by {@link CurrentSession} and {@link ReactiveOrmTransactionManager}
 * (AOP-based translation of {@code @Repository} beans only sees thrown exceptions, never a
 * {@code Mono.error}); also a bean for Spring's own translation.
 *
 * <table>
 *   <caption>Translation</caption>
 *   <tr><th>reactive-orm</th><th>Spring</th></tr>
 *   <tr><td>{@link IntegrityException} of a unique key</td><td>{@link DuplicateKeyException}</td></tr>
 *   <tr><td>other {@link IntegrityException}</td><td>{@link DataIntegrityViolationException}</td></tr>
 *   <tr><td>{@link StaleObjectException}</td><td>{@link OptimisticLockingFailureException}</td></tr>
 *   <tr><td>{@link PoolTimeoutException}</td><td>{@link DataAccessResourceFailureException}</td></tr>
 *   <tr><td>an {@link OrmException} caused by another R2DBC error</td><td>what
 *       {@link ConnectionFactoryUtils#convertR2dbcException} picks (timeouts, lock failures, grammar, ...)</td></tr>
 *   <tr><td>mapping and usage errors, other {@link OrmException}s</td><td>{@link InvalidDataAccessApiUsageException}</td></tr>
 * </table>
 *
 * <p>The reactive-orm exception is the cause of the translated one (so {@code IntegrityException.constraint()}
 * stays reachable) and the driver's {@link R2dbcException} remains the root cause.
 */
public final class ReactiveOrmExceptionTranslator implements PersistenceExceptionTranslator {

    @Override
    public DataAccessException translateExceptionIfPossible(RuntimeException ex) {
        if (ex instanceof DataAccessException || !(ex instanceof OrmException orm)) {
            return null;
        }
        String message = orm.getMessage();
        if (orm instanceof IntegrityException) {
            R2dbcException driver = r2dbcCause(orm);
            if (driver != null && ConnectionFactoryUtils.convertR2dbcException("flush", null, driver)
                    instanceof DuplicateKeyException) {
                return new DuplicateKeyException(message, orm);
            }
            return new DataIntegrityViolationException(message, orm);
        }
        if (orm instanceof StaleObjectException) {
            return new OptimisticLockingFailureException(message, orm);
        }
        if (orm instanceof PoolTimeoutException) {
            return new DataAccessResourceFailureException(message, orm);
        }
        if (orm instanceof MappingException || orm instanceof DetachedEntityException
                || orm instanceof UnloadedRelationshipException) {
            return new InvalidDataAccessApiUsageException(message, orm);
        }
        R2dbcException driver = r2dbcCause(orm);
        if (driver != null) {
            return ConnectionFactoryUtils.convertR2dbcException(message, null, driver);
        }
        return new InvalidDataAccessApiUsageException(message, orm);
    }

    /** {@code error} translated when it is one of reactive-orm's, else {@code error} itself. */
    public Throwable translate(Throwable error) {
        if (error instanceof RuntimeException runtime) {
            DataAccessException translated = translateExceptionIfPossible(runtime);
            if (translated != null) {
                return translated;
            }
        }
        return error;
    }

    private static R2dbcException r2dbcCause(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof R2dbcException r2dbc) {
                return r2dbc;
            }
        }
        return null;
    }
}
