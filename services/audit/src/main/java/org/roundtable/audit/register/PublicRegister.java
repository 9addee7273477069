package org.roundtable.audit.register;

import org.roundtable.events.proposals.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The public decision register: every decision reached, newest first, as anyone may read it. People are named by the
 * project's rule, applied here and nowhere later: office holders by the name they acted under, citizens by their own
 * name only while they consent, otherwise by their pseudonym, and a citizen without a profile as "a citizen member".
 * No one's login or id appears.
 */
public record PublicRegister(Instant generatedAt, List<Decision> decisions) {

    /**
     * One decision on one proposal.
     *
     * @param outcome       {@code APPROVED}, {@code REJECTED}, or without a decision {@code NO_QUORUM} or {@code WITHDRAWN}
     * @param closedBy      who closed the case, by public name
     * @param panel         everyone round the table when it was decided, with their declaration and vote
     * @param fund          the fund the money came from (or was to come from), by name
     * @param allocated     the money the decision allocated, if any
     * @param fundRemaining what the fund had left after it
     * @param summary       the decision in plain words
     * @param initiative    the initiative that followed an approval, as it stands now
     */
    public record Decision(String caseId, String proposalId, String title, String serviceArea, String aspiration, Money asked,
                           String outcome, Instant decidedAt, String closedBy, List<Member> panel, String fund, Money allocated,
                           Money fundRemaining, String summary, Initiative initiative) {
    }

    /**
     * A member of the panel.
     *
     * @param name      by the naming rule, never a login
     * @param role      {@code COMMISSIONER} or the role a citizen member sat in
     * @param declared  whether they declared (an interest or none)
     * @param interest  the interest they declared, if any
     * @param vote      {@code APPROVE}, {@code REJECT} or {@code ABSTAIN}; absent when they did not vote
     */
    public record Member(String name, String role, boolean chair, boolean declared, String interest, boolean recused, String vote,
                         String rationale) {
    }

    /**
     * The initiative delivering an approved proposal.
     *
     * @param status      the latest review ({@code ON_TRACK}, {@code AT_RISK}, {@code ACHIEVED}, {@code STOPPED}); absent
     *                    before the first review
     * @param provider    the organisation delivering it, by name
     * @param hoursGiven  hours the community gave to it
     */
    public record Initiative(String title, String status, String provider, Money funding, Instant startedAt, BigDecimal hoursGiven,
                             List<LocalDate> reviewDates, List<Indicator> indicators) {
    }

    /**
     * An outcome indicator and its latest reading from the provider.
     *
     * @param direction {@code HIGHER_IS_BETTER} or {@code LOWER_IS_BETTER}
     */
    public record Indicator(String name, String unit, BigDecimal baseline, BigDecimal target, String direction, BigDecimal latest,
                            LocalDate observedOn) {
    }
}
