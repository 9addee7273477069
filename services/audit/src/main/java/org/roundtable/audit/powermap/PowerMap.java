package org.roundtable.audit.powermap;

import org.roundtable.events.proposals.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Who held the power in a period (from inclusive, to exclusive; either open when absent), optionally in one service
 * area: the funds and who held them, each fund once however many hold it; per actor and role, the decisions, the time
 * and the knowledge; per decision, who sat at the table.
 *
 * @param funds              every fund held in the period, once, with all its holders
 * @param totals             per currency, the funds' amounts and what was allocated from them: the sums of {@code funds}
 * @param decisions          the first {@link PowerMaps#DECISIONS_LISTED} decisions reached in the period, in the order
 *                           they were reached
 * @param moreDecisionsAfter when more decisions were reached in the period, the ledger position of the last one listed,
 *                           after which the next page of decisions starts; otherwise {@code null}
 * @param skippedEntries     ledger entries in the period that this version of the published language cannot read
 */
public record PowerMap(Instant from, Instant to, String serviceArea, List<FundHeld> funds, List<MoneyTotal> totals,
                       List<ActorPower> actors, List<DecisionAtTable> decisions, Long moreDecisionsAfter, int skippedEntries) {

    /**
     * A fund whose own period overlaps the map's, with every commissioner who holds it (jointly or alone).
     *
     * @param amount    the fund's budget
     * @param allocated what decisions in the period allocated from it
     */
    public record FundHeld(String fundId, String name, String serviceArea, LocalDate periodStart, LocalDate periodEnd,
                           BigDecimal amount, BigDecimal allocated, String currency, List<Holder> holders) {
    }

    /** Someone holding a fund, by the name they act under as commissioner. */
    public record Holder(String id, String name) {
    }

    /** The funds of one currency, added once each. */
    public record MoneyTotal(String currency, BigDecimal fundsHeld, BigDecimal allocated) {
    }

    /**
     * One actor in one role. Money is totalled per currency.
     *
     * @param name                    whoever acted in a public office by the name they acted under; a citizen by their
     *                                own name while they consent, otherwise by their pseudonym
     * @param role                    the role they acted or sat in ({@code null} where the ledger never says)
     * @param decisionsClosed         decision cases they closed, whatever the outcome (as chair, or the platform at a
     *                                deadline or on a withdrawal)
     * @param decisionsVotedIn        approvals and rejections whose roll records a vote of theirs (a closing without
     *                                quorum or on a withdrawal decides nothing)
     * @param votesCast               votes they cast, counting every change
     * @param recusals                cases they were recused from, having declared an interest
     * @param fundsHeld               the ids of the funds they held whose own period overlaps this one; the money is
     *                                in {@link PowerMap#funds}, once per fund however many hold it
     * @param fundsAllocatedOnPanel   money allocated by decisions they voted in (recused members never); every member
     *                                who voted shares the whole of it, so these do not add up across people
     * @param hoursPledgedPerMonth    time pledged in the period and not withdrawn by its end
     * @param hoursGiven              time actually given to initiatives
     * @param proposalsDrafted        proposals they drafted, as author and first co-designer
     * @param coDesignsJoined         proposals they joined as co-designer
     * @param workshopContributions   ideas they contributed at co-design workshops
     */
    public record ActorPower(String actorId, String name, String role,
                             int decisionsClosed, int decisionsVotedIn, int votesCast, int recusals,
                             List<String> fundsHeld, List<Money> fundsAllocatedOnPanel,
                             int hoursPledgedPerMonth, BigDecimal hoursGiven,
                             int proposalsDrafted, int coDesignsJoined, int workshopContributions) {
    }

    /**
     * One decision case closed in the period, with its outcome ({@code APPROVED}, {@code REJECTED}, or without a decision
     * {@code NO_QUORUM} or {@code WITHDRAWN}): who sat round the table and who voted.
     *
     * @param citizensAtTable panel members sitting as citizens
     * @param citizensVoted   citizen members whose vote the roll records
     * @param recused         members who declared an interest on the case at any sitting of its panel, even if they later
     *                        changed their declaration, and members the roll records as recused
     */
    public record DecisionAtTable(String caseId, String proposalId, String title, String serviceArea, String outcome,
                                  Instant decidedAt, String closedBy, String closedByName, String closedByRole,
                                  int panelSize, int commissionersAtTable, int citizensAtTable, int membersVoted,
                                  int citizensVoted, int recused, Money allocated) {
    }
}
