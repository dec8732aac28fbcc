package io.reactiveorm.spring.app.slice;

import io.reactiveorm.spring.test.ReactiveOrmTest;

/** The slice on Boot's default embedded H2: the schema is created for the test without any setting. */
@ReactiveOrmTest
class H2ReactiveOrmSliceTest extends ReactiveOrmSliceSuite {
}
