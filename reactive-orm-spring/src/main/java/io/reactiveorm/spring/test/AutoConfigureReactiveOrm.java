package io.reactiveorm.spring.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;

/**
 * Imports the auto-configurations of {@link ReactiveOrmTest} (listed in
 * {@code META-INF/spring/io.reactiveorm.spring.test.AutoConfigureReactiveOrm.imports}): R2DBC,
 * reactive-orm and its test support, transactions. For a test that builds its own slice.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ImportAutoConfiguration
public @interface AutoConfigureReactiveOrm {
}
