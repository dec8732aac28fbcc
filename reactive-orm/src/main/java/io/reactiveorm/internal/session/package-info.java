/**
 * Internal. The session implementation: identity map (object state kept beside each object),
 * unit of work ({@code FlushPlanner} builds a plan as plain data; {@code Flusher} writes it), the
 * operation queue that runs a session's operations one at a time, transactions and savepoints.
 */
package io.reactiveorm.internal.session;
