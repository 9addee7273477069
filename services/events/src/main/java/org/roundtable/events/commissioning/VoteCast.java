package org.roundtable.events.commissioning;

import org.roundtable.events.IntegrationEvent;
import org.roundtable.events.Published;
import org.roundtable.events.Source;

/**
 * A panel member of case {@code caseId} (deciding proposal {@code proposalId}) voted, always with a rationale;
 * {@code previousVote} is set when this changes an earlier vote, which stays in the history. The member acts in the
 * role the envelope names.
 */
@Published(source = Source.COMMISSIONING, version = 1)
public record VoteCast(String caseId, String memberId, Vote vote, String rationale, Vote previousVote, String proposalId)
        implements IntegrationEvent {

    /** A vote without its proposal id, as first published. */
    public VoteCast(String caseId, String memberId, Vote vote, String rationale, Vote previousVote) {
        this(caseId, memberId, vote, rationale, previousVote, null);
    }
}
