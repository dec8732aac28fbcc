/**
 * Section 18, testing with an in-memory database: the twin is a test to copy,
 * {@code examples/src/test/java/io/reactiveorm/examples/tutorial/s18_testing/InMemoryDatabaseTest.java}.
 * Each test gets its own in-memory H2 database (a unique name), the schema from
 * {@code createAll()}, {@code StepVerifier} for the publishers, and
 * {@link io.reactiveorm.testing.StatementRecorder} for round trips; the engine is closed after
 * each test, which drops the database.
 */
package io.reactiveorm.examples.tutorial.s18_testing;
