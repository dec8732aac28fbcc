/**
 * Internal. Runs rendered SQL over R2DBC: binding, row decoding, timing, echo logging, statement
 * listeners and error translation. Together with {@code Engine} the only code that imports
 * {@code io.r2dbc.spi}.
 */
package io.reactiveorm.internal.execution;
