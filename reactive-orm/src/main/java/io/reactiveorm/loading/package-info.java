/**
 * Relationship loader options ({@link io.reactiveorm.loading.Load#selectin selectin},
 * {@link io.reactiveorm.loading.Load#joined joined}, {@link io.reactiveorm.loading.Load#raise raise})
 * that queries carry with {@code options(...)}.
 */
package io.reactiveorm.loading;
