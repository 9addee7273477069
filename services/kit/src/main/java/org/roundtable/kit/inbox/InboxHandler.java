package org.roundtable.kit.inbox;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of a Spring bean (by convention a {@code <Source>EventsListener}) that reacts to another service's
 * event: {@code void on(SomeEvent event)} or {@code void on(SomeEvent event, EventEnvelope envelope)}. The inbox
 * subscribes to the topics of the events handled, calls the method once per event id even when Kafka redelivers it,
 * inside the transaction that remembers the id, and dispatches the commands it sends as the service acting on that
 * event.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface InboxHandler {
}
