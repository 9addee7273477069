package org.roundtable.kit.deadletter;

import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/** What a dead letter says went wrong, and whether a dead letter is being replayed right now. */
final class DeadLetterCauses {

    /** What the dead-letter table's cause column holds. */
    static final int MAX_MESSAGE = ThrowableCause.TRUNCATED_MESSAGE_SIZE;

    private DeadLetterCauses() {
    }

    /**
     * The innermost cause, which names what really failed (e.g. PostgreSQL's "value too long for type character
     * varying(40)" rather than the persistence layer's wrapper), bounded in length.
     */
    static ThrowableCause of(Throwable failure) {
        Throwable root = root(failure);
        return new ThrowableCause(root.getClass().getName(), bounded(String.valueOf(root.getMessage())));
    }

    static String describe(Throwable failure) {
        Throwable root = root(failure);
        return root.getClass().getSimpleName() + ": " + bounded(String.valueOf(root.getMessage()));
    }

    /** Axon's dead-letter processing keeps the letter being replayed as a resource of its unit of work. */
    static boolean replaying() {
        return CurrentUnitOfWork.isStarted()
                && CurrentUnitOfWork.get().resources().containsKey(DeadLetter.class.getName());
    }

    private static Throwable root(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String bounded(String message) {
        return message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE - 1) + "…";
    }
}
