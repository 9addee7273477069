package org.roundtable.audit.powermap;

import org.roundtable.audit.history.PublicNames;
import org.roundtable.audit.history.RecordedEvent;
import org.roundtable.audit.powermap.PowerMap.ActorPower;
import org.roundtable.audit.powermap.PowerMap.DecisionAtTable;
import org.roundtable.audit.powermap.PowerMapStore.FundFacts;
import org.roundtable.audit.powermap.PowerMapStore.Total;
import org.roundtable.events.Role;
import org.roundtable.events.proposals.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The power map of a period [from, to) (either bound {@code null}: open), in one service area or in all, from what a
 * {@link PowerMapStore} has kept of the ledger: per actor and role the sums of what the entries in the period counted,
 * the funds whose own period overlaps it, and the decisions reached in it. Only the sums are read, never the entries,
 * so a map takes memory for its actors and funds however long the ledger grows; it lists the first decisions of the
 * period, and the store gives the others a page at a time.
 */
public final class PowerMaps {

    /** How many decisions a map lists; the rest come a page at a time ({@link PowerMapStore#decisions}). */
    public static final int DECISIONS_LISTED = 100;

    private PowerMaps() {
    }

    /** The power map of the period as the store keeps it. */
    public static PowerMap of(PowerMapStore store, Instant from, Instant to, String serviceArea) {
        String area = serviceArea == null || serviceArea.isBlank() ? null : serviceArea.strip();
        Map<ActorKey, Tally> tallies = new TreeMap<>(Comparator.comparing(ActorKey::actorId)
                .thenComparing(ActorKey::role, Comparator.nullsLast(Comparator.naturalOrder())));
        for (Total total : store.totals(from, to, area)) {
            tallies.computeIfAbsent(new ActorKey(total.actorId(), total.role()), key -> new Tally()).add(total);
        }
        Map<String, BigDecimal> allocated = store.allocatedFromFunds(from, to, area);
        List<FundFacts> held = store.funds(to).stream()
                .filter(fund -> fund.amount() != null && fund.holderIds() != null && MemoryPowerMapStore.inArea(fund.serviceArea(), area)
                        && overlaps(fund, from, to))
                .toList();
        Set<String> people = new HashSet<>();
        tallies.keySet().forEach(key -> people.add(key.actorId()));
        held.forEach(fund -> people.addAll(fund.holderIds()));
        PublicNames names = store.names(people);
        List<PowerMap.FundHeld> funds = new ArrayList<>();
        for (FundFacts fund : held) {
            List<PowerMap.Holder> holders = new ArrayList<>();
            for (String holder : fund.holderIds()) {
                tallies.computeIfAbsent(new ActorKey(holder, Role.COMMISSIONER.name()), key -> new Tally()).fundsHeld.add(fund.fundId());
                holders.add(new PowerMap.Holder(holder, names.of(holder, Role.COMMISSIONER.name())));
            }
            funds.add(new PowerMap.FundHeld(fund.fundId(), fund.name(), fund.serviceArea(), fund.periodStart(), fund.periodEnd(),
                    fund.amount(), allocated.getOrDefault(fund.fundId(), BigDecimal.ZERO), fund.currency(), List.copyOf(holders)));
        }
        funds.sort(Comparator.comparing(PowerMap.FundHeld::name, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(PowerMap.FundHeld::fundId));
        List<ActorPower> actors = tallies.entrySet().stream()
                .map(tallied -> tallied.getValue().toView(tallied.getKey(), names.of(tallied.getKey().actorId(), tallied.getKey().role())))
                .toList();
        PowerMapStore.Decisions decisions = store.decisions(from, to, area, 0, DECISIONS_LISTED);
        return new PowerMap(from, to, area, funds, totals(funds), actors, decisions.listed(), decisions.moreAfter(), store.unreadable(from, to));
    }

    /**
     * The power map computed at once from entries in the order they happened, folded as the kept map folds the ledger;
     * entries at or after {@code to} count for nothing in the period.
     */
    public static PowerMap of(List<RecordedEvent> entries, Instant from, Instant to, String serviceArea) {
        MemoryPowerMapStore store = new MemoryPowerMapStore();
        PowerMapFold fold = new PowerMapFold(store);
        entries.forEach(fold::fold);
        return of(store, from, to, serviceArea);
    }

    private record ActorKey(String actorId, String role) {
    }

    private static List<PowerMap.MoneyTotal> totals(List<PowerMap.FundHeld> funds) {
        Map<String, BigDecimal[]> byCurrency = new TreeMap<>();
        for (PowerMap.FundHeld fund : funds) {
            BigDecimal[] sums = byCurrency.computeIfAbsent(Objects.requireNonNullElse(fund.currency(), ""),
                    currency -> new BigDecimal[]{BigDecimal.ZERO, BigDecimal.ZERO});
            sums[0] = sums[0].add(Objects.requireNonNullElse(fund.amount(), BigDecimal.ZERO));
            sums[1] = sums[1].add(fund.allocated());
        }
        return byCurrency.entrySet().stream()
                .map(total -> new PowerMap.MoneyTotal(total.getKey(), total.getValue()[0], total.getValue()[1])).toList();
    }

    /** A fund counts as held in the period when its own period overlaps it and it was created before the period ended. */
    private static boolean overlaps(FundFacts fund, Instant from, Instant to) {
        Instant fundStart = fund.periodStart() == null ? null : fund.periodStart().atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant fundEnd = fund.periodEnd() == null ? null : fund.periodEnd().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        boolean startsBeforeEnd = to == null || fundStart == null || fundStart.isBefore(to);
        boolean endsAfterStart = from == null || fundEnd == null || fundEnd.isAfter(from);
        return startsBeforeEnd && endsAfterStart;
    }

    private static final class Tally {
        private int decisionsClosed;
        private int decisionsVotedIn;
        private int votesCast;
        private int recusals;
        private final List<String> fundsHeld = new ArrayList<>();
        private final Map<String, BigDecimal> allocatedOnPanel = new TreeMap<>();
        private int hoursPledgedPerMonth;
        private BigDecimal hoursGiven = BigDecimal.ZERO;
        private int proposalsDrafted;
        private int coDesignsJoined;
        private int workshopContributions;

        void add(Total total) {
            int count = Math.toIntExact(total.count());
            switch (total.measure()) {
                case DECISION_CLOSED -> decisionsClosed += count;
                case DECISION_VOTED_IN -> decisionsVotedIn += count;
                case VOTE_CAST -> votesCast += count;
                case RECUSAL -> recusals += Math.toIntExact(total.distinct());
                case HOURS_PLEDGED -> hoursPledgedPerMonth += total.amount() == null ? 0 : total.amount().intValueExact();
                case HOURS_GIVEN -> hoursGiven = hoursGiven.add(Objects.requireNonNullElse(total.amount(), BigDecimal.ZERO));
                case PROPOSAL_DRAFTED -> proposalsDrafted += count;
                case CO_DESIGN_JOINED -> coDesignsJoined += count;
                case WORKSHOP_CONTRIBUTION -> workshopContributions += count;
                case ALLOCATED_ON_PANEL -> {
                    if (total.amount() != null) {
                        allocatedOnPanel.merge(Objects.requireNonNullElse(total.currency(), ""), total.amount(), BigDecimal::add);
                    }
                }
                case PLEDGE_WITHDRAWN, FUND_ALLOCATED, UNREADABLE -> {
                }
            }
        }

        ActorPower toView(ActorKey key, String name) {
            return new ActorPower(key.actorId(), name, key.role(), decisionsClosed, decisionsVotedIn, votesCast, recusals,
                    List.copyOf(fundsHeld), allocatedOnPanel.entrySet().stream().map(total -> new Money(total.getValue(), total.getKey())).toList(),
                    hoursPledgedPerMonth, hoursGiven, proposalsDrafted, coDesignsJoined, workshopContributions);
        }
    }
}
