package org.roundtable.events.commissioning;

import org.roundtable.events.IntegrationEvent;
import org.roundtable.events.Published;
import org.roundtable.events.Source;

/**
 * A panel member of case {@code caseId} (deciding proposal {@code proposalId}) declared an interest, described in
 * {@code description}, or declared none; a declared interest recuses them ({@code recused}). The member acts in the
 * role the envelope names. A declaration belongs to the member and the proposal, not to one sitting of its panel: it
 * holds through later panels, and a later declaration by the same member replaces it only with {@code changeReason}
 * (null on a first declaration, and in declarations stored before it was added).
 */
@Published(source = Source.COMMISSIONING, version = 1)
public record InterestDeclared(String caseId, String memberId, boolean hasInterest, String description, boolean recused,
                               String proposalId, String changeReason) implements IntegrationEvent {

    /** A first declaration. */
    public InterestDeclared(String caseId, String memberId, boolean hasInterest, String description, boolean recused,
                            String proposalId) {
        this(caseId, memberId, hasInterest, description, recused, proposalId, null);
    }

    /** A declaration without its proposal id, as first published. */
    public InterestDeclared(String caseId, String memberId, boolean hasInterest, String description, boolean recused) {
        this(caseId, memberId, hasInterest, description, recused, null, null);
    }
}
