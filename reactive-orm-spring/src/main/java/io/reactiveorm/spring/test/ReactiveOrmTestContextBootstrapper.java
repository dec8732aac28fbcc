package io.reactiveorm.spring.test;

import org.springframework.boot.test.autoconfigure.TestSliceTestContextBootstrapper;

/** Reads {@link ReactiveOrmTest#properties()}. */
class ReactiveOrmTestContextBootstrapper extends TestSliceTestContextBootstrapper<ReactiveOrmTest> {
}
