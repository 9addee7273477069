package org.roundtable.audit.history;

import java.time.Instant;
import java.util.List;

/**
 * The timeline of one proposal across every service, in the order things happened.
 *
 * @param caseIds         the decision cases opened for it
 * @param initiativeIds   the initiatives that delivered it
 * @param steps           every readable ledger entry about it, its cases and its initiatives
 * @param skippedEntries  entries about it whose type or payload this version of the published language cannot read
 */
public record DecisionHistory(String proposalId, String title, List<String> caseIds, List<String> initiativeIds,
                              List<Step> steps, int skippedEntries) {

    /**
     * One thing that happened.
     *
     * @param position        the entry's position in the ledger
     * @param eventId         the event's id (its CloudEvents id), for asking why it happened
     * @param event           the event's name, e.g. {@code VoteCast}
     * @param description     what happened, in one line
     * @param actorName       the actor's name, only where they consented to be named
     * @param reason          the rationale, reason, note or narrative the event carries, if any
     * @param recusal         a panel member declared an interest and was recused
     * @param declaredInterest the interest a recused member declared
     * @param vote            for a vote, the vote cast
     * @param changedVote     the vote changes the member's earlier vote in the same sitting of the case
     * @param previousVote    for a changed vote, the vote it replaces
     * @param previousRationale for a changed vote, the rationale it replaces
     */
    public record Step(long position, String eventId, Instant occurredAt, String source, String event, String description,
                       String actorId, String actorRole, String actorName, String reason,
                       boolean recusal, String declaredInterest,
                       String vote, boolean changedVote, String previousVote, String previousRationale) {
    }
}
