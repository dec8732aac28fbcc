/**
 * The test slice {@link io.reactiveorm.spring.test.ReactiveOrmTest} and what it imports. Needs
 * {@code spring-boot-test-autoconfigure} (in {@code spring-boot-starter-test}) on the test classpath.
 */
package io.reactiveorm.spring.test;
