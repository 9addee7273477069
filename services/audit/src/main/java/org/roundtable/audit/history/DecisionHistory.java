package org.roundtable.audit.history;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.roundtable.events.proposals.Money;

import java.time.Instant;
import java.util.List;

/**
 * The account of one proposal across every service, in ledger order: each step, and a plain-language account of each
 * decision taken on it.
 *
 * @param caseIds         the decision cases opened for it
 * @param initiativeIds   the initiatives that delivered it
 * @param steps           every readable ledger entry about it, its cases and its initiatives, by ledger position
 * @param decisions       each decision reached on it: who sat, who declared what, who voted how and why, what money moved
 * @param skippedEntries  entries about it whose type or payload this version of the published language cannot read
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record DecisionHistory(String proposalId, String title, List<String> caseIds, List<String> initiativeIds,
                              List<Step> steps, List<DecisionAccount> decisions, int skippedEntries) {

    /**
     * One thing that happened. Fields that do not apply to it are left out.
     *
     * @param position          the entry's position in the ledger
     * @param eventId           the event's id (its CloudEvents id), for asking why it happened
     * @param event             the event's name, e.g. {@code VoteCast}
     * @param description       what happened, in one line, with things and people called by their names
     * @param actorName         who acted: whoever acted in a public office by the name they acted under; a citizen by
     *                          their own name while they consent, otherwise by their pseudonym
     * @param reason            the rationale, reason, note or narrative the event carries, if any
     * @param recusal           a panel member declared an interest and was recused
     * @param declaredInterest  the interest a recused member declared
     * @param vote              for a vote, the vote cast
     * @param changedVote       the vote changes the member's earlier vote in the same sitting of the case
     * @param previousVote      for a changed vote, the vote it replaces
     * @param previousRationale for a changed vote, the rationale it replaces
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Step(long position, String eventId, Instant occurredAt, String source, String event, String description,
                       String actorId, String actorRole, String actorName, String reason,
                       @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean recusal, String declaredInterest,
                       String vote, @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean changedVote,
                       String previousVote, String previousRationale) {
    }

    /**
     * A decision reached on the proposal, told whole.
     *
     * @param summary   the decision in plain words: who sat, who declared what, who voted how and why, what money moved
     * @param seats     everyone round the table, with their declaration and their vote
     * @param allocated the money allocated from the fund, if any
     * @param remaining what the fund had left after it
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record DecisionAccount(String caseId, long position, Instant decidedAt, String outcome, String closedBy,
                                  List<Seat> seats, String fundId, String fundName, Money allocated, Money remaining,
                                  String summary) {
    }

    /**
     * One member round the table.
     *
     * @param interest the interest they declared, if they declared one
     * @param vote     their vote in the decision's roll ({@code null}: no vote)
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Seat(String memberId, String name, String role, @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean chair,
                       @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean declared, String interest,
                       @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean recused, String vote, String rationale) {
    }
}
