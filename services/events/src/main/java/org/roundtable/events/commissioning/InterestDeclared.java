package org.roundtable.events.commissioning;

import org.roundtable.events.IntegrationEvent;
import org.roundtable.events.Published;
import org.roundtable.events.Source;

/**
 * A panel member of case {@code caseId} (deciding proposal {@code proposalId}) declared an interest, described in
 * {@code description}, or declared none; a declared interest recuses them ({@code recused}). The member acts in the
 * role the envelope names.
 */
@Published(source = Source.COMMISSIONING, version = 1)
public record InterestDeclared(String caseId, String memberId, boolean hasInterest, String description, boolean recused,
                               String proposalId) implements IntegrationEvent {

    /** A declaration without its proposal id, as first published. */
    public InterestDeclared(String caseId, String memberId, boolean hasInterest, String description, boolean recused) {
        this(caseId, memberId, hasInterest, description, recused, null);
    }
}
