package org.roundtable.kit.deadletter;

/** An event's attempts are used up: it goes to the dead-letter queue with its last failure as the cause. */
final class RetriesExhausted extends RuntimeException {

    RetriesExhausted(Throwable lastFailure) {
        super(lastFailure.getMessage(), lastFailure);
    }
}
