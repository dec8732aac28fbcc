/**
 * Helpers for users' tests: {@link io.reactiveorm.testing.StatementRecorder} counts and lists the
 * statements an engine runs, so a test can assert round trips.
 */
package io.reactiveorm.testing;
