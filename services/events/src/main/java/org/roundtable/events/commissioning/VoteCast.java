package org.roundtable.events.commissioning;

import org.roundtable.events.IntegrationEvent;
import org.roundtable.events.Published;
import org.roundtable.events.Source;

/** A panel member voted, always with a rationale; {@code previousVote} is set when this changes an earlier vote. */
@Published(source = Source.COMMISSIONING, version = 1)
public record VoteCast(String caseId, String memberId, Vote vote, String rationale, Vote previousVote) implements IntegrationEvent {
}
