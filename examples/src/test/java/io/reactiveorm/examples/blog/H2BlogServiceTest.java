package io.reactiveorm.examples.blog;

/** {@link BlogServiceSuite} on the example's default database, embedded H2. */
class H2BlogServiceTest extends BlogServiceSuite {
}
