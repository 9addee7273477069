package org.roundtable.audit.powermap;

import org.junit.jupiter.api.Test;
import org.roundtable.audit.history.LedgerStory;
import org.roundtable.audit.history.LibraryGarden;
import org.roundtable.audit.history.RecordedEvent;
import org.roundtable.audit.powermap.PowerMap.ActorPower;
import org.roundtable.audit.powermap.PowerMap.DecisionAtTable;
import org.roundtable.events.Role;
import org.roundtable.events.commissioning.Allocation;
import org.roundtable.events.commissioning.DecisionCaseOpened;
import org.roundtable.events.commissioning.DecisionOutcome;
import org.roundtable.events.commissioning.DecisionReached;
import org.roundtable.events.commissioning.FundCreated;
import org.roundtable.events.commissioning.FundsAllocated;
import org.roundtable.events.commissioning.InterestDeclared;
import org.roundtable.events.commissioning.PanelAssembled;
import org.roundtable.events.commissioning.PanelMember;
import org.roundtable.events.commissioning.RollEntry;
import org.roundtable.events.commissioning.Vote;
import org.roundtable.events.commissioning.VoteCast;
import org.roundtable.events.participation.AssetPledged;
import org.roundtable.events.participation.PledgeWithdrawn;
import org.roundtable.events.proposals.AssetKind;
import org.roundtable.events.proposals.Money;
import org.roundtable.events.proposals.ProposalDrafted;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roundtable.audit.history.LibraryGarden.PROPOSAL;
import static org.roundtable.audit.history.LibraryGarden.gbp;

class PowerMapsTest {

    private final List<RecordedEvent> garden = LibraryGarden.ledger();
    private final PowerMap all = PowerMaps.of(garden, null, null, null);

    @Test
    void commissionersHoldTheMoneyDecideAndAllocate() {
        ActorPower dana = actor(all, "dana", "COMMISSIONER");
        assertThat(dana.name()).isEqualTo("Dana Reeves");
        assertThat(dana.decisionsClosed()).isEqualTo(1);
        assertThat(dana.decisionsVotedIn()).isEqualTo(1);
        assertThat(dana.votesCast()).isEqualTo(1);
        assertThat(dana.recusals()).isZero();
        assertThat(dana.fundsHeld()).containsExactly(LibraryGarden.FUND);
        assertThat(dana.fundsAllocatedOnPanel()).containsExactly(gbp("1200.00"));

        ActorPower eli = actor(all, "eli", "COMMISSIONER");
        assertThat(eli.name()).as("commissioners are named as they acted").isEqualTo("Eli Morgan");
        assertThat(eli.recusals()).isEqualTo(1);
        assertThat(eli.votesCast()).isZero();
        assertThat(eli.fundsHeld()).containsExactly(LibraryGarden.FUND);
        assertThat(eli.fundsAllocatedOnPanel()).as("recused from the decision").isEmpty();

        assertThat(all.actors()).extracting(ActorPower::actorId).doesNotContain("farah");
    }

    @Test
    void citizensVoteGiveTimeAndBringKnowledge() {
        ActorPower ivy = actor(all, "ivy", "CITIZEN");
        assertThat(ivy.votesCast()).as("every change counts").isEqualTo(2);
        assertThat(ivy.decisionsVotedIn()).isEqualTo(1);
        assertThat(ivy.fundsAllocatedOnPanel()).containsExactly(gbp("1200.00"));
        assertThat(ivy.fundsHeld()).isEmpty();

        ActorPower bill = actor(all, "bill", "CITIZEN");
        assertThat(bill.name()).isEqualTo("Bill Turner");
        assertThat(bill.hoursPledgedPerMonth()).isEqualTo(4);
        assertThat(bill.hoursGiven()).isEqualByComparingTo("3.5");

        assertThat(actor(all, "amara", "CITIZEN").proposalsDrafted()).isEqualTo(1);
        ActorPower chen = actor(all, "chen", "STAFF");
        assertThat(chen.coDesignsJoined()).isEqualTo(1);
        assertThat(chen.name()).as("staff acting as staff are named").isEqualTo("Chen Li");
        ActorPower gus = actor(all, "gus", "CITIZEN");
        assertThat(gus.workshopContributions()).isEqualTo(1);
        assertThat(gus.name()).as("the public pseudonym").isEqualTo("Quiet Heron");
    }

    @Test
    void eachDecisionSaysWhoSatAtTheTableAndWhoVoted() {
        assertThat(all.decisions()).singleElement().satisfies(decision -> {
            assertThat(decision.caseId()).isEqualTo(LibraryGarden.CASE);
            assertThat(decision.proposalId()).isEqualTo(PROPOSAL);
            assertThat(decision.title()).isEqualTo("Library garden and reading corner");
            assertThat(decision.serviceArea()).isEqualTo("libraries");
            assertThat(decision.outcome()).isEqualTo("APPROVED");
            assertThat(decision.closedBy()).isEqualTo("dana");
            assertThat(decision.panelSize()).isEqualTo(4);
            assertThat(decision.commissionersAtTable()).isEqualTo(3);
            assertThat(decision.citizensAtTable()).isEqualTo(1);
            assertThat(decision.membersVoted()).isEqualTo(2);
            assertThat(decision.citizensVoted()).isEqualTo(1);
            assertThat(decision.recused()).isEqualTo(1);
            assertThat(decision.allocated()).isEqualTo(gbp("1200.00"));
        });
    }

    @Test
    void onlyWhatHappenedInThePeriodCounts() {
        PowerMap votingHour = PowerMaps.of(garden, Instant.parse("2026-03-02T10:15:00Z"), Instant.parse("2026-03-02T10:40:00Z"), null);

        assertThat(actor(votingHour, "ivy", "CITIZEN").votesCast()).isEqualTo(2);
        assertThat(votingHour.actors()).extracting(ActorPower::actorId).doesNotContain("amara", "bill", "gus");
        assertThat(actor(votingHour, "dana", "COMMISSIONER").votesCast()).as("voted at 10:10").isZero();
        assertThat(actor(votingHour, "dana", "COMMISSIONER").fundsHeld()).as("the fund's year overlaps").containsExactly(LibraryGarden.FUND);
        assertThat(votingHour.funds()).singleElement().satisfies(fund -> assertThat(fund.allocated()).as("allocated at 10:40:01").isZero());
        assertThat(votingHour.decisions()).as("decided at 10:40, the end is exclusive").isEmpty();

        PowerMap nextYear = PowerMaps.of(garden, Instant.parse("2027-01-01T00:00:00Z"), null, null);
        assertThat(nextYear.actors()).isEmpty();
    }

    @Test
    void aServiceAreaKeepsOnlyItsCasesFundsProposalsAndInitiatives() {
        List<RecordedEvent> entries = new ArrayList<>(garden);
        entries.addAll(new LedgerStory()
                .by("farah", Role.COMMISSIONER)
                .at("2026-03-03T08:00:00Z", new FundCreated("fund-parks", "Parks 2026", "parks", LocalDate.parse("2026-01-01"),
                        LocalDate.parse("2026-12-31"), gbp("5000.00"), List.of("farah")))
                .by("hal", Role.CITIZEN)
                .at("2026-03-03T09:00:00Z", new ProposalDrafted("proposal-pond", "hal", Role.CITIZEN, LibraryGarden.content("Pond dipping", "parks")))
                .by("roundtable-commissioning", Role.SYSTEM)
                .at("2026-03-04T09:00:00Z", new DecisionCaseOpened("case-pond", "proposal-pond", "Pond dipping", "parks", gbp("300.00")))
                .by("farah", Role.COMMISSIONER)
                .at("2026-03-04T10:00:00Z", new PanelAssembled("case-pond", List.of(new PanelMember("farah", Role.COMMISSIONER),
                        new PanelMember("hal", Role.CITIZEN), new PanelMember("ivy", Role.CITIZEN)), "farah",
                        Instant.parse("2026-03-10T17:00:00Z"), "fund-parks", gbp("300.00"), "proposal-pond", "parks"))
                .at("2026-03-04T11:00:00Z", new VoteCast("case-pond", "farah", Vote.APPROVE, "cheap and joyful", null, "proposal-pond"))
                .by("ivy", Role.CITIZEN)
                .at("2026-03-04T11:30:00Z", new VoteCast("case-pond", "ivy", Vote.APPROVE, "my street's children", null, "proposal-pond"))
                .by("farah", Role.COMMISSIONER)
                .at("2026-03-04T12:00:00Z", new DecisionReached("case-pond", "proposal-pond", DecisionOutcome.APPROVED, List.of(
                        new RollEntry("farah", Role.COMMISSIONER, Vote.APPROVE, "cheap and joyful", false, null),
                        new RollEntry("hal", Role.CITIZEN, null, null, false, null),
                        new RollEntry("ivy", Role.CITIZEN, Vote.APPROVE, "my street's children", false, null)),
                        new Allocation("fund-parks", gbp("300.00")), "closed by the chair", "parks"))
                .at("2026-03-04T12:00:01Z", new FundsAllocated("fund-parks", "case-pond", "proposal-pond", gbp("300.00"), gbp("4700.00"), "parks"))
                .entries());

        PowerMap parks = PowerMaps.of(entries, null, null, " Parks ");
        assertThat(parks.serviceArea()).isEqualTo("Parks");
        assertThat(parks.decisions()).extracting(DecisionAtTable::caseId).containsExactly("case-pond");
        assertThat(parks.decisions().get(0).citizensAtTable()).isEqualTo(2);
        assertThat(parks.decisions().get(0).citizensVoted()).isEqualTo(1);
        assertThat(parks.actors()).extracting(ActorPower::actorId).containsExactly("farah", "hal", "ivy");
        assertThat(actor(parks, "ivy", "CITIZEN").votesCast()).isEqualTo(1);
        assertThat(actor(parks, "farah", "COMMISSIONER").fundsHeld()).containsExactly("fund-parks");
        assertThat(parks.funds()).extracting(PowerMap.FundHeld::fundId, PowerMap.FundHeld::amount, PowerMap.FundHeld::allocated)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("fund-parks", new BigDecimal("5000.00"), new BigDecimal("300.00")));
        assertThat(actor(parks, "hal", "CITIZEN").fundsAllocatedOnPanel()).as("sat but did not vote").isEmpty();

        PowerMap libraries = PowerMaps.of(entries, null, null, "LIBRARIES");
        assertThat(libraries.decisions()).extracting(DecisionAtTable::caseId).containsExactly(LibraryGarden.CASE);
        assertThat(actor(libraries, "ivy", "CITIZEN").votesCast()).isEqualTo(2);
        assertThat(libraries.actors()).extracting(ActorPower::actorId).doesNotContain("farah", "hal");

        PowerMap everywhere = PowerMaps.of(entries, null, null, null);
        assertThat(everywhere.decisions()).hasSize(2);
        assertThat(actor(everywhere, "ivy", "CITIZEN").votesCast()).isEqualTo(3);
        assertThat(actor(everywhere, "ivy", "CITIZEN").fundsAllocatedOnPanel()).containsExactly(gbp("1500.00"));
    }

    @Test
    void closingsWithoutADecisionAreListedButNoOneVotedInADecision() {
        List<RecordedEvent> entries = new ArrayList<>(garden.subList(0, LibraryGarden.profiles().entries().size() + 19));
        entries.addAll(new LedgerStory()
                .by("roundtable-commissioning", Role.SYSTEM)
                .at("2026-03-09T17:00:00Z", new DecisionReached(LibraryGarden.CASE, PROPOSAL, DecisionOutcome.NO_QUORUM, List.of(
                        new RollEntry("dana", Role.COMMISSIONER, Vote.APPROVE, "builds on the garden we have", false, null),
                        new RollEntry("ivy", Role.CITIZEN, null, null, false, null)), null, "no citizen member voted", "libraries"))
                .at("2026-03-12T09:00:00Z", new DecisionReached(LibraryGarden.CASE, PROPOSAL, DecisionOutcome.WITHDRAWN, List.of(),
                        null, "the proposal was withdrawn", "libraries"))
                .entries());

        PowerMap map = PowerMaps.of(entries, null, null, null);

        assertThat(map.decisions()).extracting(DecisionAtTable::outcome).containsExactly("NO_QUORUM", "WITHDRAWN");
        assertThat(map.decisions().get(0).membersVoted()).isEqualTo(1);
        assertThat(map.decisions().get(0).citizensVoted()).isZero();
        assertThat(actor(map, "dana", "COMMISSIONER").decisionsVotedIn()).isZero();
        assertThat(actor(map, "dana", "COMMISSIONER").votesCast()).isEqualTo(1);
        assertThat(actor(map, "roundtable-commissioning", "SYSTEM").decisionsClosed()).isEqualTo(2);
    }

    @Test
    void aRecusalCountsOnceAndForAllEvenWhenTheDeclarationIsLaterChangedUnderANewPanel() {
        String caseId = "case-reset";
        List<PanelMember> panel = List.of(new PanelMember("dana", Role.COMMISSIONER), new PanelMember("farah", Role.COMMISSIONER),
                new PanelMember("bill", Role.CITIZEN));
        List<RecordedEvent> entries = new ArrayList<>(new LedgerStory()
                .by("roundtable-commissioning", Role.SYSTEM)
                .at("2026-04-01T09:00:00Z", new DecisionCaseOpened(caseId, "p-reset", "Pop-up library", "libraries", gbp("900.00")))
                .by("dana", Role.COMMISSIONER)
                .at("2026-04-02T09:00:00Z", new PanelAssembled(caseId, panel, "dana", Instant.parse("2026-05-01T17:00:00Z"), "fund-1",
                        gbp("900.00"), "p-reset", "libraries"))
                .by("farah", Role.COMMISSIONER)
                .at("2026-04-02T10:00:00Z", new InterestDeclared(caseId, "farah", true, "my partner runs it", true, "p-reset"))
                .by("dana", Role.COMMISSIONER)
                .at("2026-04-02T11:00:00Z", new DecisionReached(caseId, "p-reset", DecisionOutcome.NO_QUORUM, List.of(
                        new RollEntry("dana", Role.COMMISSIONER, null, null, false, null),
                        new RollEntry("farah", Role.COMMISSIONER, null, null, true, "my partner runs it"),
                        new RollEntry("bill", Role.CITIZEN, null, null, false, null)), null,
                        "closed by the chair without quorum before its deadline: start again", "libraries"))
                .at("2026-04-02T12:00:00Z", new PanelAssembled(caseId, panel, "dana", Instant.parse("2026-05-01T17:00:00Z"), "fund-1",
                        gbp("900.00"), "p-reset", "libraries"))
                .by("farah", Role.COMMISSIONER)
                .at("2026-04-02T13:00:00Z", new InterestDeclared(caseId, "farah", false, null, false, "p-reset", "we separated"))
                .at("2026-04-02T13:30:00Z", new VoteCast(caseId, "farah", Vote.APPROVE, "fine", null, "p-reset"))
                .by("dana", Role.COMMISSIONER)
                .at("2026-04-02T14:00:00Z", new DecisionReached(caseId, "p-reset", DecisionOutcome.APPROVED, List.of(
                        new RollEntry("dana", Role.COMMISSIONER, Vote.APPROVE, "yes", false, null),
                        new RollEntry("farah", Role.COMMISSIONER, Vote.APPROVE, "fine", false, null),
                        new RollEntry("bill", Role.CITIZEN, Vote.APPROVE, "yes", false, null)), null, "closed by the chair", "libraries"))
                .entries());

        PowerMap map = PowerMaps.of(entries, null, null, null);

        assertThat(map.decisions()).extracting(DecisionAtTable::outcome, DecisionAtTable::recused)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("NO_QUORUM", 1), org.assertj.core.groups.Tuple.tuple("APPROVED", 1));
        assertThat(actor(map, "farah", "COMMISSIONER").recusals()).isEqualTo(1);
    }

    @Test
    void aWithdrawnPledgeIsNoTimePledged() {
        List<RecordedEvent> entries = new ArrayList<>(garden);
        entries.addAll(new LedgerStory().by("gus", Role.CITIZEN)
                .at("2026-03-05T09:00:00Z", new AssetPledged(PROPOSAL, "pledge-gus", "gus", "Quiet Heron", AssetKind.TIME, "tea", 6))
                .at("2026-03-06T09:00:00Z", new PledgeWithdrawn(PROPOSAL, "pledge-gus", "gus"))
                .entries());

        assertThat(actor(PowerMaps.of(entries, null, null, null), "gus", "CITIZEN").hoursPledgedPerMonth()).isZero();
        assertThat(actor(PowerMaps.of(entries, null, Instant.parse("2026-03-05T12:00:00Z"), null), "gus", "CITIZEN")
                .hoursPledgedPerMonth()).as("not yet withdrawn at the end of the period").isEqualTo(6);
    }

    @Test
    void moneyIsTotalledPerCurrencyAndUnreadableEntriesAreCounted() {
        List<RecordedEvent> entries = new ArrayList<>(garden);
        entries.addAll(new LedgerStory().by("dana", Role.COMMISSIONER)
                .at("2026-03-07T08:00:00Z", new FundCreated("fund-euro", "Twinning", "libraries", LocalDate.parse("2026-01-01"),
                        LocalDate.parse("2026-12-31"), new Money(new BigDecimal("700.00"), "EUR"), List.of("dana")))
                .at("2026-03-08T08:00:00Z", new FundCreated("fund-more", "Libraries top-up", "libraries", LocalDate.parse("2026-06-01"),
                        LocalDate.parse("2026-12-31"), gbp("500.50"), List.of("dana")))
                .entries());

        PowerMap map = PowerMaps.of(entries, null, null, null);

        assertThat(actor(map, "dana", "COMMISSIONER").fundsHeld()).containsExactlyInAnyOrder(LibraryGarden.FUND, "fund-euro", "fund-more");
        assertThat(map.totals()).extracting(PowerMap.MoneyTotal::currency, PowerMap.MoneyTotal::fundsHeld, PowerMap.MoneyTotal::allocated)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("EUR", new BigDecimal("700.00"), BigDecimal.ZERO),
                        org.assertj.core.groups.Tuple.tuple("GBP", new BigDecimal("10500.50"), new BigDecimal("1200.00")));
        assertThat(map.skippedEntries()).isEqualTo(1);
        assertThat(PowerMaps.of(entries, null, Instant.parse("2026-04-01T00:00:00Z"), null).skippedEntries()).isZero();
    }

    @Test
    void aJointlyHeldFundIsShownOnceWithAllItsHoldersAndTheTotalsAreItsOwn() {
        assertThat(all.funds()).singleElement().satisfies(fund -> {
            assertThat(fund.fundId()).isEqualTo(LibraryGarden.FUND);
            assertThat(fund.name()).isEqualTo("Libraries 2026");
            assertThat(fund.amount()).isEqualByComparingTo("10000");
            assertThat(fund.allocated()).isEqualByComparingTo("1200");
            assertThat(fund.currency()).isEqualTo("GBP");
            assertThat(fund.holders()).extracting(PowerMap.Holder::id, PowerMap.Holder::name).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("dana", "Dana Reeves"), org.assertj.core.groups.Tuple.tuple("eli", "Eli Morgan"));
        });
        assertThat(all.totals()).singleElement().satisfies(total -> {
            assertThat(total.fundsHeld()).as("held by two, counted once").isEqualByComparingTo("10000");
            assertThat(total.allocated()).isEqualByComparingTo("1200");
        });
    }

    @Test
    void aMapListsItsFirstDecisionsAndTheRestComeAPageAtATimeWhileItsTotalsCountThemAll() {
        int cases = PowerMaps.DECISIONS_LISTED + 30;
        LedgerStory story = new LedgerStory()
                .by("dana", Role.COMMISSIONER)
                .at("2026-03-01T08:00:00Z", new FundCreated("fund-many", "Many small things", "libraries", LocalDate.parse("2026-01-01"),
                        LocalDate.parse("2026-12-31"), gbp("100000.00"), List.of("dana")));
        for (int n = 0; n < cases; n++) {
            String caseId = "case-" + n;
            // every second decision is reached at the same instant as the one before: the ledger's order decides between them
            Instant at = Instant.parse("2026-03-02T09:00:00Z").plusSeconds(60L * (n / 2));
            story.by("dana", Role.COMMISSIONER)
                    .at(at.toString(), new DecisionReached(caseId, "proposal-" + n, DecisionOutcome.APPROVED, List.of(
                            new RollEntry("dana", Role.COMMISSIONER, Vote.APPROVE, "yes", false, null)),
                            new Allocation("fund-many", gbp("10.00")), "closed by the chair", "libraries"))
                    .by("roundtable-commissioning", Role.SYSTEM)
                    .at(at.plusMillis(1).toString(), new FundsAllocated("fund-many", caseId, "proposal-" + n, gbp("10.00"), gbp("90000.00"), "libraries"));
        }
        List<RecordedEvent> entries = story.entries();
        MemoryPowerMapStore store = new MemoryPowerMapStore();
        PowerMapFold fold = new PowerMapFold(store);
        entries.forEach(fold::fold);

        PowerMap map = PowerMaps.of(store, null, null, null);

        assertThat(map.decisions()).hasSize(PowerMaps.DECISIONS_LISTED);
        assertThat(map.decisions()).extracting(DecisionAtTable::caseId).startsWith("case-0", "case-1", "case-2");
        assertThat(map.moreDecisionsAfter()).as("the ledger position of the last one listed").isEqualTo(entries.stream()
                .filter(entry -> entry.data() instanceof DecisionReached reached && reached.caseId().equals("case-" + (PowerMaps.DECISIONS_LISTED - 1)))
                .findFirst().orElseThrow().position());
        assertThat(map.totals()).singleElement().satisfies(total -> assertThat(total.allocated())
                .as("every decision's allocation, listed or not").isEqualByComparingTo(BigDecimal.TEN.multiply(BigDecimal.valueOf(cases))));
        assertThat(actor(map, "dana", "COMMISSIONER").decisionsClosed()).isEqualTo(cases);

        List<String> paged = new ArrayList<>(map.decisions().stream().map(DecisionAtTable::caseId).toList());
        Long after = map.moreDecisionsAfter();
        int pages = 0;
        while (after != null && pages++ < cases) {
            PowerMapStore.Decisions page = store.decisions(null, null, null, after, 7);
            assertThat(page.listed()).isNotEmpty().hasSizeLessThanOrEqualTo(7);
            page.listed().forEach(decision -> paged.add(decision.caseId()));
            after = page.moreAfter();
        }
        assertThat(paged).as("every decision once, in the order reached")
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, cases).mapToObj(n -> "case-" + n).toList());
        assertThat(store.decisions(null, null, null, 0, cases).moreAfter()).as("all on one page: nothing more").isNull();
        assertThat(PowerMaps.of(store, null, null, "parks").moreDecisionsAfter()).as("none in another area").isNull();

        long notADecision = entries.get(0).position();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.decisions(null, null, null, notADecision, 10))
                .isInstanceOf(org.roundtable.kit.domain.InvalidInput.class).hasMessageContaining("ledger position " + notADecision);
    }

    static ActorPower actor(PowerMap map, String actorId, String role) {
        List<ActorPower> found = map.actors().stream().filter(a -> a.actorId().equals(actorId) && role.equals(a.role())).toList();
        assertThat(found).as(actorId + " as " + role + " in " + map.actors()).hasSize(1);
        return found.get(0);
    }
}
