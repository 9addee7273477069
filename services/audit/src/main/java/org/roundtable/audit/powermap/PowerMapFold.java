package org.roundtable.audit.powermap;

import org.roundtable.audit.history.Narration;
import org.roundtable.audit.history.PublicNames;
import org.roundtable.audit.history.RecordedEvent;
import org.roundtable.audit.powermap.PowerMap.DecisionAtTable;
import org.roundtable.audit.powermap.PowerMapStore.Contribution;
import org.roundtable.audit.powermap.PowerMapStore.Fact;
import org.roundtable.audit.powermap.PowerMapStore.FundFacts;
import org.roundtable.audit.powermap.PowerMapStore.Measure;
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
import org.roundtable.events.proposals.CoDesignerJoined;
import org.roundtable.events.proposals.Money;
import org.roundtable.events.proposals.ProposalAmended;
import org.roundtable.events.proposals.ProposalDrafted;
import org.roundtable.events.proposals.ProposalSubmitted;
import org.roundtable.events.participation.ProposalFollowed;

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

    /** Learns from the entry, then counts it. */
    public void fold(RecordedEvent entry) {
        if (!entry.readable()) {
            add(entry, null, null, null, Measure.UNREADABLE, null, null, null);
            return;
        }
        learn(entry);
        count(entry);
    }

    private void learn(RecordedEvent entry) {
        if (entry.actorId() != null && entry.actorRole() != null && !Role.SYSTEM.name().equals(entry.actorRole())) {
            changeFact(Fact.ACTING_ROLE, entry.actorId(), entry.actorRole());
        }
        PublicNames.profileName(entry).ifPresent(named -> changeFact(Fact.PROFILE_NAME, named.getKey(), named.getValue()));
        PublicNames.officeName(entry).ifPresent(named -> changeFact(Fact.OFFICE_NAME, named.getKey(), named.getValue()));
        IntegrationEvent event = entry.data();
        if (event instanceof ProposalDrafted drafted) {
            changeFact(Fact.PROPOSAL_AREA, drafted.proposalId(), drafted.content().serviceArea());
        } else if (event instanceof ProposalAmended amended) {
            changeFact(Fact.PROPOSAL_AREA, amended.proposalId(), amended.content().serviceArea());
        } else if (event instanceof ProposalSubmitted submitted) {
            changeFact(Fact.PROPOSAL_AREA, submitted.proposalId(), submitted.content().serviceArea());
        } else if (event instanceof ProposalFollowed followed) {
            learnAreaIfAbsent(followed.proposalId(), followed.serviceArea());
        } else if (event instanceof EndorsementsOpened opened) {
            learnAreaIfAbsent(opened.proposalId(), opened.serviceArea());
        } else if (event instanceof DecisionCaseOpened opened) {
            store.putFact(Fact.CASE, opened.caseId(), caseFacts(opened.caseId()).opened(opened));
            learnAreaIfAbsent(opened.proposalId(), opened.serviceArea());
        } else if (event instanceof PanelAssembled panel) {
            store.putFact(Fact.CASE, panel.caseId(), caseFacts(panel.caseId()).assembled(panel));
        } else if (event instanceof InterestDeclared declared) {
            store.putFact(Fact.CASE, declared.caseId(), caseFacts(declared.caseId()).declared(declared));
        } else if (event instanceof DecisionReached decision) {
            store.putFact(Fact.CASE, decision.caseId(), caseFacts(decision.caseId()).decided(decision));
        } else if (event instanceof FundCreated fund) {
            store.putFact(Fact.FUND, fund.fundId(), new FundFacts(fund.fundId(), fund.name(), fund.serviceArea(), fund.periodStart(),
                    fund.periodEnd(), fund.amount() == null ? null : fund.amount().amount(),
                    fund.amount() == null ? null : fund.amount().currency(), fund.holderIds(), entry.occurredAt()));
        } else if (event instanceof AssetPledged pledged && pledged.participantId() != null) {
            String role = roleOfParticipant(pledged.participantId(), entry);
            if (role != null) {
                store.putFact(Fact.PLEDGE_ROLE, pledged.pledgeId(), role);
            }
        } else if (event instanceof InitiativeStarted started) {
            changeFact(Fact.INITIATIVE_AREA, started.initiativeId(), started.serviceArea());
        }
    }

    private void count(RecordedEvent entry) {
        IntegrationEvent event = entry.data();
        if (event instanceof DecisionReached decision) {
            decided(decision, entry);
        } else if (event instanceof VoteCast vote) {
            add(entry, caseArea(vote.caseId()), vote.memberId(), seatOf(vote.caseId(), vote.memberId(), entry), Measure.VOTE_CAST, null, null, null);
        } else if (event instanceof InterestDeclared declared && (declared.recused() || declared.hasInterest())) {
            add(entry, caseArea(declared.caseId()), declared.memberId(), seatOf(declared.caseId(), declared.memberId(), entry),
                    Measure.RECUSAL, null, null, declared.caseId());
        } else if (event instanceof FundsAllocated allocated) {
            allocated(allocated, entry);
        } else if (event instanceof AssetPledged pledged && pledged.participantId() != null && pledged.hoursPerMonth() != null) {
            add(entry, proposalArea(pledged.proposalId()), pledged.participantId(), store.fact(Fact.PLEDGE_ROLE, pledged.pledgeId(), String.class),
                    Measure.HOURS_PLEDGED, BigDecimal.valueOf(pledged.hoursPerMonth()), null, pledged.pledgeId());
        } else if (event instanceof PledgeWithdrawn withdrawn) {
            add(entry, null, null, null, Measure.PLEDGE_WITHDRAWN, null, null, withdrawn.pledgeId());
        } else if (event instanceof AssetsMobilised mobilised && mobilised.participantId() != null && mobilised.hours() != null) {
            String pledgeRole = mobilised.pledgeId() == null ? null : store.fact(Fact.PLEDGE_ROLE, mobilised.pledgeId(), String.class);
            String role = pledgeRole != null ? pledgeRole : roleOfParticipant(mobilised.participantId(), entry);
            add(entry, store.fact(Fact.INITIATIVE_AREA, mobilised.initiativeId(), String.class), mobilised.participantId(), role,
                    Measure.HOURS_GIVEN, mobilised.hours(), null, null);
        } else if (event instanceof ProposalDrafted drafted) {
            add(entry, drafted.content().serviceArea(), drafted.authorId(), name(drafted.authorRole()), Measure.PROPOSAL_DRAFTED, null, null, null);
        } else if (event instanceof CoDesignerJoined joined) {
            add(entry, proposalArea(joined.proposalId()), joined.coDesigner().participantId(), name(joined.coDesigner().role()),
                    Measure.CO_DESIGN_JOINED, null, null, null);
        } else if (event instanceof ContributionRecorded contribution) {
            add(entry, proposalArea(contribution.proposalId()), contribution.participantId(),
                    roleOfParticipant(contribution.participantId(), entry), Measure.WORKSHOP_CONTRIBUTION, null, null, null);
        }
    }

    private void decided(DecisionReached decision, RecordedEvent entry) {
        CaseFacts facts = store.fact(Fact.CASE, decision.caseId(), CaseFacts.class);
        String area = caseArea(decision.caseId());
        if (entry.actorId() != null) {
            add(entry, area, entry.actorId(), entry.actorRole(), Measure.DECISION_CLOSED, null, null, null);
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
                    add(entry, area, member.memberId(), name(member.role()), Measure.DECISION_VOTED_IN, null, null, null);
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
    private void allocated(FundsAllocated allocated, RecordedEvent entry) {
        Money money = allocated.amount();
        if (money == null) {
            return;
        }
        String area = allocationArea(allocated);
        String currency = Objects.requireNonNullElse(money.currency(), "");
        if (money.amount() != null) {
            add(entry, area, null, null, Measure.FUND_ALLOCATED, money.amount(), currency, allocated.fundId());
        }
        CaseFacts facts = store.fact(Fact.CASE, allocated.caseId(), CaseFacts.class);
        if (facts == null) {
            return;
        }
        if (facts.decidingRoll() != null) {
            facts.decidingRoll().stream().filter(member -> !member.recused() && member.vote() != null)
                    .forEach(member -> add(entry, area, member.memberId(), name(member.role()), Measure.ALLOCATED_ON_PANEL,
                            money.amount(), currency, null));
        } else {
            facts.seats().forEach((memberId, role) -> {
                if (!facts.recused().contains(memberId)) {
                    add(entry, area, memberId, name(role), Measure.ALLOCATED_ON_PANEL, money.amount(), currency, null);
                }
            });
        }
    }

    private void add(RecordedEvent entry, String area, String actorId, String role, Measure measure, BigDecimal amount,
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

    private String seatOf(String caseId, String memberId, RecordedEvent entry) {
        CaseFacts facts = store.fact(Fact.CASE, caseId, CaseFacts.class);
        Role seat = facts == null ? null : facts.seats().get(memberId);
        return seat != null ? seat.name() : memberId.equals(entry.actorId()) ? entry.actorRole()
                : store.fact(Fact.ACTING_ROLE, memberId, String.class);
    }

    /** The role a participant acted in: the entry's when they are its actor, otherwise the last role the ledger saw them use. */
    private String roleOfParticipant(String participantId, RecordedEvent entry) {
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
