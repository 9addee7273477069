package org.roundtable.outcomes.integration;

import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roundtable.events.EventJson;
import org.roundtable.events.Role;
import org.roundtable.events.commissioning.Allocation;
import org.roundtable.events.commissioning.DecisionOutcome;
import org.roundtable.events.commissioning.DecisionReached;
import org.roundtable.events.commissioning.RollEntry;
import org.roundtable.events.commissioning.Vote;
import org.roundtable.events.participation.AssetPledged;
import org.roundtable.events.participation.PledgeWithdrawn;
import org.roundtable.events.proposals.AssetKind;
import org.roundtable.events.proposals.CoDesigner;
import org.roundtable.events.proposals.ProposalSubmitted;
import org.roundtable.outcomes.domain.Initiative;
import org.roundtable.outcomes.domain.InitiativeCommands.ExpectContribution;
import org.roundtable.outcomes.domain.InitiativeCommands.Pledge;
import org.roundtable.outcomes.domain.InitiativeCommands.ReleaseContribution;
import org.roundtable.outcomes.domain.InitiativeCommands.StartInitiative;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roundtable.outcomes.HeardEvents.GRANTED;
import static org.roundtable.outcomes.HeardEvents.OUTCOMES;
import static org.roundtable.outcomes.HeardEvents.decided;
import static org.roundtable.outcomes.HeardEvents.pledged;
import static org.roundtable.outcomes.HeardEvents.submitted;

class ProposalToInitiativeTest {

    static final String PROPOSAL = "p-1";
    static final String CASE = "case-1";
    static final String INITIATIVE = Initiative.idFor(CASE);

    static final ProposalSubmitted SUBMITTED = submitted(PROPOSAL, "libraries", new CoDesigner("amara", Role.CITIZEN, "ideas"),
            new CoDesigner("chen", Role.STAFF, "the room"), new CoDesigner("amara", Role.CITIZEN, "more ideas"));
    static final DecisionReached APPROVED = decided(CASE, PROPOSAL, DecisionOutcome.APPROVED);
    static final AssetPledged DIGGING = pledged(PROPOSAL, "pledge-1", "bill", 8);
    static final AssetPledged BAKING = pledged(PROPOSAL, "pledge-2", "eve", 2);
    static final Pledge DIGGING_EXPECTED = new Pledge("pledge-1", "bill", "Neighbour bill", AssetKind.TIME, "Digging on Saturdays", 8);
    static final Pledge BAKING_EXPECTED = new Pledge("pledge-2", "eve", "Neighbour eve", AssetKind.TIME, "Digging on Saturdays", 2);

    SagaTestFixture<ProposalToInitiative> fixture;

    @BeforeEach
    void fixture() {
        fixture = new SagaTestFixture<>(ProposalToInitiative.class);
    }

    static StartInitiative start(Pledge... pledges) {
        return new StartInitiative(INITIATIVE, PROPOSAL, CASE, "Library garden", "libraries", GRANTED, OUTCOMES, List.of("amara", "chen"),
                List.of(pledges), List.of("dana", "eli"));
    }

    @Test
    void theProposalThenItsApprovalStartsTheInitiative() {
        fixture.givenAPublished(SUBMITTED)
                .whenPublishingA(APPROVED)
                .expectDispatchedCommands(start())
                .expectActiveSagas(1)
                .expectAssociationWith("proposalId", PROPOSAL);
    }

    @Test
    void theApprovalThenTheProposalStartsTheSameInitiative() {
        fixture.givenAPublished(APPROVED)
                .whenPublishingA(SUBMITTED)
                .expectDispatchedCommands(start());
    }

    @Test
    void theProposalAloneStartsNothing() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(SUBMITTED)
                .expectNoDispatchedCommands()
                .expectActiveSagas(1);
    }

    @Test
    void theApprovalAloneStartsNothing() {
        fixture.givenAPublished(DIGGING)
                .whenPublishingA(APPROVED)
                .expectNoDispatchedCommands()
                .expectActiveSagas(1);
    }

    @Test
    void pledgesHeardBeforeTheStartAreExpectedUnlessWithdrawnEvenWhenTheWithdrawalCameFirst() {
        fixture.givenAPublished(DIGGING)
                .andThenAPublished(new PledgeWithdrawn(PROPOSAL, "pledge-3", "ghost"))
                .andThenAPublished(pledged(PROPOSAL, "pledge-3", "ghost", 5))
                .andThenAPublished(BAKING)
                .andThenAPublished(new PledgeWithdrawn(PROPOSAL, "pledge-2", "eve"))
                .andThenAPublished(APPROVED)
                .whenPublishingA(SUBMITTED)
                .expectDispatchedCommands(start(DIGGING_EXPECTED));
    }

    @Test
    void aSecondApprovalStartsNothingMore() {
        DecisionReached republished = decided(CASE, PROPOSAL, DecisionOutcome.APPROVED);
        fixture.givenAPublished(SUBMITTED)
                .andThenAPublished(APPROVED)
                .whenPublishingA(republished)
                .expectNoDispatchedCommands();
    }

    @Test
    void aSecondSubmissionStartsNothingMore() {
        fixture.givenAPublished(SUBMITTED)
                .andThenAPublished(APPROVED)
                .whenPublishingA(SUBMITTED)
                .expectNoDispatchedCommands();
    }

    @Test
    void aPledgeHeardAfterTheStartIsExpectedFromTheInitiativeOnce() {
        fixture.givenAPublished(SUBMITTED)
                .andThenAPublished(APPROVED)
                .whenPublishingA(DIGGING)
                .expectDispatchedCommands(new ExpectContribution(INITIATIVE, DIGGING_EXPECTED));
        fixture.whenPublishingA(DIGGING).expectNoDispatchedCommands();
    }

    @Test
    void aWithdrawalHeardAfterTheStartReleasesThePledgeOnce() {
        fixture.givenAPublished(DIGGING)
                .andThenAPublished(SUBMITTED)
                .andThenAPublished(APPROVED)
                .whenPublishingA(new PledgeWithdrawn(PROPOSAL, "pledge-1", "bill"))
                .expectDispatchedCommands(new ReleaseContribution(INITIATIVE, "pledge-1"));
        fixture.whenPublishingA(new PledgeWithdrawn(PROPOSAL, "pledge-1", "bill")).expectNoDispatchedCommands();
    }

    @Test
    void aPledgeWhoseWithdrawalWasHeardFirstIsNotExpectedAfterTheStart() {
        fixture.givenAPublished(SUBMITTED)
                .andThenAPublished(APPROVED)
                .andThenAPublished(new PledgeWithdrawn(PROPOSAL, "pledge-1", "bill"))
                .whenPublishingA(DIGGING)
                .expectNoDispatchedCommands();
    }

    @Test
    void aRejectionStartsNothingAndEndsTheWait() {
        fixture.givenAPublished(SUBMITTED)
                .andThenAPublished(DIGGING)
                .whenPublishingA(decided(CASE, PROPOSAL, DecisionOutcome.REJECTED))
                .expectNoDispatchedCommands()
                .expectActiveSagas(0);
    }

    @Test
    void aDecisionWithoutQuorumHeardFirstStartsNothingEvenOnceTheProposalIsKnown() {
        fixture.givenAPublished(decided(CASE, PROPOSAL, DecisionOutcome.NO_QUORUM))
                .whenPublishingA(SUBMITTED)
                .expectNoDispatchedCommands()
                .expectActiveSagas(1);
    }

    @Test
    void anotherProposalsNewsLeavesThisOneWaiting() {
        fixture.givenAPublished(SUBMITTED)
                .whenPublishingA(decided("case-2", "p-2", DecisionOutcome.APPROVED))
                .expectNoDispatchedCommands()
                .expectActiveSagas(2)
                .expectAssociationWith("proposalId", "p-2");
    }

    @Test
    void theManagersAreTheFundHoldersAndTheCommissionersNotRecusedEachOnce() {
        DecisionReached approval = new DecisionReached(CASE, PROPOSAL, DecisionOutcome.APPROVED, List.of(
                new RollEntry("eli", Role.COMMISSIONER, Vote.APPROVE, "sound", false, null),
                new RollEntry("dana", Role.COMMISSIONER, Vote.APPROVE, "fine", false, null),
                new RollEntry("farah", Role.COMMISSIONER, null, null, true, "my partner volunteers there"),
                new RollEntry("cal", Role.CITIZEN, Vote.APPROVE, "we need it", false, null)),
                new Allocation("fund-1", GRANTED), "closed by the chair", "libraries", List.of("dana"));
        fixture.givenAPublished(SUBMITTED)
                .whenPublishingA(approval)
                .expectDispatchedCommands(start());
    }

    /** The saga store keeps the saga as JSON through the services' serializer: what is waited on survives a restart. */
    @Test
    void whatTheSagaWaitsWithSurvivesTheStoresJson() {
        JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(EventJson.newMapper()).build();
        ProposalToInitiative waiting = new ProposalToInitiative();
        waiting.on(DIGGING);
        waiting.on(new PledgeWithdrawn(PROPOSAL, "pledge-3", "ghost"));
        waiting.on(SUBMITTED);

        SerializedObject<byte[]> stored = serializer.serialize(waiting, byte[].class);
        ProposalToInitiative read = serializer.deserialize(stored);

        assertThat(read).usingRecursiveComparison().isEqualTo(waiting);
        assertThat(new String(stored.getData())).contains("pledge-1", "pledge-3", "Library garden", "amara");
    }
}
