package org.roundtable.kit.actor;

import org.roundtable.events.EventEnvelope;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The event from another service that the current thread is reacting to. Commands dispatched while it is set are the
 * platform acting on that event: their actor is the service itself, their correlation id the event's, and their
 * causation id the event's id.
 */
public final class InboundEvent {

    private static final ThreadLocal<EventEnvelope> CURRENT = new ThreadLocal<>();

    private InboundEvent() {
    }

    public static Optional<EventEnvelope> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    public static <T> T reactingTo(EventEnvelope envelope, Supplier<T> reaction) {
        EventEnvelope previous = CURRENT.get();
        CURRENT.set(envelope);
        try {
            return reaction.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }
}
