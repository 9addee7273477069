package org.roundtable.events.outcomes;

import org.roundtable.events.IntegrationEvent;
import org.roundtable.events.Published;
import org.roundtable.events.Source;

/**
 * A commissioner reviewed the initiative with a reason. {@code overrideReason} is present only when it was declared
 * {@link ReviewStatus#ACHIEVED} although not every target was met.
 */
@Published(source = Source.OUTCOMES, version = 1)
public record InitiativeReviewed(String initiativeId, ReviewStatus status, String reason, String overrideReason)
        implements IntegrationEvent {
}
