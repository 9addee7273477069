package org.roundtable.events.participation;

import org.roundtable.events.IntegrationEvent;
import org.roundtable.events.Published;
import org.roundtable.events.Source;

import java.time.Instant;

/** A co-designer scheduled a co-design workshop for a proposal, at a place or online. */
@Published(source = Source.PARTICIPATION, version = 1)
public record WorkshopScheduled(String proposalId, String workshopId, String title, Instant startsAt, String place, boolean online) implements IntegrationEvent {
}
