package org.roundtable.audit.history;

import org.junit.jupiter.api.Test;
import org.roundtable.events.Role;
import org.roundtable.events.commissioning.DecisionOutcome;
import org.roundtable.events.commissioning.DecisionReached;
import org.roundtable.events.commissioning.PanelAssembled;
import org.roundtable.events.commissioning.PanelMember;
import org.roundtable.events.commissioning.Vote;
import org.roundtable.events.commissioning.VoteCast;

import org.roundtable.events.participation.ProfileCorrected;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roundtable.audit.history.LibraryGarden.CASE;
import static org.roundtable.audit.history.LibraryGarden.INITIATIVE;
import static org.roundtable.audit.history.LibraryGarden.PROPOSAL;

class DecisionHistoriesTest {

    private final DecisionHistory history = DecisionHistories.of(PROPOSAL, LibraryGarden.story().entries(), PublicNames.from(LibraryGarden.ledger()));

    @Test
    void everyStepAcrossTheFourServicesInLedgerOrder() {
        assertThat(history.steps()).extracting(DecisionHistory.Step::event).startsWith(
                "FundCreated", "ProposalDrafted", "CoDesignerInvited", "CoDesignerJoined", "ProposalAmended", "ProposalSubmitted",
                "EndorsementsOpened", "DecisionCaseOpened", "ProposalUnderDecision", "EndorsementGiven", "EndorsementGiven",
                "EndorsementWithdrawn", "AssetPledged", "ContributionRecorded", "PanelAssembled");
        assertThat(history.steps()).extracting(DecisionHistory.Step::source)
                .contains("proposals", "participation", "commissioning", "outcomes");
        assertThat(history.steps()).extracting(DecisionHistory.Step::position).isSorted();
        assertThat(history.steps().get(history.steps().size() - 1).event()).isEqualTo("InitiativeReviewed");
        assertThat(history.caseIds()).containsExactly(CASE);
        assertThat(history.initiativeIds()).containsExactly(INITIATIVE);
        assertThat(history.title()).isEqualTo("Library garden and reading corner");
    }

    @Test
    void eachStepSaysWhatWhoInWhichRoleWhenAndWhy() {
        DecisionHistory.Step amended = step("ProposalAmended");
        assertThat(amended.actorId()).isEqualTo("chen");
        assertThat(amended.actorRole()).isEqualTo("STAFF");
        assertThat(amended.occurredAt()).isEqualTo(Instant.parse("2026-03-02T09:15:00Z"));
        assertThat(amended.description()).isEqualTo("Amended the proposal to revision 2: 'Library garden and reading corner'");
        assertThat(amended.reason()).isEqualTo("added a reading corner for teenagers");

        DecisionHistory.Step decided = step("DecisionReached");
        assertThat(decided.description()).isEqualTo("Decision reached: APPROVED, 2 of 4 panel members voted, allocating 1200.00 GBP from 'Libraries 2026'");
        assertThat(decided.reason()).isEqualTo("closed by the chair");
        assertThat(step("InitiativeReviewed").reason()).isEqualTo("plots in use, neighbours meeting");
        assertThat(step("ProgressReported").reason()).isEqualTo("twelve new plots in use");
        assertThat(step("CoDesignerInvited").reason()).isNull();
    }

    @Test
    void aRecusalIsFlaggedWithTheInterestDeclared() {
        List<DecisionHistory.Step> declarations = steps("InterestDeclared");

        assertThat(declarations).extracting(DecisionHistory.Step::actorId).containsExactly("dana", "eli", "ivy");
        assertThat(declarations).extracting(DecisionHistory.Step::recusal).containsExactly(false, true, false);
        assertThat(declarations.get(1).declaredInterest()).isEqualTo("my sister runs the library café");
        assertThat(declarations.get(1).description()).isEqualTo("Eli Morgan declared an interest: my sister runs the library café and is recused");
        assertThat(declarations.get(0).declaredInterest()).isNull();
    }

    @Test
    void aChangedVoteShowsTheVoteAndRationaleItReplaces() {
        List<DecisionHistory.Step> votes = steps("VoteCast");

        assertThat(votes).extracting(DecisionHistory.Step::actorId).containsExactly("dana", "ivy", "ivy");
        assertThat(votes).extracting(DecisionHistory.Step::changedVote).containsExactly(false, false, true);
        DecisionHistory.Step changed = votes.get(2);
        assertThat(changed.vote()).isEqualTo("APPROVE");
        assertThat(changed.previousVote()).isEqualTo("REJECT");
        assertThat(changed.previousRationale()).isEqualTo("nothing in it for teenagers");
        assertThat(changed.reason()).isEqualTo("the reading corner answers it");
        assertThat(votes.get(1).previousVote()).isNull();
    }

    @Test
    void aVoteInANewSittingAfterNoQuorumIsNotAChangedVote() {
        List<org.roundtable.audit.history.RecordedEvent> entries = new LedgerStory()
                .by("ivy", Role.CITIZEN)
                .at("2026-03-02T10:00:00Z", new VoteCast(CASE, "ivy", Vote.REJECT, "not yet", null, PROPOSAL))
                .by("roundtable-commissioning", Role.SYSTEM)
                .at("2026-03-09T17:00:00Z", new DecisionReached(CASE, PROPOSAL, DecisionOutcome.NO_QUORUM, List.of(), null, "deadline passed", "libraries"))
                .by("dana", Role.COMMISSIONER)
                .at("2026-03-10T09:00:00Z", new PanelAssembled(CASE, List.of(new PanelMember("ivy", Role.CITIZEN)), "dana",
                        Instant.parse("2026-03-20T17:00:00Z"), "fund", null, PROPOSAL, "libraries"))
                .by("ivy", Role.CITIZEN)
                .at("2026-03-11T10:00:00Z", new VoteCast(CASE, "ivy", Vote.APPROVE, "now convinced", null, PROPOSAL))
                .at("2026-03-11T11:00:00Z", new VoteCast(CASE, "ivy", Vote.ABSTAIN, "on reflection", Vote.APPROVE, PROPOSAL))
                .entries();

        List<DecisionHistory.Step> steps = DecisionHistories.of(PROPOSAL, entries, PublicNames.from(entries)).steps();
        List<DecisionHistory.Step> votes = steps.stream().filter(step -> step.event().equals("VoteCast")).toList();

        assertThat(steps.get(1).description()).isEqualTo("Closed without quorum, nothing decided: 0 of 0 panel members voted; the case awaits a new panel");
        assertThat(steps.get(1).reason()).isEqualTo("deadline passed");

        assertThat(votes).extracting(DecisionHistory.Step::changedVote).containsExactly(false, false, true);
        assertThat(votes.get(2).previousVote()).isEqualTo("APPROVE");
        assertThat(votes.get(2).previousRationale()).isEqualTo("now convinced");
    }

    @Test
    void officeHoldersAreNamedAsTheyActedAndCitizensOnlyAsTheyNowConsent() {
        assertThat(step("FundCreated").actorName()).as("commissioner").isEqualTo("Dana Reeves");
        assertThat(steps("InterestDeclared")).extracting(DecisionHistory.Step::actorName)
                .as("commissioners, then a citizen member under her pseudonym").containsExactly("Dana Reeves", "Eli Morgan", "Neighbour K7PQ2M");
        assertThat(step("CoDesignerJoined").actorName()).as("staff acting as staff").isEqualTo("Chen Li");
        assertThat(step("ProgressReported").actorName()).as("provider").isEqualTo("Green Shoots CIC");
        assertThat(step("DecisionCaseOpened").actorName()).as("the platform").isEqualTo("Roundtable commissioning");
        assertThat(step("ProposalDrafted").actorName()).as("a consenting citizen").isEqualTo("Amara Okafor");
        assertThat(steps("EndorsementGiven")).extracting(DecisionHistory.Step::actorName).containsExactly("Bill Turner", "Quiet Heron");
        assertThat(step("EndorsementWithdrawn").actorName()).isEqualTo("Bill Turner");
        assertThat(history.steps()).filteredOn(step -> "CITIZEN".equals(step.actorRole()))
                .allSatisfy(step -> assertThat(step.actorName()).isNotEqualTo(step.actorId()).isNotNull());
        assertThat(steps("EndorsementGiven")).extracting(DecisionHistory.Step::reason)
                .containsExactly("my children would use it", "a place to meet neighbours");
    }

    @Test
    void stepsCallThingsAndPeopleByTheirNamesWithCorrectPluralsKeepingIdsInTheirFields() {
        assertThat(step("PanelAssembled").description()).isEqualTo("Assembled a panel of 4 members (1 citizen member), chaired by "
                + "Dana Reeves, deciding by 2026-03-09T17:00:00Z, 1200.00 GBP from 'Libraries 2026'");
        assertThat(step("InitiativeStarted").description())
                .isEqualTo("The initiative 'Library garden and reading corner' started with 1 draft indicator and 1200.00 GBP");
        assertThat(step("ProgressReported").description()).isEqualTo("Reported progress on the indicator 'More connection between neighbours', observed on 2026-04-01");
        assertThat(step("ContributionRecorded").description()).isEqualTo("Quiet Heron contributed at a workshop: raised beds for wheelchair users, too");
        assertThat(step("ProposalSubmitted").description()).isEqualTo("Submitted revision 2 with 2 co-designers");
        assertThat(history.steps()).extracting(DecisionHistory.Step::description)
                .noneMatch(text -> text.contains("fund-libraries") || text.contains(CASE) || text.contains(INITIATIVE));
        assertThat(step("FundsAllocated").description()).contains("'Libraries 2026'");
    }

    @Test
    void eachDecisionIsToldWholeWhoSatWhoDeclaredWhatWhoVotedHowAndWhyWhatMoneyMoved() {
        assertThat(history.decisions()).singleElement().satisfies(decision -> {
            assertThat(decision.caseId()).isEqualTo(CASE);
            assertThat(decision.outcome()).isEqualTo("APPROVED");
            assertThat(decision.closedBy()).isEqualTo("Dana Reeves");
            assertThat(decision.fundName()).isEqualTo("'Libraries 2026'");
            assertThat(decision.allocated().amount()).isEqualByComparingTo("1200");
            assertThat(decision.remaining().amount()).isEqualByComparingTo("8800");
            assertThat(decision.seats()).extracting(DecisionHistory.Seat::name)
                    .containsExactly("Dana Reeves", "Eli Morgan", "farah", "Neighbour K7PQ2M");
            assertThat(decision.summary()).isEqualTo("Approved on 2026-03-02, the case closed by Dana Reeves. "
                    + "Round the table sat 4 members: Dana Reeves (chair), Eli Morgan and farah as commissioners; "
                    + "Neighbour K7PQ2M as citizen member. "
                    + "Eli Morgan declared an interest (my sister runs the library café) and was recused. "
                    + "Dana Reeves and Neighbour K7PQ2M declared none. "
                    + "Dana Reeves voted approve: \u201cbuilds on the garden we have\u201d; "
                    + "Neighbour K7PQ2M voted approve: \u201cthe reading corner answers it\u201d. "
                    + "1200.00 GBP was allocated from 'Libraries 2026', leaving 8800.00 GBP.");
        });
    }

    @Test
    void aCitizenWhoWithdrawsConsentIsShownByTheirPseudonymFromThenOnInEveryStepTheLedgerUnchanged() {
        List<RecordedEvent> ledger = new ArrayList<>(LibraryGarden.profiles().entries());
        ledger.addAll(LibraryGarden.story().entries());
        ledger.addAll(new LedgerStory().by("bill", Role.CITIZEN)
                .at("2026-05-01T09:00:00Z", new ProfileCorrected("bill", "Neighbour B4RT9Q", false, List.of(Role.CITIZEN),
                        "Eastfield", null, null, null, false)).entries());

        DecisionHistory withdrawn = DecisionHistories.of(PROPOSAL, LibraryGarden.story().entries(), PublicNames.from(ledger));

        assertThat(withdrawn.steps()).filteredOn(step -> "bill".equals(step.actorId())).isNotEmpty()
                .allSatisfy(step -> assertThat(step.actorName()).isEqualTo("Neighbour B4RT9Q"));
        assertThat(withdrawn.steps()).extracting(DecisionHistory.Step::actorName).doesNotContain("Bill Turner");
        assertThat(withdrawn.steps()).extracting(DecisionHistory.Step::actorName).contains("Dana Reeves", "Amara Okafor");
    }

    @Test
    void entriesOfUnknownTypesAreCountedNotShown() {
        assertThat(history.skippedEntries()).isEqualTo(1);
        assertThat(history.steps()).extracting(DecisionHistory.Step::event).doesNotContain("InitiativePaused");
        assertThat(history.steps()).hasSize(LibraryGarden.story().entries().size() - 1);
    }

    private DecisionHistory.Step step(String event) {
        List<DecisionHistory.Step> found = steps(event);
        assertThat(found).as(event).hasSize(1);
        return found.get(0);
    }

    private List<DecisionHistory.Step> steps(String event) {
        return history.steps().stream().filter(step -> step.event().equals(event)).toList();
    }
}
