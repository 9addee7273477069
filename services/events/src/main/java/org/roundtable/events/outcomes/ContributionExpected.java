package org.roundtable.events.outcomes;

import org.roundtable.events.IntegrationEvent;
import org.roundtable.events.Published;
import org.roundtable.events.Source;
import org.roundtable.events.proposals.AssetKind;

/** An asset pledged to the proposal in participation is now expected to be given to the initiative. */
@Published(source = Source.OUTCOMES, version = 1)
public record ContributionExpected(String initiativeId, String pledgeId, String participantId, String publicName,
                                   AssetKind kind, String description, Integer hoursPerMonth) implements IntegrationEvent {
}
