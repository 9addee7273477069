package org.roundtable.participation.domain;

import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roundtable.events.Actor;
import org.roundtable.events.Role;
import org.roundtable.events.participation.AssetPledged;
import org.roundtable.events.participation.CoDesignerRecognised;
import org.roundtable.events.participation.ContributionRecorded;
import org.roundtable.events.participation.EndorsementGiven;
import org.roundtable.events.participation.EndorsementWithdrawn;
import org.roundtable.events.participation.EndorsementsClosed;
import org.roundtable.events.participation.EndorsementsOpened;
import org.roundtable.events.participation.PledgeWithdrawn;
import org.roundtable.events.participation.ProposalFollowed;
import org.roundtable.events.participation.WorkshopAttended;
import org.roundtable.events.participation.WorkshopRegistered;
import org.roundtable.events.participation.WorkshopScheduled;
import org.roundtable.events.proposals.AssetKind;
import org.roundtable.kit.actor.ActorMetadata;
import org.roundtable.kit.domain.InvalidInput;
import org.roundtable.kit.domain.NotFound;
import org.roundtable.kit.domain.NotPermitted;
import org.roundtable.kit.domain.RuleViolation;
import org.roundtable.participation.domain.ParticipationCommands.CloseEndorsements;
import org.roundtable.participation.domain.ParticipationCommands.Endorse;
import org.roundtable.participation.domain.ParticipationCommands.FollowProposal;
import org.roundtable.participation.domain.ParticipationCommands.MarkAttended;
import org.roundtable.participation.domain.ParticipationCommands.OpenEndorsements;
import org.roundtable.participation.domain.ParticipationCommands.PledgeAsset;
import org.roundtable.participation.domain.ParticipationCommands.RecordContribution;
import org.roundtable.participation.domain.ParticipationCommands.RegisterForWorkshop;
import org.roundtable.participation.domain.ParticipationCommands.ScheduleWorkshop;
import org.roundtable.participation.domain.ParticipationCommands.WithdrawEndorsement;
import org.roundtable.participation.domain.ParticipationCommands.WithdrawPledge;

import java.time.Instant;
import java.util.List;

class ParticipationTest {

    static final String P = "p-1";
    static final MetaData PLATFORM = MetaData.from(ActorMetadata.of(Actor.system("participation"), "corr", "e-1"));
    static final MetaData AUTHOR = as("author", Role.CITIZEN);
    static final MetaData CARA = as("cara", Role.CITIZEN);
    static final MetaData DAN = as("dan", Role.STAFF);
    static final MetaData COMMISSIONER = as("com", Role.COMMISSIONER);
    static final Instant AT = Instant.parse("2026-12-01T18:00:00Z");

    static final ProposalFollowed FOLLOWED = new ProposalFollowed(P, "Library garden", "libraries", "author");
    static final EndorsementsOpened OPENED = new EndorsementsOpened(P, "Library garden", "libraries");
    static final WorkshopScheduled WORKSHOP = new WorkshopScheduled(P, "w-1", "Planting plan", AT, "Central Library", false);
    static final WorkshopRegistered REGISTERED = new WorkshopRegistered(P, "w-1", "cara", "Neighbour ABC");

    AggregateTestFixture<Participation> fixture;

    static MetaData as(String id, Role role) {
        return MetaData.from(ActorMetadata.of(Actor.of(id, role), "corr", null));
    }

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(Participation.class);
    }

    @Test
    void aDraftedProposalIsFollowed() {
        fixture.givenNoPriorActivity().when(new FollowProposal(P, "Library garden", "libraries", "author"), PLATFORM).expectEvents(FOLLOWED);
    }

    @Test
    void aProposalIsFollowedOnce() {
        fixture.given(FOLLOWED).when(new FollowProposal(P, "Library garden", "libraries", "author"), PLATFORM)
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void submissionRecognisesTheCoDesignersAndOpensEndorsements() {
        fixture.given(FOLLOWED).when(new OpenEndorsements(P, "Library garden", "libraries", List.of("author", "dan")), PLATFORM)
                .expectEvents(new CoDesignerRecognised(P, "dan"), OPENED);
    }

    @Test
    void endorsementsOpenOnce() {
        fixture.given(FOLLOWED, OPENED).when(new OpenEndorsements(P, "Library garden", "libraries", List.of("author")), PLATFORM)
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void aDecisionClosesEndorsements() {
        fixture.given(FOLLOWED, OPENED).when(new CloseEndorsements(P, "commissioned"), PLATFORM)
                .expectEvents(new EndorsementsClosed(P, "commissioned"));
    }

    @Test
    void onlyThePlatformFollowsProposals() {
        fixture.givenNoPriorActivity().when(new FollowProposal(P, "x", "y", "author"), CARA)
                .expectNoEvents().expectException(NotPermitted.class).expectExceptionMessage("this is open to [SYSTEM], not to CITIZEN");
    }

    @Test
    void aParticipantEndorsesASubmittedProposal() {
        fixture.given(FOLLOWED, OPENED).when(new Endorse(P, "Neighbour ABC", "my kids need a garden"), CARA)
                .expectEvents(new EndorsementGiven(P, "cara", "Neighbour ABC", "my kids need a garden"));
    }

    @Test
    void aParticipantEndorsesOnce() {
        fixture.given(FOLLOWED, OPENED, new EndorsementGiven(P, "cara", "Neighbour ABC", null))
                .when(new Endorse(P, "Neighbour ABC", "again"), CARA)
                .expectNoEvents().expectException(RuleViolation.class).expectExceptionMessage("you already endorse this proposal");
    }

    @Test
    void anUnsubmittedProposalIsNotEndorsed() {
        fixture.given(FOLLOWED).when(new Endorse(P, "Neighbour ABC", null), CARA)
                .expectNoEvents().expectException(RuleViolation.class)
                .expectExceptionMessage("the proposal is not submitted yet; it can be endorsed once it is");
    }

    @Test
    void aClosedProposalIsNotEndorsed() {
        fixture.given(FOLLOWED, OPENED, new EndorsementsClosed(P, "declined")).when(new Endorse(P, "Neighbour ABC", null), CARA)
                .expectNoEvents().expectException(RuleViolation.class)
                .expectExceptionMessage("the proposal is decided or withdrawn; it can no longer be endorsed");
    }

    @Test
    void commissionersDoNotEndorse() {
        fixture.given(FOLLOWED, OPENED).when(new Endorse(P, "X", null), COMMISSIONER)
                .expectNoEvents().expectException(NotPermitted.class).expectExceptionMessage("this is open to [CITIZEN, STAFF], not to COMMISSIONER");
    }

    @Test
    void anEndorserWithdrawsTheirEndorsement() {
        fixture.given(FOLLOWED, OPENED, new EndorsementGiven(P, "cara", "Neighbour ABC", null))
                .when(new WithdrawEndorsement(P), CARA).expectEvents(new EndorsementWithdrawn(P, "cara"));
    }

    @Test
    void whoeverDidNotEndorseWithdrawsNoEndorsement() {
        fixture.given(FOLLOWED, OPENED, new EndorsementGiven(P, "cara", "Neighbour ABC", null))
                .when(new WithdrawEndorsement(P), DAN)
                .expectNoEvents().expectException(RuleViolation.class).expectExceptionMessage("you do not endorse this proposal");
    }

    @Test
    void timeIsPledgedInHoursPerMonth() {
        fixture.given(FOLLOWED, OPENED).when(new PledgeAsset(P, "pl-1", "Neighbour ABC", AssetKind.TIME, null, 4), CARA)
                .expectEvents(new AssetPledged(P, "pl-1", "cara", "Neighbour ABC", AssetKind.TIME, null, 4));
    }

    @Test
    void aPledgeOfTimeIsAtLeastAnHourAMonth() {
        fixture.given(FOLLOWED, OPENED).when(new PledgeAsset(P, "pl-1", "Neighbour ABC", AssetKind.TIME, null, 0), CARA)
                .expectNoEvents().expectException(InvalidInput.class).expectExceptionMessage("hoursPerMonth must be a whole number between 1 and 200");
    }

    @Test
    void anAssetOtherThanTimeIsDescribed() {
        fixture.given(FOLLOWED, OPENED).when(new PledgeAsset(P, "pl-1", "Neighbour ABC", AssetKind.PLACE, " ", null), CARA)
                .expectNoEvents().expectException(InvalidInput.class).expectExceptionMessage("description must not be blank");
    }

    @Test
    void onlyTimeIsPledgedInHours() {
        fixture.given(FOLLOWED, OPENED).when(new PledgeAsset(P, "pl-1", "Neighbour ABC", AssetKind.SKILL, "joinery", 3), CARA)
                .expectNoEvents().expectException(InvalidInput.class).expectExceptionMessage("hoursPerMonth goes with a pledge of TIME");
    }

    @Test
    void whoeverPledgedWithdrawsTheirPledge() {
        AssetPledged pledged = new AssetPledged(P, "pl-1", "cara", "Neighbour ABC", AssetKind.SKILL, "joinery", null);
        fixture.given(FOLLOWED, OPENED, pledged).when(new WithdrawPledge(P, "pl-1"), CARA).expectEvents(new PledgeWithdrawn(P, "pl-1", "cara"));
    }

    @Test
    void nobodyElseWithdrawsAPledge() {
        AssetPledged pledged = new AssetPledged(P, "pl-1", "cara", "Neighbour ABC", AssetKind.SKILL, "joinery", null);
        fixture.given(FOLLOWED, OPENED, pledged).when(new WithdrawPledge(P, "pl-1"), DAN)
                .expectNoEvents().expectException(NotPermitted.class).expectExceptionMessage("only the person who pledged withdraws a pledge");
    }

    @Test
    void aPledgeNeverMadeIsNotWithdrawn() {
        fixture.given(FOLLOWED, OPENED).when(new WithdrawPledge(P, "pl-9"), CARA)
                .expectNoEvents().expectException(NotFound.class).expectExceptionMessage("no pledge pl-9 to this proposal");
    }

    @Test
    void coDesignersScheduleWorkshops() {
        fixture.given(FOLLOWED).when(new ScheduleWorkshop(P, "w-1", "Planting plan", AT, "Central Library", false), AUTHOR)
                .expectEvents(WORKSHOP);
    }

    @Test
    void othersScheduleNoWorkshop() {
        fixture.given(FOLLOWED).when(new ScheduleWorkshop(P, "w-1", "Planting plan", AT, "Central Library", false), CARA)
                .expectNoEvents().expectException(NotPermitted.class).expectExceptionMessage("only the proposal's co-designers schedule workshops");
    }

    @Test
    void aWorkshopInPersonHasAPlace() {
        fixture.given(FOLLOWED).when(new ScheduleWorkshop(P, "w-1", "Planting plan", AT, null, false), AUTHOR)
                .expectNoEvents().expectException(InvalidInput.class).expectExceptionMessage("place must not be blank");
    }

    @Test
    void aClosedProposalGetsNoWorkshop() {
        fixture.given(FOLLOWED, new EndorsementsClosed(P, "withdrawn"))
                .when(new ScheduleWorkshop(P, "w-1", "Planting plan", AT, "online", true), AUTHOR)
                .expectNoEvents().expectException(RuleViolation.class).expectExceptionMessage("the proposal is decided or withdrawn");
    }

    @Test
    void participantsRegisterForAWorkshop() {
        fixture.given(FOLLOWED, WORKSHOP).when(new RegisterForWorkshop(P, "w-1", "Neighbour ABC"), CARA).expectEvents(REGISTERED);
    }

    @Test
    void aParticipantRegistersOnce() {
        fixture.given(FOLLOWED, WORKSHOP, REGISTERED).when(new RegisterForWorkshop(P, "w-1", "Neighbour ABC"), CARA)
                .expectNoEvents().expectException(RuleViolation.class).expectExceptionMessage("you are already registered for this workshop");
    }

    @Test
    void nobodyRegistersForAWorkshopNeverScheduled() {
        fixture.given(FOLLOWED).when(new RegisterForWorkshop(P, "w-9", "X"), CARA)
                .expectNoEvents().expectException(NotFound.class).expectExceptionMessage("no workshop w-9 for this proposal");
    }

    @Test
    void coDesignersMarkWhoAttended() {
        fixture.given(FOLLOWED, WORKSHOP, REGISTERED).when(new MarkAttended(P, "w-1", "cara"), AUTHOR)
                .expectEvents(new WorkshopAttended(P, "w-1", "cara"));
    }

    @Test
    void othersMarkNoAttendance() {
        fixture.given(FOLLOWED, WORKSHOP, REGISTERED).when(new MarkAttended(P, "w-1", "cara"), DAN)
                .expectNoEvents().expectException(NotPermitted.class).expectExceptionMessage("only the proposal's co-designers mark attendance");
    }

    @Test
    void onlyRegisteredParticipantsAttend() {
        fixture.given(FOLLOWED, WORKSHOP).when(new MarkAttended(P, "w-1", "cara"), AUTHOR)
                .expectNoEvents().expectException(RuleViolation.class).expectExceptionMessage("cara is not registered for this workshop");
    }

    @Test
    void registeredParticipantsContribute() {
        fixture.given(FOLLOWED, WORKSHOP, REGISTERED).when(new RecordContribution(P, "w-1", "c-1", "Neighbour ABC", "raised beds for wheelchairs"), CARA)
                .expectEvents(new ContributionRecorded(P, "w-1", "c-1", "cara", "Neighbour ABC", "raised beds for wheelchairs"));
    }

    @Test
    void whoeverIsNotAParticipantDoesNotContribute() {
        fixture.given(FOLLOWED, WORKSHOP).when(new RecordContribution(P, "w-1", "c-1", "X", "idea"), DAN)
                .expectNoEvents().expectException(NotPermitted.class).expectExceptionMessage("contributions come from the workshop's participants");
    }
}
