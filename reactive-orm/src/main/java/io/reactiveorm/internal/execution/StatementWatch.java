package io.reactiveorm.internal.execution;

import reactor.core.publisher.Mono;

/** What a connection is told of the statements run on it. Internal. */
interface StatementWatch {

    /** A cancel stopped a streamed statement before its end: its protocol state is in doubt. */
    void interrupted();

    /**
     * Admits a statement about to start, whose end (errors and cancels included) {@code end}
     * signals, so that the connection is not handed on before it; or refuses it, once the
     * connection is being handed back: else a cancelled operation that has not noticed its cancel
     * yet could send one more statement behind the ROLLBACK, in auto-commit mode.
     */
    boolean admit(Mono<Void> end);
}
