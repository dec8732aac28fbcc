package io.reactiveorm.benchmarks.report;

import io.reactiveorm.benchmarks.common.Contender;

/**
 * One benchmark's check record, as written by {@code Checks.once} in the forked JVM.
 *
 * @param contender whose benchmark
 * @param benchmark the method name
 * @param passed whether the check passed
 * @param statements statements per operation, or null
 * @param statementsNote how they were counted
 * @param verified what was verified
 * @param error why the check failed, or null
 * @param measuredAt when the check ran (ISO-8601), or null
 * @param profile the run profile, or null
 */
public record CheckRecord(Contender contender, String benchmark, boolean passed, Long statements, String statementsNote,
        String verified, String error, String measuredAt, String profile) {
}
