package org.roundtable.kit.inbox;

import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.roundtable.events.EventCatalog;
import org.roundtable.events.EventEnvelope;
import org.roundtable.events.IntegrationEvent;
import org.roundtable.kit.actor.ActorMetadata;
import org.springframework.core.annotation.AnnotatedElementUtils;

import java.lang.reflect.Method;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What the service has heard from other services, kept in its own event store: an event of another service that one
 * of this service's Axon event handlers takes (a saga, or a projection of the facts kept from other services) is
 * appended to the store when the inbox handles it for the first time, in the transaction that remembers its id. Sagas
 * and those projections read it as they read the service's own events, and a projection reset to the start reads the
 * whole history again. The copy keeps the event's id, actor and correlation, and names the service it was heard from
 * in {@link ActorMetadata#HEARD_FROM}; the relay never publishes it again.
 */
public class InboxHistory {

    private final String service;
    private final EventCatalog catalog;
    private final Supplier<EventBus> store;
    private final Set<Class<?>> kept = new HashSet<>();

    public InboxHistory(String service, EventCatalog catalog, Supplier<EventBus> store) {
        this.service = service;
        this.catalog = catalog;
        this.store = store;
    }

    /** Notes the event an Axon event handler method takes, when it is another service's. */
    void consider(Method method) {
        if (AnnotatedElementUtils.findMergedAnnotation(method, EventHandler.class) == null || method.getParameterCount() == 0) {
            return;
        }
        Class<?> event = method.getParameterTypes()[0];
        if (IntegrationEvent.class.isAssignableFrom(event) && catalog.contains(event)
                && !catalog.typeOf(event).source().service().equals(service)) {
            kept.add(event);
        }
    }

    /** The other services' event classes this service keeps. */
    Set<Class<?>> kept() {
        return Set.copyOf(kept);
    }

    boolean keeps(Class<?> eventClass) {
        return kept.contains(eventClass);
    }

    /** Appends the event to the service's event store, in the caller's transaction. */
    void append(EventEnvelope heard) {
        Map<String, Object> metadata = new HashMap<>(ActorMetadata.of(heard.actor(), heard.correlationId(), heard.causationId()));
        metadata.put(ActorMetadata.HEARD_FROM, heard.type().source().service());
        metadata.put(ActorMetadata.HEARD_SUBJECT, heard.subject());
        // stored at the time it was heard: the store's order, not the original time, decides what a reader sees next
        store.get().publish(new GenericEventMessage<>(heard.id(), heard.data(), metadata, Instant.now()));
    }
}
