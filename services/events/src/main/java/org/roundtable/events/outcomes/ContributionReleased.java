package org.roundtable.events.outcomes;

import org.roundtable.events.IntegrationEvent;
import org.roundtable.events.Published;
import org.roundtable.events.Source;

/** The pledge behind an expected contribution was withdrawn; it is no longer expected. */
@Published(source = Source.OUTCOMES, version = 1)
public record ContributionReleased(String initiativeId, String pledgeId) implements IntegrationEvent {
}
