package io.reactiveorm.spring.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.autoconfigure.OverrideAutoConfiguration;
import org.springframework.boot.test.context.filter.annotation.TypeExcludeFilters;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.BootstrapWith;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * A test of the persistence layer alone, like {@code @DataR2dbcTest}: R2DBC, reactive-orm and
 * transactions are auto-configured; of the application's components only {@code @Repository}
 * classes are loaded (no services, no web). On an embedded database (in-memory H2, the default
 * without {@code spring.r2dbc.url}) the schema is created for the test and dropped after it,
 * unless {@code reactiveorm.schema.mode} says otherwise. A
 * {@link io.reactiveorm.testing.StatementRecorder} bean counts the statements.
 *
 * <pre>{@code
 * @ReactiveOrmTest
 * class UserRepositoryTest {
 *     @Autowired CurrentSession session;
 *     @Autowired TransactionalOperator tx;
 *     @Autowired StatementRecorder statements;
 *
 *     @Test void saves() {
 *         tx.transactional(session.with(s -> { s.add(new User("ann")); return Mono.empty(); }))
 *           .as(StepVerifier::create).verifyComplete();
 *         assertThat(statements.count("INSERT")).isEqualTo(1);
 *     }
 * }
 * }</pre>
 *
 * <p>Reactive test methods cannot be {@code @Transactional}; wrap the publisher with
 * {@code TransactionalOperator}, or clean up between tests.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@BootstrapWith(ReactiveOrmTestContextBootstrapper.class)
@ExtendWith(SpringExtension.class)
@OverrideAutoConfiguration(enabled = false)
@TypeExcludeFilters(ReactiveOrmTypeExcludeFilter.class)
@AutoConfigureReactiveOrm
@ImportAutoConfiguration
public @interface ReactiveOrmTest {

    /** Properties in {@code key=value} form added to the environment before the test runs. */
    String[] properties() default {};

    /** Whether the default filters ({@code @Repository} classes only) apply to component scanning. */
    boolean useDefaultFilters() default true;

    /** Further components to load. */
    Filter[] includeFilters() default {};

    /** Components not to load. */
    Filter[] excludeFilters() default {};

    /** Auto-configurations to leave out. */
    @AliasFor(annotation = ImportAutoConfiguration.class, attribute = "exclude")
    Class<?>[] excludeAutoConfiguration() default {};
}
