package org.roundtable.kit.deadletter;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;

/**
 * What happens to an event whose handler failed. While it has attempts left, the failure goes up to the processor,
 * which rolls the batch back and tries again after its back-off; once they are used up it is dead-lettered with its
 * last failure. A replayed dead letter that fails again stays queued, with the new failure as its cause.
 */
final class RetryThenDeadLetter implements EnqueuePolicy<EventMessage<?>> {

    @Override
    public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        if (DeadLetterCauses.replaying()) {
            return Decisions.requeue(DeadLetterCauses.of(cause));
        }
        if (cause instanceof EventHandlingFailed retry) {
            throw retry;
        }
        return Decisions.enqueue(DeadLetterCauses.of(cause));
    }
}
