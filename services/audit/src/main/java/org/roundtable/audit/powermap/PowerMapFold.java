package org.roundtable.audit.powermap;

import org.roundtable.audit.history.EventRegistry;
import org.roundtable.audit.history.Narration;
import org.roundtable.audit.history.PublicNames;
import org.roundtable.audit.history.RecordedEvent;
import org.roundtable.audit.powermap.PowerMap.DecisionAtTable;
import org.roundtable.audit.powermap.PowerMapStore.Contribution;
import org.roundtable.audit.powermap.PowerMapStore.Fact;
import org.roundtable.audit.powermap.PowerMapStore.FundFacts;
import org.roundtable.audit.powermap.PowerMapStore.Measure;
import org.roundtable.events.Role;
import org.roundtable.events.RoundtableEvents;
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
import org.roundtable.events.outcomes.ContributionExpected;
import org.roundtable.events.outcomes.ContributionReleased;
import org.roundtable.events.outcomes.IndicatorDefined;
import org.roundtable.events.outcomes.InitiativeReviewed;
import org.roundtable.events.outcomes.InitiativeStarted;
import org.roundtable.events.outcomes.ProgressReported;
import org.roundtable.events.outcomes.ProviderAssigned;
import org.roundtable.events.outcomes.ReviewDatesScheduled;
import org.roundtable.events.participation.AssetPledged;
import org.roundtable.events.participation.CoDesignerRecognised;
import org.roundtable.events.participation.ContributionRecorded;
import org.roundtable.events.participation.EndorsementGiven;
import org.roundtable.events.participation.EndorsementWithdrawn;
import org.roundtable.events.participation.EndorsementsClosed;
import org.roundtable.events.participation.EndorsementsOpened;
import org.roundtable.events.participation.PledgeWithdrawn;
import org.roundtable.events.participation.ProfileCorrected;
import org.roundtable.events.participation.ProfileRegistered;
import org.roundtable.events.participation.ProposalFollowed;
import org.roundtable.events.participation.WorkshopAttended;
import org.roundtable.events.participation.WorkshopRegistered;
import org.roundtable.events.participation.WorkshopScheduled;
import org.roundtable.events.proposals.CoDesignerInvited;
import org.roundtable.events.proposals.CoDesignerJoined;
import org.roundtable.events.proposals.Money;
import org.roundtable.events.proposals.ProposalAmended;
import org.roundtable.events.proposals.ProposalCommissioned;
import org.roundtable.events.proposals.ProposalDeclined;
import org.roundtable.events.proposals.ProposalDrafted;
import org.roundtable.events.proposals.ProposalSubmitted;
import org.roundtable.events.proposals.ProposalUnderDecision;
import org.roundtable.events.proposals.ProposalWithdrawn;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Folds ledger entries, in the order the ledger holds them, into a {@link PowerMapStore}: first what the entry says
 * about the facts later entries rely on (a case's service area and panel, a fund's holders, a pledge's giver, the names
 * people go by), then what it counts, for whom, in which service area, as those facts stand when it happened. The service
 * area of an entry is that of its case, fund, proposal or initiative, as the ledger has stated it so far.
 */
public final class PowerMapFold {

    private final PowerMapStore.Folding store;
    /** The entry being folded. */
    private RecordedEvent entry;

    public PowerMapFold(PowerMapStore.Folding store) {
        this.store = store;
    }

    /** What the ledger says about one decision case so far. */
    public record CaseFacts(String proposalId, String title, String area, Map<String, Role> seats,
                     /* each member's declaration as it stands: it holds through every later panel on the case */
                     Set<String> recused,
                     /* everyone who ever declared an interest on the case, whatever they declared later */
                     Set<String> everRecused,
                     List<RollEntry> decidingRoll) {

        static final CaseFacts NONE = new CaseFacts(null, null, null, Map.of(), Set.of(), Set.of(), null);

        CaseFacts opened(DecisionCaseOpened opened) {
            return new CaseFacts(opened.proposalId(), opened.title(), opened.serviceArea(), seats, recused, everRecused, decidingRoll);
        }

        CaseFacts assembled(PanelAssembled panel) {
            Map<String, Role> seated = new LinkedHashMap<>();
            for (PanelMember member : panel.members()) {
                seated.put(member.memberId(), member.role());
            }
            return new CaseFacts(proposalId != null ? proposalId : panel.proposalId(), title, area != null ? area : panel.serviceArea(),
                    seated, recused, everRecused, decidingRoll);
        }

        CaseFacts declared(InterestDeclared declared) {
            Set<String> nowRecused = new LinkedHashSet<>(recused);
            Set<String> ever = new LinkedHashSet<>(everRecused);
            if (declared.recused() || declared.hasInterest()) {
                nowRecused.add(declared.memberId());
                ever.add(declared.memberId());
            } else {
                nowRecused.remove(declared.memberId());
            }
            return new CaseFacts(proposalId, title, area, seats, nowRecused, ever, decidingRoll);
        }

        CaseFacts decided(DecisionReached decision) {
            boolean forOrAgainst = decision.outcome() == DecisionOutcome.APPROVED || decision.outcome() == DecisionOutcome.REJECTED;
            return new CaseFacts(proposalId, title, area != null ? area : decision.serviceArea(), seats, recused, everRecused,
                    forOrAgainst ? decision.roll() : decidingRoll);
        }
    }

    /** What the fold learns from each event type: the facts later entries rely on. */
    private static final EventRegistry<PowerMapFold, Void> LEARNT = EventRegistry.<PowerMapFold, Void>of("the power map's facts")
            .applies(ProposalDrafted.class, (fold, drafted) -> fold.changeFact(Fact.PROPOSAL_AREA, drafted.proposalId(), drafted.content().serviceArea()))
            .applies(ProposalAmended.class, (fold, amended) -> fold.changeFact(Fact.PROPOSAL_AREA, amended.proposalId(), amended.content().serviceArea()))
            .applies(ProposalSubmitted.class, (fold, submitted) -> fold.changeFact(Fact.PROPOSAL_AREA, submitted.proposalId(),
                    submitted.content().serviceArea()))
            .applies(ProposalFollowed.class, (fold, followed) -> fold.learnAreaIfAbsent(followed.proposalId(), followed.serviceArea()))
            .applies(EndorsementsOpened.class, (fold, opened) -> fold.learnAreaIfAbsent(opened.proposalId(), opened.serviceArea()))
            .applies(DecisionCaseOpened.class, (fold, opened) -> {
                fold.store.putFact(Fact.CASE, opened.caseId(), fold.caseFacts(opened.caseId()).opened(opened));
                fold.learnAreaIfAbsent(opened.proposalId(), opened.serviceArea());
            })
            .applies(PanelAssembled.class, (fold, panel) -> fold.store.putFact(Fact.CASE, panel.caseId(), fold.caseFacts(panel.caseId()).assembled(panel)))
            .applies(InterestDeclared.class, (fold, declared) -> fold.store.putFact(Fact.CASE, declared.caseId(),
                    fold.caseFacts(declared.caseId()).declared(declared)))
            .applies(DecisionReached.class, (fold, decision) -> fold.store.putFact(Fact.CASE, decision.caseId(),
                    fold.caseFacts(decision.caseId()).decided(decision)))
            .applies(FundCreated.class, (fold, fund) -> fold.store.putFact(Fact.FUND, fund.fundId(), new FundFacts(fund.fundId(), fund.name(),
                    fund.serviceArea(), fund.periodStart(), fund.periodEnd(), fund.amount() == null ? null : fund.amount().amount(),
                    fund.amount() == null ? null : fund.amount().currency(), fund.holderIds(), fold.entry.occurredAt())))
            .applies(AssetPledged.class, PowerMapFold::learnPledge)
            .applies(InitiativeStarted.class, (fold, started) -> fold.changeFact(Fact.INITIATIVE_AREA, started.initiativeId(), started.serviceArea()))
            .ignores("the acting roles and the names the fold learns from every entry are all it needs of these",
                    CoDesignerInvited.class, CoDesignerJoined.class, ProposalWithdrawn.class, ProposalUnderDecision.class,
                    ProposalCommissioned.class, ProposalDeclined.class, CoDesignerRecognised.class, EndorsementsClosed.class,
                    EndorsementGiven.class, EndorsementWithdrawn.class, PledgeWithdrawn.class, WorkshopScheduled.class,
                    WorkshopRegistered.class, WorkshopAttended.class, ContributionRecorded.class, ProfileRegistered.class,
                    ProfileCorrected.class, VoteCast.class, FundsAllocated.class, ProviderAssigned.class, IndicatorDefined.class,
                    ReviewDatesScheduled.class, ProgressReported.class, ContributionExpected.class, ContributionReleased.class,
                    AssetsMobilised.class, InitiativeReviewed.class)
            .against(RoundtableEvents.CATALOG);

    /** What the fold counts of each event type, for whom, in which service area. */
    private static final EventRegistry<PowerMapFold, Void> COUNTED = EventRegistry.<PowerMapFold, Void>of("the power map's counts")
            .applies(DecisionReached.class, PowerMapFold::decided)
            .applies(VoteCast.class, (fold, vote) -> fold.add(fold.caseArea(vote.caseId()), vote.memberId(),
                    fold.seatOf(vote.caseId(), vote.memberId()), Measure.VOTE_CAST, null, null, null))
            .applies(InterestDeclared.class, PowerMapFold::recused)
            .applies(FundsAllocated.class, PowerMapFold::allocated)
            .applies(AssetPledged.class, PowerMapFold::pledged)
            .applies(PledgeWithdrawn.class, (fold, withdrawn) -> fold.add(null, null, null, Measure.PLEDGE_WITHDRAWN, null, null, withdrawn.pledgeId()))
            .applies(AssetsMobilised.class, PowerMapFold::mobilised)
            .applies(ProposalDrafted.class, (fold, drafted) -> fold.add(drafted.content().serviceArea(), drafted.authorId(), name(drafted.authorRole()),
                    Measure.PROPOSAL_DRAFTED, null, null, null))
            .applies(CoDesignerJoined.class, (fold, joined) -> fold.add(fold.proposalArea(joined.proposalId()), joined.coDesigner().participantId(),
                    name(joined.coDesigner().role()), Measure.CO_DESIGN_JOINED, null, null, null))
            .applies(ContributionRecorded.class, (fold, contribution) -> fold.add(fold.proposalArea(contribution.proposalId()),
                    contribution.participantId(), fold.roleOfParticipant(contribution.participantId()), Measure.WORKSHOP_CONTRIBUTION,
                    null, null, null))
            .ignores("inviting, amending, submitting and the proposal's status changes are no one's power at the table: drafting and co-designing count",
                    CoDesignerInvited.class, ProposalAmended.class, ProposalSubmitted.class, ProposalWithdrawn.class,
                    ProposalUnderDecision.class, ProposalCommissioned.class, ProposalDeclined.class)
            .ignores("endorsing and participation's bookkeeping give no say over money or decisions", ProposalFollowed.class,
                    CoDesignerRecognised.class, EndorsementsOpened.class, EndorsementsClosed.class, EndorsementGiven.class,
                    EndorsementWithdrawn.class, ProfileRegistered.class, ProfileCorrected.class)
            .ignores("scheduling, registering for and attending a workshop count for nothing; contributing to one counts",
                    WorkshopScheduled.class, WorkshopRegistered.class, WorkshopAttended.class)
            .ignores("opening a case, assembling a panel and creating a fund are counted where they act: the decision, the votes, the allocation and the funds held",
                    DecisionCaseOpened.class, PanelAssembled.class, FundCreated.class)
            .ignores("running an initiative and expecting contributions count for nothing; the hours given count",
                    InitiativeStarted.class, ProviderAssigned.class, IndicatorDefined.class, ReviewDatesScheduled.class,
                    ProgressReported.class, ContributionExpected.class, ContributionReleased.class, InitiativeReviewed.class)
            .against(RoundtableEvents.CATALOG);

    /** What the fold learns from each event type, and why it learns nothing from the others. */
    public static EventRegistry<PowerMapFold, Void> facts() {
        return LEARNT;
    }

    /** What the fold counts of each event type, and why the others count for nothing. */
    public static EventRegistry<PowerMapFold, Void> counts() {
        return COUNTED;
    }

    /** Learns from the entry, then counts it. */
    public void fold(RecordedEvent entry) {
        this.entry = entry;
        if (!entry.readable()) {
            add(null, null, null, Measure.UNREADABLE, null, null, null);
            return;
        }
        learn();
        COUNTED.dispatch(this, entry.data());
    }

    private void learn() {
        if (entry.actorId() != null && entry.actorRole() != null && !Role.SYSTEM.name().equals(entry.actorRole())) {
            changeFact(Fact.ACTING_ROLE, entry.actorId(), entry.actorRole());
        }
        PublicNames.profileName(entry).ifPresent(named -> changeFact(Fact.PROFILE_NAME, named.getKey(), named.getValue()));
        PublicNames.officeName(entry).ifPresent(named -> changeFact(Fact.OFFICE_NAME, named.getKey(), named.getValue()));
        LEARNT.dispatch(this, entry.data());
    }

    private void learnPledge(AssetPledged pledged) {
        if (pledged.participantId() != null) {
            String role = roleOfParticipant(pledged.participantId());
            if (role != null) {
                store.putFact(Fact.PLEDGE_ROLE, pledged.pledgeId(), role);
            }
        }
    }

    private void recused(InterestDeclared declared) {
        if (declared.recused() || declared.hasInterest()) {
            add(caseArea(declared.caseId()), declared.memberId(), seatOf(declared.caseId(), declared.memberId()),
                    Measure.RECUSAL, null, null, declared.caseId());
        }
    }

    private void pledged(AssetPledged pledged) {
        if (pledged.participantId() != null && pledged.hoursPerMonth() != null) {
            add(proposalArea(pledged.proposalId()), pledged.participantId(), store.fact(Fact.PLEDGE_ROLE, pledged.pledgeId(), String.class),
                    Measure.HOURS_PLEDGED, BigDecimal.valueOf(pledged.hoursPerMonth()), null, pledged.pledgeId());
        }
    }

    private void mobilised(AssetsMobilised mobilised) {
        if (mobilised.participantId() != null && mobilised.hours() != null) {
            String pledgeRole = mobilised.pledgeId() == null ? null : store.fact(Fact.PLEDGE_ROLE, mobilised.pledgeId(), String.class);
            String role = pledgeRole != null ? pledgeRole : roleOfParticipant(mobilised.participantId());
            add(store.fact(Fact.INITIATIVE_AREA, mobilised.initiativeId(), String.class), mobilised.participantId(), role,
                    Measure.HOURS_GIVEN, mobilised.hours(), null, null);
        }
    }

    private void decided(DecisionReached decision) {
        CaseFacts facts = store.fact(Fact.CASE, decision.caseId(), CaseFacts.class);
        String area = caseArea(decision.caseId());
        if (entry.actorId() != null) {
            add(area, entry.actorId(), entry.actorRole(), Measure.DECISION_CLOSED, null, null, null);
        }
        List<RollEntry> roll = decision.roll();
        int panelSize = roll.isEmpty() && facts != null ? facts.seats().size() : roll.size();
        int citizens = roll.isEmpty() && facts != null
                ? (int) facts.seats().values().stream().filter(Narration::citizenSeat).count()
                : (int) roll.stream().filter(member -> Narration.citizenSeat(member.role())).count();
        int voted = 0;
        int citizensVoted = 0;
        Set<String> recused = new HashSet<>(facts == null ? Set.of() : facts.everRecused());
        boolean decidedForOrAgainst = decision.outcome() == DecisionOutcome.APPROVED || decision.outcome() == DecisionOutcome.REJECTED;
        for (RollEntry member : roll) {
            if (member.vote() != null) {
                voted++;
                citizensVoted += Narration.citizenSeat(member.role()) ? 1 : 0;
                if (decidedForOrAgainst) {
                    add(area, member.memberId(), name(member.role()), Measure.DECISION_VOTED_IN, null, null, null);
                }
            }
            if (member.recused()) {
                recused.add(member.memberId());
            }
        }
        store.add(new DecisionAtTable(decision.caseId(),
                decision.proposalId() != null ? decision.proposalId() : facts == null ? null : facts.proposalId(),
                facts == null ? null : facts.title(), area, name(decision.outcome()),
                entry.occurredAt(), entry.actorId(), names(entry.actorId()).actorOf(entry), entry.actorRole(), panelSize,
                panelSize - citizens, citizens, voted, citizensVoted, recused.size(),
                decision.allocation() == null ? null : decision.allocation().amount()), entry.position());
    }

    /**
     * Allocated money counts for the fund and for the panel members who decided it: those whose vote the decision's roll
     * records (abstentions included), recused members never. Without a roll, the members then seated and not recused.
     */
    private void allocated(FundsAllocated allocated) {
        Money money = allocated.amount();
        if (money == null) {
            return;
        }
        String area = allocationArea(allocated);
        String currency = Objects.requireNonNullElse(money.currency(), "");
        if (money.amount() != null) {
            add(area, null, null, Measure.FUND_ALLOCATED, money.amount(), currency, allocated.fundId());
        }
        CaseFacts facts = store.fact(Fact.CASE, allocated.caseId(), CaseFacts.class);
        if (facts == null) {
            return;
        }
        if (facts.decidingRoll() != null) {
            facts.decidingRoll().stream().filter(member -> !member.recused() && member.vote() != null)
                    .forEach(member -> add(area, member.memberId(), name(member.role()), Measure.ALLOCATED_ON_PANEL,
                            money.amount(), currency, null));
        } else {
            facts.seats().forEach((memberId, role) -> {
                if (!facts.recused().contains(memberId)) {
                    add(area, memberId, name(role), Measure.ALLOCATED_ON_PANEL, money.amount(), currency, null);
                }
            });
        }
    }

    private void add(String area, String actorId, String role, Measure measure, BigDecimal amount,
                     String currency, String ref) {
        store.add(new Contribution(entry.position(), entry.occurredAt(), area, actorId, role, measure, amount, currency, ref));
    }

    private void changeFact(Fact kind, String id, String value) {
        if (id != null && value != null && !value.equals(store.fact(kind, id, String.class))) {
            store.putFact(kind, id, value);
        }
    }

    private void learnAreaIfAbsent(String proposalId, String area) {
        if (proposalId != null && area != null && store.fact(Fact.PROPOSAL_AREA, proposalId, String.class) == null) {
            store.putFact(Fact.PROPOSAL_AREA, proposalId, area);
        }
    }

    private CaseFacts caseFacts(String caseId) {
        CaseFacts facts = store.fact(Fact.CASE, caseId, CaseFacts.class);
        return facts == null ? CaseFacts.NONE : facts;
    }

    private String proposalArea(String proposalId) {
        return proposalId == null ? null : store.fact(Fact.PROPOSAL_AREA, proposalId, String.class);
    }

    private String seatOf(String caseId, String memberId) {
        CaseFacts facts = store.fact(Fact.CASE, caseId, CaseFacts.class);
        Role seat = facts == null ? null : facts.seats().get(memberId);
        return seat != null ? seat.name() : memberId.equals(entry.actorId()) ? entry.actorRole()
                : store.fact(Fact.ACTING_ROLE, memberId, String.class);
    }

    /** The role a participant acted in: the entry's when they are its actor, otherwise the last role the ledger saw them use. */
    private String roleOfParticipant(String participantId) {
        return participantId.equals(entry.actorId()) ? entry.actorRole() : store.fact(Fact.ACTING_ROLE, participantId, String.class);
    }

    private String caseArea(String caseId) {
        CaseFacts facts = store.fact(Fact.CASE, caseId, CaseFacts.class);
        if (facts == null) {
            return null;
        }
        return facts.area() != null ? facts.area() : proposalArea(facts.proposalId());
    }

    private String allocationArea(FundsAllocated allocated) {
        String area = caseArea(allocated.caseId());
        if (area == null) {
            area = allocated.serviceArea();
        }
        FundFacts fund = area == null ? store.fact(Fact.FUND, allocated.fundId(), FundFacts.class) : null;
        return fund != null ? fund.serviceArea() : area;
    }

    private PublicNames names(String personId) {
        return store.names(personId == null ? List.of() : List.of(personId));
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
