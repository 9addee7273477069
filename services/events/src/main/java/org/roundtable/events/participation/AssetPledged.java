package org.roundtable.events.participation;

import org.roundtable.events.IntegrationEvent;
import org.roundtable.events.Published;
import org.roundtable.events.Source;
import org.roundtable.events.proposals.AssetKind;

/** A participant pledged an asset to a proposal: hours of time each month, a skill, a place or another strength. */
@Published(source = Source.PARTICIPATION, version = 1)
public record AssetPledged(String proposalId, String pledgeId, String participantId, String publicName, AssetKind kind, String description, Integer hoursPerMonth) implements IntegrationEvent {
}
