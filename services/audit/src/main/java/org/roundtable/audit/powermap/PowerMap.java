package org.roundtable.audit.powermap;

import org.roundtable.events.proposals.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Who held the power in a period (from inclusive, to exclusive; either open when absent), optionally in one service
 * area: per actor and role, the decisions, the money, the time and the knowledge; per decision, who sat at the table.
 *
 * @param skippedEntries ledger entries in the period that this version of the published language cannot read
 */
public record PowerMap(Instant from, Instant to, String serviceArea, List<ActorPower> actors, List<DecisionAtTable> decisions,
                       int skippedEntries) {

    /**
     * One actor in one role. Money is totalled per currency.
     *
     * @param name                    the actor's name where they consented to be named (or their public pseudonym);
     *                                otherwise {@code null}, and the actor is known by their pseudonymous id
     * @param role                    the role they acted or sat in ({@code null} where the ledger never says)
     * @param decisionsClosed         decision cases they closed, whatever the outcome (as chair, or the platform at a
     *                                deadline or on a withdrawal)
     * @param decisionsVotedIn        approvals and rejections whose roll records a vote of theirs (a closing without
     *                                quorum or on a withdrawal decides nothing)
     * @param votesCast               votes they cast, counting every change
     * @param recusals                cases they were recused from, having declared an interest
     * @param fundsHeld               the funds they held whose own period overlaps this one
     * @param fundsAllocatedAsHolder  money allocated from funds they held
     * @param fundsAllocatedOnPanel   money allocated by decisions they voted in (recused members never)
     * @param hoursPledgedPerMonth    time pledged in the period and not withdrawn by its end
     * @param hoursGiven              time actually given to initiatives
     * @param proposalsDrafted        proposals they drafted, as author and first co-designer
     * @param coDesignsJoined         proposals they joined as co-designer
     * @param workshopContributions   ideas they contributed at co-design workshops
     */
    public record ActorPower(String actorId, String name, String role,
                             int decisionsClosed, int decisionsVotedIn, int votesCast, int recusals,
                             List<Money> fundsHeld, List<Money> fundsAllocatedAsHolder, List<Money> fundsAllocatedOnPanel,
                             int hoursPledgedPerMonth, BigDecimal hoursGiven,
                             int proposalsDrafted, int coDesignsJoined, int workshopContributions) {
    }

    /**
     * One decision case closed in the period, with its outcome ({@code APPROVED}, {@code REJECTED}, or without a decision
     * {@code NO_QUORUM} or {@code WITHDRAWN}): who sat round the table and who voted.
     *
     * @param citizensAtTable panel members sitting as citizens
     * @param citizensVoted   citizen members whose vote the roll records
     */
    public record DecisionAtTable(String caseId, String proposalId, String title, String serviceArea, String outcome,
                                  Instant decidedAt, String closedBy, String closedByRole,
                                  int panelSize, int commissionersAtTable, int citizensAtTable, int membersVoted,
                                  int citizensVoted, int recused, Money allocated) {
    }
}
