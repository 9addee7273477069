package org.roundtable.events;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one-to-one mapping between event records and their CloudEvents types. Building a catalog in which a record
 * is not a {@link Published} record, or in which two records claim one type, fails at once.
 */
public final class EventCatalog {

    private final Map<Class<? extends IntegrationEvent>, EventType> typesByClass;
    private final Map<String, Class<? extends IntegrationEvent>> classesByType;

    private EventCatalog(Map<Class<? extends IntegrationEvent>, EventType> typesByClass,
                         Map<String, Class<? extends IntegrationEvent>> classesByType) {
        this.typesByClass = Map.copyOf(typesByClass);
        this.classesByType = Map.copyOf(classesByType);
    }

    @SafeVarargs
    public static EventCatalog of(Class<? extends IntegrationEvent>... eventClasses) {
        return of(List.of(eventClasses));
    }

    public static EventCatalog of(Collection<Class<? extends IntegrationEvent>> eventClasses) {
        Map<Class<? extends IntegrationEvent>, EventType> typesByClass = new LinkedHashMap<>();
        Map<String, Class<? extends IntegrationEvent>> classesByType = new LinkedHashMap<>();
        for (Class<? extends IntegrationEvent> eventClass : eventClasses) {
            if (!eventClass.isRecord()) {
                throw new IllegalArgumentException(eventClass.getName() + " must be a record");
            }
            EventType type = EventType.of(eventClass);
            Class<? extends IntegrationEvent> claimed = classesByType.putIfAbsent(type.value(), eventClass);
            if (claimed != null && claimed != eventClass) {
                throw new IllegalArgumentException(
                        "type " + type + " is claimed by both " + claimed.getName() + " and " + eventClass.getName());
            }
            typesByClass.put(eventClass, type);
        }
        return new EventCatalog(typesByClass, classesByType);
    }

    /** A catalog holding this one's records and the given ones. */
    public EventCatalog with(Collection<Class<? extends IntegrationEvent>> moreEventClasses) {
        List<Class<? extends IntegrationEvent>> all = new java.util.ArrayList<>(typesByClass.keySet());
        all.addAll(moreEventClasses);
        return of(all);
    }

    public EventType typeOf(Class<?> eventClass) {
        EventType type = typesByClass.get(eventClass);
        if (type == null) {
            throw new IllegalArgumentException(eventClass.getName() + " is not in the event catalog");
        }
        return type;
    }

    public boolean contains(Class<?> eventClass) {
        return typesByClass.containsKey(eventClass);
    }

    public Optional<Class<? extends IntegrationEvent>> classOf(String type) {
        return Optional.ofNullable(classesByType.get(type));
    }

    public Collection<Class<? extends IntegrationEvent>> eventClasses() {
        return typesByClass.keySet();
    }

    public Collection<EventType> types() {
        return typesByClass.values();
    }
}
