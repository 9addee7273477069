package org.roundtable.events;

import java.util.List;

/**
 * Every integration event of the platform. A record that is not listed here cannot be published or decoded;
 * {@code RoundtableEventsTest} fails when a record in this module is left out.
 */
public final class RoundtableEvents {

    private static final List<Class<? extends IntegrationEvent>> EVENTS = List.of();

    public static final EventCatalog CATALOG = EventCatalog.of(EVENTS);

    private RoundtableEvents() {
    }
}
