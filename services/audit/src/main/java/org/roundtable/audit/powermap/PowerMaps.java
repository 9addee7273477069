package org.roundtable.audit.powermap;

import org.roundtable.audit.history.Narration;
import org.roundtable.audit.history.PublicNames;
import org.roundtable.audit.history.RecordedEvent;
import org.roundtable.audit.powermap.PowerMap.ActorPower;
import org.roundtable.audit.powermap.PowerMap.DecisionAtTable;
import org.roundtable.events.IntegrationEvent;
import org.roundtable.events.Role;
import org.roundtable.events.commissioning.DecisionCaseOpened;
import org.roundtable.events.commissioning.DecisionOutcome;
import org.roundtable.events.commissioning.DecisionReached;
import org.roundtable.events.commissioning.FundCreated;
import org.roundtable.events.commissioning.FundsAllocated;
import org.roundtable.events.commissioning.InterestDeclared;
import org.roundtable.events.commissioning.PanelAssembled;
import org.roundtable.events.commissioning.PanelMember;
import org.roundtable.events.commissioning.RollEntry;
import org.roundtable.events.commissioning.VoteCast;
import org.roundtable.events.outcomes.AssetsMobilised;
import org.roundtable.events.outcomes.InitiativeStarted;
import org.roundtable.events.participation.AssetPledged;
import org.roundtable.events.participation.ContributionRecorded;
import org.roundtable.events.participation.EndorsementsOpened;
import org.roundtable.events.participation.PledgeWithdrawn;
import org.roundtable.events.participation.ProfileCorrected;
import org.roundtable.events.participation.ProfileRegistered;
import org.roundtable.events.participation.ProposalFollowed;
import org.roundtable.events.proposals.CoDesignerJoined;
import org.roundtable.events.proposals.Money;
import org.roundtable.events.proposals.ProposalAmended;
import org.roundtable.events.proposals.ProposalDrafted;
import org.roundtable.events.proposals.ProposalSubmitted;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Builds the power map from ledger entries in the order they happened. Everything before the end of the period is
 * read to know the facts an entry relies on (a case's service area and panel, a fund's holders, a pledge's giver);
 * only entries inside the period are counted. The service area of an entry is that of its case, fund, proposal or
 * initiative, as the events that opened them state it.
 */
public final class PowerMaps {

    /** The events the power map reads. */
    public static final List<String> EVENT_NAMES = List.of(
            "ProposalDrafted", "ProposalAmended", "ProposalSubmitted", "CoDesignerJoined",
            "ProposalFollowed", "EndorsementsOpened", "AssetPledged", "PledgeWithdrawn", "ContributionRecorded",
            "ProfileRegistered", "ProfileCorrected",
            "FundCreated", "FundsAllocated", "DecisionCaseOpened", "PanelAssembled", "InterestDeclared", "VoteCast",
            "DecisionReached",
            "InitiativeStarted", "AssetsMobilised");

    private final Instant from;
    private final Instant to;
    private final String serviceArea;

    private final Map<String, String> proposalAreas = new HashMap<>();
    private final Map<String, String> initiativeAreas = new HashMap<>();
    private final Map<String, CaseFacts> cases = new HashMap<>();
    private final Map<String, FundCreated> funds = new HashMap<>();
    private final Map<String, String> pledgeRoles = new HashMap<>();
    private final Set<String> withdrawnPledges = new HashSet<>();
    private final Map<String, String> actingRoles = new HashMap<>();
    private final PublicNames names = new PublicNames();
    private final Map<String, BigDecimal> allocatedFromFund = new HashMap<>();
    private final List<PowerMap.FundHeld> heldFunds = new ArrayList<>();
    private final Map<ActorKey, Tally> tallies = new LinkedHashMap<>();
    private final List<DecisionAtTable> decisions = new ArrayList<>();
    private final Set<String> recusalsCounted = new HashSet<>();

    private PowerMaps(Instant from, Instant to, String serviceArea) {
        this.from = from;
        this.to = to;
        this.serviceArea = serviceArea == null || serviceArea.isBlank() ? null : serviceArea.strip();
    }

    /**
     * The power map of the period [from, to) (either bound may be {@code null}: open), in one service area or in all
     * ({@code serviceArea} {@code null}); entries at or after {@code to} are ignored even when given.
     */
    public static PowerMap of(List<RecordedEvent> entries, Instant from, Instant to, String serviceArea) {
        PowerMaps map = new PowerMaps(from, to, serviceArea);
        List<RecordedEvent> known = entries.stream().filter(entry -> to == null || entry.occurredAt().isBefore(to)).toList();
        known.forEach(map::learn);
        int skipped = 0;
        for (RecordedEvent entry : known) {
            if (!map.inPeriod(entry.occurredAt())) {
                continue;
            }
            if (!entry.readable()) {
                skipped++;
                continue;
            }
            map.count(entry);
        }
        map.countFundsHeld();
        return map.result(skipped);
    }

    private record ActorKey(String actorId, String role) {
    }

    /** What the ledger says about one decision case, from every entry before the end of the period. */
    private static final class CaseFacts {
        private String proposalId;
        private String title;
        private String area;
        private final Map<String, Role> seats = new LinkedHashMap<>();
        /** Each member's declaration as it stands: a declaration holds through every later panel on the case. */
        private final Set<String> recused = new HashSet<>();
        /** Everyone who ever declared an interest on the case, at any sitting, whatever they declared later. */
        private final Set<String> everRecused = new HashSet<>();
        private List<RollEntry> decidingRoll;
    }

    private void learn(RecordedEvent entry) {
        if (entry.actorId() != null && entry.actorRole() != null && !Role.SYSTEM.name().equals(entry.actorRole())) {
            actingRoles.put(entry.actorId(), entry.actorRole());
        }
        names.learn(entry);
        IntegrationEvent event = entry.data();
        if (event instanceof ProposalDrafted drafted) {
            proposalAreas.put(drafted.proposalId(), drafted.content().serviceArea());
        } else if (event instanceof ProposalAmended amended) {
            proposalAreas.put(amended.proposalId(), amended.content().serviceArea());
        } else if (event instanceof ProposalSubmitted submitted) {
            proposalAreas.put(submitted.proposalId(), submitted.content().serviceArea());
        } else if (event instanceof ProposalFollowed followed) {
            proposalAreas.putIfAbsent(followed.proposalId(), followed.serviceArea());
        } else if (event instanceof EndorsementsOpened opened) {
            proposalAreas.putIfAbsent(opened.proposalId(), opened.serviceArea());
        } else if (event instanceof DecisionCaseOpened opened) {
            CaseFacts facts = cases.computeIfAbsent(opened.caseId(), id -> new CaseFacts());
            facts.proposalId = opened.proposalId();
            facts.title = opened.title();
            facts.area = opened.serviceArea();
            proposalAreas.putIfAbsent(opened.proposalId(), opened.serviceArea());
        } else if (event instanceof PanelAssembled panel) {
            CaseFacts facts = cases.computeIfAbsent(panel.caseId(), id -> new CaseFacts());
            facts.area = facts.area != null ? facts.area : panel.serviceArea();
            facts.proposalId = facts.proposalId != null ? facts.proposalId : panel.proposalId();
            facts.seats.clear();
            for (PanelMember member : panel.members()) {
                facts.seats.put(member.memberId(), member.role());
            }
        } else if (event instanceof InterestDeclared declared) {
            CaseFacts facts = cases.computeIfAbsent(declared.caseId(), id -> new CaseFacts());
            if (declared.recused() || declared.hasInterest()) {
                facts.recused.add(declared.memberId());
                facts.everRecused.add(declared.memberId());
            } else {
                facts.recused.remove(declared.memberId());
            }
        } else if (event instanceof DecisionReached decision) {
            CaseFacts facts = cases.computeIfAbsent(decision.caseId(), id -> new CaseFacts());
            facts.area = facts.area != null ? facts.area : decision.serviceArea();
            if (decision.outcome() == DecisionOutcome.APPROVED || decision.outcome() == DecisionOutcome.REJECTED) {
                facts.decidingRoll = decision.roll();
            }
        } else if (event instanceof FundCreated fund) {
            funds.put(fund.fundId(), fund);
        } else if (event instanceof AssetPledged pledged && pledged.participantId() != null) {
            pledgeRoles.put(pledged.pledgeId(), roleOfParticipant(pledged.participantId(), entry));
        } else if (event instanceof PledgeWithdrawn withdrawn) {
            withdrawnPledges.add(withdrawn.pledgeId());
        } else if (event instanceof InitiativeStarted started) {
            initiativeAreas.put(started.initiativeId(), started.serviceArea());
        }
    }

    private void count(RecordedEvent entry) {
        IntegrationEvent event = entry.data();
        if (event instanceof DecisionReached decision && inArea(caseArea(decision.caseId()))) {
            decided(decision, entry);
        } else if (event instanceof VoteCast vote && inArea(caseArea(vote.caseId()))) {
            tally(vote.memberId(), seatOf(vote.caseId(), vote.memberId(), entry)).votesCast++;
        } else if (event instanceof InterestDeclared declared && (declared.recused() || declared.hasInterest())
                && inArea(caseArea(declared.caseId())) && recusalsCounted.add(declared.caseId() + "/" + declared.memberId())) {
            tally(declared.memberId(), seatOf(declared.caseId(), declared.memberId(), entry)).recusals++;
        } else if (event instanceof FundsAllocated allocated && inArea(allocationArea(allocated))) {
            allocated(allocated);
        } else if (event instanceof AssetPledged pledged && pledged.participantId() != null
                && inArea(proposalAreas.get(pledged.proposalId()))) {
            if (pledged.hoursPerMonth() != null && !withdrawnPledges.contains(pledged.pledgeId())) {
                tally(pledged.participantId(), pledgeRoles.get(pledged.pledgeId())).hoursPledgedPerMonth += pledged.hoursPerMonth();
            }
        } else if (event instanceof AssetsMobilised mobilised && mobilised.participantId() != null && mobilised.hours() != null
                && inArea(initiativeAreas.get(mobilised.initiativeId()))) {
            String role = mobilised.pledgeId() != null && pledgeRoles.containsKey(mobilised.pledgeId())
                    ? pledgeRoles.get(mobilised.pledgeId()) : roleOfParticipant(mobilised.participantId(), entry);
            Tally tally = tally(mobilised.participantId(), role);
            tally.hoursGiven = tally.hoursGiven.add(mobilised.hours());
        } else if (event instanceof ProposalDrafted drafted && inArea(drafted.content().serviceArea())) {
            tally(drafted.authorId(), name(drafted.authorRole())).proposalsDrafted++;
        } else if (event instanceof CoDesignerJoined joined && inArea(proposalAreas.get(joined.proposalId()))) {
            tally(joined.coDesigner().participantId(), name(joined.coDesigner().role())).coDesignsJoined++;
        } else if (event instanceof ContributionRecorded contribution && inArea(proposalAreas.get(contribution.proposalId()))) {
            tally(contribution.participantId(), roleOfParticipant(contribution.participantId(), entry)).workshopContributions++;
        }
    }

    private void decided(DecisionReached decision, RecordedEvent entry) {
        CaseFacts facts = cases.get(decision.caseId());
        if (entry.actorId() != null) {
            tally(entry.actorId(), entry.actorRole()).decisionsClosed++;
        }
        List<RollEntry> roll = decision.roll();
        int panelSize = roll.isEmpty() && facts != null ? facts.seats.size() : roll.size();
        int citizens = roll.isEmpty() && facts != null
                ? (int) facts.seats.values().stream().filter(Narration::citizenSeat).count()
                : (int) roll.stream().filter(member -> Narration.citizenSeat(member.role())).count();
        int voted = 0;
        int citizensVoted = 0;
        Set<String> recused = new HashSet<>(facts == null ? Set.of() : facts.everRecused);
        boolean decidedForOrAgainst = decision.outcome() == DecisionOutcome.APPROVED || decision.outcome() == DecisionOutcome.REJECTED;
        for (RollEntry member : roll) {
            if (member.vote() != null) {
                voted++;
                citizensVoted += Narration.citizenSeat(member.role()) ? 1 : 0;
                if (decidedForOrAgainst) {
                    tally(member.memberId(), name(member.role())).decisionsVotedIn++;
                }
            }
            if (member.recused()) {
                recused.add(member.memberId());
            }
        }
        decisions.add(new DecisionAtTable(decision.caseId(),
                decision.proposalId() != null ? decision.proposalId() : facts == null ? null : facts.proposalId,
                facts == null ? null : facts.title, caseArea(decision.caseId()), name(decision.outcome()),
                entry.occurredAt(), entry.actorId(), names.actorOf(entry), entry.actorRole(), panelSize, panelSize - citizens, citizens, voted,
                citizensVoted, recused.size(), decision.allocation() == null ? null : decision.allocation().amount()));
    }

    /**
     * Allocated money counts for the fund's holders and for the panel members who decided it: those whose vote the
     * decision's roll records (abstentions included), recused members never. Without a roll, the members then seated
     * and not recused.
     */
    private void allocated(FundsAllocated allocated) {
        if (allocated.amount() == null) {
            return;
        }
        if (allocated.amount().amount() != null) {
            allocatedFromFund.merge(allocated.fundId(), allocated.amount().amount(), BigDecimal::add);
        }
        CaseFacts facts = cases.get(allocated.caseId());
        if (facts == null) {
            return;
        }
        if (facts.decidingRoll != null) {
            facts.decidingRoll.stream().filter(member -> !member.recused() && member.vote() != null)
                    .forEach(member -> add(tally(member.memberId(), name(member.role())).allocatedOnPanel, allocated.amount()));
        } else {
            facts.seats.forEach((memberId, role) -> {
                if (!facts.recused.contains(memberId)) {
                    add(tally(memberId, name(role)).allocatedOnPanel, allocated.amount());
                }
            });
        }
    }

    /**
     * A fund counts as held in the period when its own period overlaps it and it was created before the period ended.
     * It is listed once, with all its holders; each holder's row names it without its money.
     */
    private void countFundsHeld() {
        for (FundCreated fund : funds.values()) {
            if (fund.amount() == null || fund.holderIds() == null || !inArea(fund.serviceArea()) || !overlaps(fund)) {
                continue;
            }
            List<PowerMap.Holder> holders = new ArrayList<>();
            for (String holder : fund.holderIds()) {
                tally(holder, Role.COMMISSIONER.name()).fundsHeld.add(fund.fundId());
                holders.add(new PowerMap.Holder(holder, names.of(holder, Role.COMMISSIONER.name())));
            }
            heldFunds.add(new PowerMap.FundHeld(fund.fundId(), fund.name(), fund.serviceArea(), fund.periodStart(), fund.periodEnd(),
                    fund.amount().amount(), allocatedFromFund.getOrDefault(fund.fundId(), BigDecimal.ZERO),
                    fund.amount().currency(), List.copyOf(holders)));
        }
    }

    private List<PowerMap.MoneyTotal> totals() {
        Map<String, BigDecimal[]> byCurrency = new TreeMap<>();
        for (PowerMap.FundHeld fund : heldFunds) {
            BigDecimal[] sums = byCurrency.computeIfAbsent(Objects.requireNonNullElse(fund.currency(), ""),
                    currency -> new BigDecimal[]{BigDecimal.ZERO, BigDecimal.ZERO});
            sums[0] = sums[0].add(Objects.requireNonNullElse(fund.amount(), BigDecimal.ZERO));
            sums[1] = sums[1].add(fund.allocated());
        }
        return byCurrency.entrySet().stream()
                .map(total -> new PowerMap.MoneyTotal(total.getKey(), total.getValue()[0], total.getValue()[1])).toList();
    }

    private boolean overlaps(FundCreated fund) {
        Instant fundStart = fund.periodStart() == null ? null : fund.periodStart().atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant fundEnd = fund.periodEnd() == null ? null : fund.periodEnd().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        boolean startsBeforeEnd = to == null || fundStart == null || fundStart.isBefore(to);
        boolean endsAfterStart = from == null || fundEnd == null || fundEnd.isAfter(from);
        return startsBeforeEnd && endsAfterStart;
    }

    private String seatOf(String caseId, String memberId, RecordedEvent entry) {
        CaseFacts facts = cases.get(caseId);
        Role seat = facts == null ? null : facts.seats.get(memberId);
        return seat != null ? seat.name() : memberId.equals(entry.actorId()) ? entry.actorRole() : actingRoles.get(memberId);
    }

    /** The role a participant acted in: the entry's when they are its actor, otherwise the last role the ledger saw them use. */
    private String roleOfParticipant(String participantId, RecordedEvent entry) {
        return participantId.equals(entry.actorId()) ? entry.actorRole() : actingRoles.get(participantId);
    }

    private String caseArea(String caseId) {
        CaseFacts facts = cases.get(caseId);
        if (facts == null) {
            return null;
        }
        return facts.area != null ? facts.area : proposalAreas.get(facts.proposalId);
    }

    private String allocationArea(FundsAllocated allocated) {
        String area = caseArea(allocated.caseId());
        if (area == null) {
            area = allocated.serviceArea();
        }
        if (area == null && funds.containsKey(allocated.fundId())) {
            area = funds.get(allocated.fundId()).serviceArea();
        }
        return area;
    }

    private boolean inPeriod(Instant occurredAt) {
        return (from == null || !occurredAt.isBefore(from)) && (to == null || occurredAt.isBefore(to));
    }

    private boolean inArea(String area) {
        return serviceArea == null || area != null && area.strip().equalsIgnoreCase(serviceArea);
    }

    private Tally tally(String actorId, String role) {
        return tallies.computeIfAbsent(new ActorKey(actorId, role), key -> new Tally());
    }

    private static void add(Map<String, BigDecimal> totals, Money money) {
        if (money.amount() != null) {
            totals.merge(Objects.requireNonNullElse(money.currency(), ""), money.amount(), BigDecimal::add);
        }
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private PowerMap result(int skipped) {
        List<ActorPower> actors = tallies.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Comparator.comparing(ActorKey::actorId)
                        .thenComparing(ActorKey::role, Comparator.nullsLast(Comparator.naturalOrder()))))
                .map(tallied -> tallied.getValue().toView(tallied.getKey(), names.of(tallied.getKey().actorId(), tallied.getKey().role())))
                .toList();
        List<DecisionAtTable> reached = decisions.stream()
                .sorted(Comparator.comparing(DecisionAtTable::decidedAt)).toList();
        List<PowerMap.FundHeld> fundRows = heldFunds.stream()
                .sorted(Comparator.comparing(PowerMap.FundHeld::name, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(PowerMap.FundHeld::fundId)).toList();
        return new PowerMap(from, to, serviceArea, fundRows, totals(), actors, reached, skipped);
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

        ActorPower toView(ActorKey key, String name) {
            return new ActorPower(key.actorId(), name, key.role(), decisionsClosed, decisionsVotedIn, votesCast, recusals,
                    List.copyOf(fundsHeld), money(allocatedOnPanel), hoursPledgedPerMonth, hoursGiven,
                    proposalsDrafted, coDesignsJoined, workshopContributions);
        }

        private static List<Money> money(Map<String, BigDecimal> totals) {
            return totals.entrySet().stream().map(total -> new Money(total.getValue(), total.getKey())).toList();
        }
    }
}
