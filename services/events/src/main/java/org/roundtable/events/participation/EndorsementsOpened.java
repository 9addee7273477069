package org.roundtable.events.participation;

import org.roundtable.events.IntegrationEvent;
import org.roundtable.events.Published;
import org.roundtable.events.Source;

/** A submitted proposal can now be endorsed and pledged to. */
@Published(source = Source.PARTICIPATION, version = 1)
public record EndorsementsOpened(String proposalId, String title, String serviceArea) implements IntegrationEvent {
}
