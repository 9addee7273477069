package org.roundtable.audit.powermap;

import org.roundtable.audit.history.PublicNames;
import org.roundtable.audit.powermap.PowerMap.DecisionAtTable;
import org.roundtable.kit.domain.InvalidInput;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Where the power map is kept as the ledger grows ({@link PowerMapFold} writes it through {@link Folding}, {@link PowerMaps}
 * reads it): the few facts an entry needs to be counted (a case's service area and panel, a fund, a pledge's giver, the
 * names people go by), and what each entry counted, with its instant and service area, so that any period and area can
 * be summed. Nothing here holds an entry itself.
 */
public interface PowerMapStore {

    /**
     * The kinds of facts the fold keeps, each by the id of what it is about; a store may keep more of its own (a recusal
     * already counted for all time, what a pledge counted until it is withdrawn).
     */
    enum Fact {
        PROPOSAL_AREA, INITIATIVE_AREA, CASE, FUND, PLEDGE_ROLE, ACTING_ROLE, PROFILE_NAME, OFFICE_NAME, RECUSED, PLEDGED
    }

    /** What {@link PowerMapFold} reads and writes as it folds entries. */
    interface Folding {

        /** The fact of this kind about this id, or {@code null}. */
        <T> T fact(Fact kind, String id, Class<T> type);

        void putFact(Fact kind, String id, Object value);

        void add(Contribution contribution);

        void add(DecisionAtTable decision, long position);

        /** The public names of these people as the entries folded so far give them. */
        PublicNames names(Collection<String> personIds);
    }

    /** Per actor, role, measure and currency, what the entries in the period and area counted (see {@link Total}). */
    List<Total> totals(Instant from, Instant to, String area);

    /** Per fund, what was allocated from it in the period and area. */
    Map<String, BigDecimal> allocatedFromFunds(Instant from, Instant to, String area);

    /** How many entries in the period could not be read. */
    int unreadable(Instant from, Instant to);

    /**
     * The decisions reached in the period and area, in the order they were reached, after the one recorded at ledger
     * position {@code after} (0: from the first), at most {@code limit} of them.
     *
     * @throws InvalidInput naming {@code after} when no decision was recorded at that position
     */
    Decisions decisions(Instant from, Instant to, String area, long after, int limit);

    /** Every fund created before {@code to}. */
    List<FundFacts> funds(Instant to);

    /** The public names of these people as the ledger now gives them. */
    PublicNames names(Collection<String> personIds);

    /** What one entry counted for one actor in one role (or, without an actor, for a fund or a pledge). */
    enum Measure {
        DECISION_CLOSED, DECISION_VOTED_IN, VOTE_CAST, RECUSAL, HOURS_PLEDGED, PLEDGE_WITHDRAWN, HOURS_GIVEN,
        PROPOSAL_DRAFTED, CO_DESIGN_JOINED, WORKSHOP_CONTRIBUTION, ALLOCATED_ON_PANEL, FUND_ALLOCATED, UNREADABLE
    }

    /**
     * @param area   the service area the entry counts in ({@code null} where the ledger does not say)
     * @param amount hours or money; {@code null} for a count
     * @param ref    the case of a recusal, the pledge of hours pledged or withdrawn, the fund of an allocation
     */
    record Contribution(long position, Instant occurredAt, String area, String actorId, String role, Measure measure,
                        BigDecimal amount, String currency, String ref) {
    }

    /**
     * The sum of one measure for one actor, role and currency: {@code count} contributions, {@code amount} their sum,
     * {@code distinct} how many different refs (recusals count once per case). Hours pledged leave out every pledge
     * withdrawn before the period ends.
     */
    record Total(String actorId, String role, Measure measure, String currency, long count, BigDecimal amount, long distinct) {
    }

    /** The refusal of a page of decisions after a position at which no decision was recorded. */
    static InvalidInput noDecisionAt(long position) {
        return new InvalidInput("after", "no decision was recorded at ledger position " + position);
    }

    /**
     * Decisions in the order they were reached.
     *
     * @param moreAfter when more follow, the ledger position of the last one listed (the next page starts after it);
     *                  otherwise {@code null}
     */
    record Decisions(List<DecisionAtTable> listed, Long moreAfter) {
    }

    /** A fund as it was created, and when. */
    record FundFacts(String fundId, String name, String serviceArea, java.time.LocalDate periodStart, java.time.LocalDate periodEnd,
                     BigDecimal amount, String currency, List<String> holderIds, Instant createdAt) {
    }
}
