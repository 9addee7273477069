package org.roundtable.audit.replay;

import org.junit.jupiter.api.Test;
import org.roundtable.audit.history.LedgerStory;
import org.roundtable.audit.history.LibraryGarden;
import org.roundtable.audit.history.RecordedEvent;
import org.roundtable.events.Role;
import org.roundtable.events.commissioning.DecisionOutcome;
import org.roundtable.events.commissioning.DecisionReached;
import org.roundtable.events.commissioning.InterestDeclared;
import org.roundtable.events.commissioning.PanelAssembled;
import org.roundtable.events.commissioning.PanelMember;
import org.roundtable.events.commissioning.Vote;
import org.roundtable.events.commissioning.VoteCast;
import org.roundtable.events.outcomes.IndicatorReading;
import org.roundtable.events.outcomes.ProgressReported;
import org.roundtable.events.proposals.ProposalWithdrawn;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roundtable.audit.history.LibraryGarden.CASE;
import static org.roundtable.audit.history.LibraryGarden.INITIATIVE;
import static org.roundtable.audit.history.LibraryGarden.PROPOSAL;

class ProposalReplayTest {

    private final List<RecordedEvent> garden = LibraryGarden.story().entries();

    private ProposalAsOf at(String instant) {
        return ProposalReplay.asOf(PROPOSAL, Instant.parse(instant), garden);
    }

    @Test
    void betweenTwoVotesTheCaseShowsOnlyTheVotesCastSoFar() {
        ProposalAsOf between = at("2026-03-02T10:25:00Z");

        ProposalAsOf.DecisionCase decisionCase = between.decisionCase();
        assertThat(decisionCase.caseId()).isEqualTo(CASE);
        assertThat(decisionCase.status()).isEqualTo("SITTING");
        assertThat(decisionCase.sitting().panel().members()).extracting(PanelMember::memberId).containsExactly("dana", "eli", "farah", "ivy");
        assertThat(decisionCase.sitting().panel().chairId()).isEqualTo("dana");
        assertThat(decisionCase.sitting().votes()).extracting(ProposalAsOf.Ballot::memberId, ProposalAsOf.Ballot::vote)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("dana", "APPROVE"), org.assertj.core.groups.Tuple.tuple("ivy", "REJECT"));
        assertThat(decisionCase.sitting().votes().get(1).rationale()).isEqualTo("nothing in it for teenagers");
        assertThat(decisionCase.sitting().votes().get(1).role()).isEqualTo("CITIZEN");
        assertThat(decisionCase.sitting().votes().get(1).earlier()).isEmpty();
        assertThat(decisionCase.sitting().decision()).isNull();
        assertThat(decisionCase.sitting().declarations()).extracting(ProposalAsOf.Declaration::memberId, ProposalAsOf.Declaration::recused)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("dana", false), org.assertj.core.groups.Tuple.tuple("eli", true),
                        org.assertj.core.groups.Tuple.tuple("ivy", false));
        assertThat(between.proposal().status()).isEqualTo("UNDER_DECISION");
        assertThat(between.initiative()).isNull();
    }

    @Test
    void afterTheChangedVoteTheBallotKeepsTheVoteItReplaced() {
        ProposalAsOf.Ballot ivy = at("2026-03-02T10:35:00Z").decisionCase().sitting().votes().get(1);

        assertThat(ivy.vote()).isEqualTo("APPROVE");
        assertThat(ivy.rationale()).isEqualTo("the reading corner answers it");
        assertThat(ivy.castAt()).isEqualTo(Instant.parse("2026-03-02T10:30:00Z"));
        assertThat(ivy.earlier()).extracting(ProposalAsOf.EarlierVote::vote, ProposalAsOf.EarlierVote::rationale)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("REJECT", "nothing in it for teenagers"));
    }

    @Test
    void anEntryAtExactlyTheInstantCounts() {
        assertThat(at("2026-03-02T10:20:00Z").decisionCase().sitting().votes()).hasSize(2);
        assertThat(at("2026-03-02T10:19:59.999Z").decisionCase().sitting().votes()).hasSize(1);
    }

    @Test
    void aWithdrawnEndorsementNoLongerCountsButIsListed() {
        ProposalAsOf.Endorsements before = at("2026-03-02T09:35:00Z").endorsements();
        assertThat(before.open()).isTrue();
        assertThat(before.count()).isEqualTo(2);
        assertThat(before.current()).extracting(ProposalAsOf.Endorsement::participantId, ProposalAsOf.Endorsement::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("bill", "my children would use it"),
                        org.assertj.core.groups.Tuple.tuple("gus", "a place to meet neighbours"));
        assertThat(before.withdrawn()).isEmpty();

        ProposalAsOf.Endorsements after = at("2026-03-02T09:41:00Z").endorsements();
        assertThat(after.count()).isEqualTo(1);
        assertThat(after.current()).extracting(ProposalAsOf.Endorsement::participantId).containsExactly("gus");
        assertThat(after.current().get(0).publicName()).isEqualTo("Quiet Heron");
        assertThat(after.withdrawn()).singleElement().satisfies(withdrawal -> {
            assertThat(withdrawal.participantId()).isEqualTo("bill");
            assertThat(withdrawal.reason()).isEqualTo("my children would use it");
            assertThat(withdrawal.withdrawnAt()).isEqualTo(Instant.parse("2026-03-02T09:40:00Z"));
        });
    }

    @Test
    void theProposalHasTheRevisionInForceAndItsCoDesigners() {
        ProposalAsOf.Proposal draft = at("2026-03-02T09:12:00Z").proposal();
        assertThat(draft.status()).isEqualTo("DRAFT");
        assertThat(draft.revision()).isEqualTo(1);
        assertThat(draft.title()).isEqualTo("Library garden");
        assertThat(draft.coDesigners()).extracting(c -> c.participantId() + "/" + c.role()).containsExactly("amara/CITIZEN", "chen/STAFF");
        assertThat(draft.invited()).isEmpty();

        ProposalAsOf.Proposal invited = at("2026-03-02T09:06:00Z").proposal();
        assertThat(invited.invited()).containsExactly("chen");
        assertThat(invited.coDesigners()).extracting(c -> c.participantId()).containsExactly("amara");

        ProposalAsOf.Proposal submitted = at("2026-03-02T09:20:30Z").proposal();
        assertThat(submitted.status()).isEqualTo("SUBMITTED");
        assertThat(submitted.revision()).isEqualTo(2);
        assertThat(submitted.title()).isEqualTo("Library garden and reading corner");
        assertThat(submitted.serviceArea()).isEqualTo("libraries");
        assertThat(at("2026-03-02T09:20:30Z").decisionCase()).isNull();
        assertThat(at("2026-03-02T09:20:30Z").endorsements()).isNull();
    }

    @Test
    void atTheEndTheDecisionAndTheInitiativeAreThere() {
        ProposalAsOf end = at("2026-04-10T12:00:00Z");

        assertThat(end.proposal().status()).isEqualTo("COMMISSIONED");
        assertThat(end.endorsements().open()).isFalse();
        assertThat(end.decisionCase().status()).isEqualTo("DECIDED");
        ProposalAsOf.Decision decision = end.decisionCase().sitting().decision();
        assertThat(decision.outcome()).isEqualTo("APPROVED");
        assertThat(decision.closedBy()).isEqualTo("dana");
        assertThat(decision.allocation().amount().amount()).isEqualByComparingTo("1200");
        assertThat(decision.roll()).hasSize(4);
        ProposalAsOf.Initiative initiative = end.initiative();
        assertThat(initiative.initiativeId()).isEqualTo(INITIATIVE);
        assertThat(initiative.providerName()).isEqualTo("Green Shoots CIC");
        assertThat(initiative.indicators()).singleElement().satisfies(indicator -> {
            assertThat(indicator.unit()).isEqualTo("neighbours who know each other");
            assertThat(indicator.target()).isEqualByComparingTo("40");
            assertThat(indicator.latestReading().value()).isEqualByComparingTo("18");
            assertThat(indicator.latestReading().observedOn()).isEqualTo(LocalDate.parse("2026-04-01"));
        });
        assertThat(initiative.reviews()).extracting(ProposalAsOf.Review::status, ProposalAsOf.Review::reviewerId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ON_TRACK", "dana"));
        assertThat(initiative.latestStatus()).isEqualTo("ON_TRACK");
        assertThat(initiative.hoursMobilised()).isEqualByComparingTo("3.5");
        assertThat(end.skippedEntries()).isEqualTo(0);
        assertThat(at("2026-04-12T00:00:00Z").skippedEntries()).isEqualTo(1);
    }

    @Test
    void beforeAnythingHappenedThereIsNothing() {
        ProposalAsOf nothing = at("2026-03-02T08:59:59Z");

        assertThat(nothing.proposal()).isNull();
        assertThat(nothing.endorsements()).isNull();
        assertThat(nothing.decisionCase()).isNull();
        assertThat(nothing.initiative()).isNull();
        assertThat(nothing.asOf()).isEqualTo(Instant.parse("2026-03-02T08:59:59Z"));
    }

    @Test
    void aLateReportOfAnEarlierDayDoesNotReplaceTheLatestReading() {
        List<RecordedEvent> entries = new ArrayList<>(garden);
        entries.addAll(new LedgerStory().by("greenshoots", Role.PROVIDER)
                .at("2026-04-20T12:00:00Z", new ProgressReported(INITIATIVE, "report-late",
                        List.of(new IndicatorReading("indicator-connection", new BigDecimal("12"))), "the March figures, late",
                        LocalDate.parse("2026-03-15"), LocalDate.parse("2026-04-20"), false))
                .entries());

        ProposalAsOf.Reading latest = ProposalReplay.asOf(PROPOSAL, Instant.parse("2026-05-01T00:00:00Z"), entries)
                .initiative().indicators().get(0).latestReading();

        assertThat(latest.value()).isEqualByComparingTo("18");
        assertThat(latest.reportId()).isEqualTo("report-1");
    }

    @Test
    void aDecisionWithoutQuorumEndsTheSittingAndANewPanelStartsAfresh() {
        List<RecordedEvent> entries = new ArrayList<>(garden.subList(0, 9));
        entries.addAll(new LedgerStory()
                .by("dana", Role.COMMISSIONER)
                .at("2026-03-02T10:00:00Z", new PanelAssembled(CASE, List.of(new PanelMember("dana", Role.COMMISSIONER),
                        new PanelMember("ivy", Role.CITIZEN)), "dana", Instant.parse("2026-03-09T17:00:00Z"), "fund", null, PROPOSAL, "libraries"))
                .at("2026-03-02T10:05:00Z", new InterestDeclared(CASE, "dana", false, null, false, PROPOSAL))
                .at("2026-03-02T10:10:00Z", new VoteCast(CASE, "dana", Vote.APPROVE, "good", null, PROPOSAL))
                .by("roundtable-commissioning", Role.SYSTEM)
                .at("2026-03-09T17:00:00Z", new DecisionReached(CASE, PROPOSAL, DecisionOutcome.NO_QUORUM, List.of(), null,
                        "no citizen member voted", "libraries"))
                .by("eli", Role.COMMISSIONER)
                .at("2026-03-10T09:00:00Z", new PanelAssembled(CASE, List.of(new PanelMember("eli", Role.COMMISSIONER),
                        new PanelMember("bill", Role.CITIZEN)), "eli", Instant.parse("2026-03-20T17:00:00Z"), "fund", null, PROPOSAL, "libraries"))
                .entries());

        ProposalAsOf.DecisionCase awaiting = ProposalReplay.asOf(PROPOSAL, Instant.parse("2026-03-09T18:00:00Z"), entries).decisionCase();
        assertThat(awaiting.status()).isEqualTo("AWAITING_PANEL");
        assertThat(awaiting.sitting().decision().outcome()).isEqualTo("NO_QUORUM");

        ProposalAsOf.DecisionCase again = ProposalReplay.asOf(PROPOSAL, Instant.parse("2026-03-10T10:00:00Z"), entries).decisionCase();
        assertThat(again.status()).isEqualTo("SITTING");
        assertThat(again.sitting().panel().chairId()).isEqualTo("eli");
        assertThat(again.sitting().votes()).isEmpty();
        assertThat(again.sitting().declarations()).isEmpty();
        assertThat(again.earlierSittings()).singleElement().satisfies(earlier -> {
            assertThat(earlier.votes()).extracting(ProposalAsOf.Ballot::memberId).containsExactly("dana");
            assertThat(earlier.decision().outcome()).isEqualTo("NO_QUORUM");
        });
    }

    @Test
    void aCaseClosedOnTheProposalsWithdrawalIsClosedWithoutADecision() {
        List<RecordedEvent> entries = new ArrayList<>(garden.subList(0, 21));
        entries.addAll(new LedgerStory()
                .by("amara", Role.CITIZEN)
                .at("2026-03-02T10:35:00Z", new ProposalWithdrawn(PROPOSAL, "the library found the money itself"))
                .by("roundtable-commissioning", Role.SYSTEM)
                .at("2026-03-02T10:36:00Z", new DecisionReached(CASE, PROPOSAL, DecisionOutcome.WITHDRAWN, List.of(), null,
                        "the library found the money itself", "libraries"))
                .entries());

        ProposalAsOf withdrawn = ProposalReplay.asOf(PROPOSAL, Instant.parse("2026-03-02T11:00:00Z"), entries);

        assertThat(withdrawn.proposal().status()).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.proposal().withdrawalReason()).isEqualTo("the library found the money itself");
        assertThat(withdrawn.decisionCase().status()).isEqualTo("CLOSED");
        assertThat(withdrawn.decisionCase().sitting().decision().outcome()).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.decisionCase().sitting().votes()).as("the votes cast before stay as they stood").hasSize(2);
    }

    @Test
    void entriesAfterTheInstantAreIgnoredEvenWhenGiven() {
        ProposalAsOf early = ProposalReplay.asOf(PROPOSAL, Instant.parse("2026-03-02T09:01:00Z"), garden);

        assertThat(early.entriesApplied()).isEqualTo(2);
        assertThat(early.proposal().status()).isEqualTo("DRAFT");
    }
}
