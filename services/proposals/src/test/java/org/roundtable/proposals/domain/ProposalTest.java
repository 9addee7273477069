package org.roundtable.proposals.domain;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.roundtable.events.Actor;
import org.roundtable.events.Role;
import org.roundtable.events.commissioning.Allocation;
import org.roundtable.events.commissioning.DecisionOutcome;
import org.roundtable.events.proposals.Ask;
import org.roundtable.events.proposals.Asset;
import org.roundtable.events.proposals.AssetKind;
import org.roundtable.events.proposals.CoDesigner;
import org.roundtable.events.proposals.CoDesignerInvited;
import org.roundtable.events.proposals.CoDesignerJoined;
import org.roundtable.events.proposals.Money;
import org.roundtable.events.proposals.ProposalAmended;
import org.roundtable.events.proposals.ProposalCommissioned;
import org.roundtable.events.proposals.ProposalContent;
import org.roundtable.events.proposals.ProposalDeclined;
import org.roundtable.events.proposals.ProposalDrafted;
import org.roundtable.events.proposals.ProposalSubmitted;
import org.roundtable.events.proposals.ProposalUnderDecision;
import org.roundtable.events.proposals.ProposalWithdrawn;
import org.roundtable.kit.actor.ActorMetadata;
import org.roundtable.kit.domain.InvalidInput;
import org.roundtable.kit.domain.NotPermitted;
import org.roundtable.kit.domain.RuleViolation;
import org.roundtable.proposals.domain.ProposalCommands.AmendProposal;
import org.roundtable.proposals.domain.ProposalCommands.DraftProposal;
import org.roundtable.proposals.domain.ProposalCommands.InviteCoDesigner;
import org.roundtable.proposals.domain.ProposalCommands.JoinAsCoDesigner;
import org.roundtable.proposals.domain.ProposalCommands.MarkUnderDecision;
import org.roundtable.proposals.domain.ProposalCommands.RecordDecision;
import org.roundtable.proposals.domain.ProposalCommands.SubmitProposal;
import org.roundtable.proposals.domain.ProposalCommands.WithdrawProposal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

class ProposalTest {

    static final String ID = "p-1";
    static final MetaData AUTHOR = as("citizen-author", Role.CITIZEN);
    static final MetaData STAFF_MEMBER = as("staff-1", Role.STAFF);
    static final MetaData STRANGER = as("citizen-stranger", Role.CITIZEN);
    static final MetaData COMMISSIONER = as("commissioner-1", Role.COMMISSIONER);
    static final MetaData AUDITOR = as("auditor-1", Role.AUDITOR);
    static final MetaData PLATFORM = MetaData.from(ActorMetadata.of(Actor.system("proposals"), "corr", "event-1"));

    static final ProposalContent CONTENT = new ProposalContent("Library garden", "Neighbours grow food together at the library",
            "libraries", List.of(new Asset(AssetKind.PLACE, "The library's back garden", "Central Library")),
            new Ask(new Money(new BigDecimal("1200.00"), "GBP"), List.of("tools")), List.of("More connection between neighbours"));

    static final ProposalDrafted DRAFTED = new ProposalDrafted(ID, "citizen-author", Role.CITIZEN, CONTENT);
    static final CoDesignerInvited INVITED = new CoDesignerInvited(ID, "staff-1");
    static final CoDesigner STAFF_CO_DESIGNER = new CoDesigner("staff-1", Role.STAFF, "knows the library's opening hours");
    static final CoDesignerJoined JOINED = new CoDesignerJoined(ID, STAFF_CO_DESIGNER);
    static final ProposalSubmitted SUBMITTED = new ProposalSubmitted(ID, 1, CONTENT,
            List.of(new CoDesigner("citizen-author", Role.CITIZEN, "author"), STAFF_CO_DESIGNER));

    AggregateTestFixture<Proposal> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(Proposal.class);
    }

    static MetaData as(String subject, Role role) {
        return MetaData.from(ActorMetadata.of(Actor.of(subject, role), "corr", null));
    }

    static ProposalContent withTitle(String title) {
        return new ProposalContent(title, CONTENT.aspiration(), CONTENT.serviceArea(), CONTENT.assets(), CONTENT.ask(), CONTENT.intendedOutcomes());
    }

    @Nested
    class Drafting {

        @Test
        void aCitizenDraftsAndBecomesItsAuthor() {
            fixture.givenNoPriorActivity().when(new DraftProposal(ID, CONTENT), AUTHOR).expectEvents(DRAFTED);
        }

        @Test
        void aStaffMemberDraftsAndBecomesItsAuthor() {
            fixture.givenNoPriorActivity().when(new DraftProposal(ID, CONTENT), STAFF_MEMBER)
                    .expectEvents(new ProposalDrafted(ID, "staff-1", Role.STAFF, CONTENT));
        }

        @Test
        void textIsTrimmedAndTheServiceAreaLowerCased() {
            ProposalContent untidy = new ProposalContent("  Library garden ", CONTENT.aspiration(), " Libraries ",
                    CONTENT.assets(), CONTENT.ask(), CONTENT.intendedOutcomes());
            fixture.givenNoPriorActivity().when(new DraftProposal(ID, untidy), AUTHOR).expectEvents(DRAFTED);
        }

        @Test
        void aCommissionerDoesNotDraft() {
            fixture.givenNoPriorActivity().when(new DraftProposal(ID, CONTENT), COMMISSIONER)
                    .expectNoEvents().expectException(NotPermitted.class)
                    .expectExceptionMessage("this is open to [CITIZEN, STAFF], not to COMMISSIONER");
        }

        @Test
        void anAuditorDoesNotDraft() {
            fixture.givenNoPriorActivity().when(new DraftProposal(ID, CONTENT), AUDITOR)
                    .expectNoEvents().expectException(NotPermitted.class)
                    .expectExceptionMessage("this is open to [CITIZEN, STAFF], not to AUDITOR");
        }

        @Test
        void refusesABlankTitle() {
            refusedField(withTitle(" "), "title must not be blank");
        }

        @Test
        void refusesAnOverlongTitle() {
            refusedField(withTitle("x".repeat(ProposalRules.TITLE_MAX + 1)), "title must be at most 150 characters, was 151");
        }

        @Test
        void refusesANegativeAmount() {
            refusedField(new ProposalContent(CONTENT.title(), CONTENT.aspiration(), CONTENT.serviceArea(), CONTENT.assets(),
                    new Ask(new Money(new BigDecimal("-1"), "GBP"), List.of()), CONTENT.intendedOutcomes()), "ask.money.amount must not be negative");
        }

        @Test
        void refusesAnUnknownCurrency() {
            refusedField(new ProposalContent(CONTENT.title(), CONTENT.aspiration(), CONTENT.serviceArea(), CONTENT.assets(),
                    new Ask(new Money(BigDecimal.TEN, "pounds"), List.of()), CONTENT.intendedOutcomes()), "ask.money.currency must be an ISO 4217 code such as GBP");
        }

        @Test
        void refusesAnAssetWithoutKind() {
            refusedField(new ProposalContent(CONTENT.title(), CONTENT.aspiration(), CONTENT.serviceArea(),
                    List.of(new Asset(null, "a hall", "church")), CONTENT.ask(), CONTENT.intendedOutcomes()), "assets[0].kind is required");
        }

        @Test
        void refusesAnAssetWithoutDescription() {
            refusedField(new ProposalContent(CONTENT.title(), CONTENT.aspiration(), CONTENT.serviceArea(),
                    List.of(new Asset(AssetKind.PLACE, "", "church")), CONTENT.ask(), CONTENT.intendedOutcomes()), "assets[0].description must not be blank");
        }

        @Test
        void refusesTooManyAssets() {
            List<Asset> many = new ArrayList<>();
            for (int i = 0; i <= ProposalRules.ASSETS_MAX; i++) {
                many.add(new Asset(AssetKind.TIME, "an hour", "someone"));
            }
            refusedField(new ProposalContent(CONTENT.title(), CONTENT.aspiration(), CONTENT.serviceArea(), many, CONTENT.ask(),
                    CONTENT.intendedOutcomes()), "assets may hold at most 50 entries, has 51");
        }

        @Test
        void refusesABlankIntendedOutcome() {
            refusedField(new ProposalContent(CONTENT.title(), CONTENT.aspiration(), CONTENT.serviceArea(), CONTENT.assets(), CONTENT.ask(),
                    List.of(" ")), "intendedOutcomes[0] must not be blank");
        }

        private void refusedField(ProposalContent content, String message) {
            fixture.givenNoPriorActivity().when(new DraftProposal(ID, content), AUTHOR)
                    .expectNoEvents().expectException(InvalidInput.class).expectExceptionMessage(message);
        }
    }

    @Nested
    class CoDesign {

        @Test
        void theAuthorInvites() {
            fixture.given(msg(DRAFTED)).when(new InviteCoDesigner(ID, "staff-1"), AUTHOR).expectEvents(INVITED);
        }

        @Test
        void anInviteeJoinsInTheirRole() {
            fixture.given(msg(DRAFTED), msg(INVITED)).when(new JoinAsCoDesigner(ID, "knows the library's opening hours"), STAFF_MEMBER)
                    .expectEvents(JOINED);
        }

        @Test
        void onlyTheAuthorInvites() {
            fixture.given(msg(DRAFTED), msg(INVITED), msg(JOINED)).when(new InviteCoDesigner(ID, "citizen-9"), STAFF_MEMBER)
                    .expectNoEvents().expectException(NotPermitted.class).expectExceptionMessage("only the author invites co-designers");
        }

        @Test
        void nobodyIsInvitedTwice() {
            fixture.given(msg(DRAFTED), msg(INVITED)).when(new InviteCoDesigner(ID, "staff-1"), AUTHOR)
                    .expectNoEvents().expectException(RuleViolation.class).expectExceptionMessage("staff-1 is already invited");
        }

        @Test
        void aCoDesignerIsNotInvitedAgain() {
            fixture.given(msg(DRAFTED), msg(INVITED), msg(JOINED)).when(new InviteCoDesigner(ID, "staff-1"), AUTHOR)
                    .expectNoEvents().expectException(RuleViolation.class).expectExceptionMessage("staff-1 is already a co-designer");
        }

        @Test
        void onlyInviteesJoin() {
            fixture.given(msg(DRAFTED)).when(new JoinAsCoDesigner(ID, "enthusiasm"), STRANGER)
                    .expectNoEvents().expectException(NotPermitted.class)
                    .expectExceptionMessage("only people the author invited join as co-designers");
        }

        @Test
        void aCoDesignerJoinsOnlyOnce() {
            fixture.given(msg(DRAFTED), msg(INVITED), msg(JOINED)).when(new JoinAsCoDesigner(ID, "more"), STAFF_MEMBER)
                    .expectNoEvents().expectException(RuleViolation.class).expectExceptionMessage("you are already a co-designer");
        }

        @Test
        void joiningSaysWhatTheyBring() {
            fixture.given(msg(DRAFTED), msg(INVITED)).when(new JoinAsCoDesigner(ID, " "), STAFF_MEMBER)
                    .expectNoEvents().expectException(InvalidInput.class).expectExceptionMessage("brings must not be blank");
        }

        @Test
        void coDesignersAmendWithANoteIntoANewRevision() {
            fixture.given(msg(DRAFTED), msg(INVITED), msg(JOINED))
                    .when(new AmendProposal(ID, withTitle("Library food garden"), "clearer title"), STAFF_MEMBER)
                    .expectEvents(new ProposalAmended(ID, 2, withTitle("Library food garden"), "clearer title"));
        }

        @Test
        void onlyCoDesignersAmend() {
            fixture.given(msg(DRAFTED), msg(INVITED))
                    .when(new AmendProposal(ID, withTitle("Mine"), "taking over"), STAFF_MEMBER)
                    .expectNoEvents().expectException(NotPermitted.class).expectExceptionMessage("only co-designers amend a proposal");
        }

        @Test
        void anAmendmentNeedsANote() {
            fixture.given(msg(DRAFTED)).when(new AmendProposal(ID, withTitle("Better"), null), AUTHOR)
                    .expectNoEvents().expectException(InvalidInput.class).expectExceptionMessage("note must not be blank");
        }
    }

    @Nested
    class Submission {

        static final String FROZEN = "the proposal is SUBMITTED; only a draft changes, a submitted proposal is frozen";

        @Test
        void aCoDesignedProposalWithAssetsAndOutcomesIsSubmittedWithEveryoneWhoShapedIt() {
            fixture.given(msg(DRAFTED), msg(INVITED), msg(JOINED)).when(new SubmitProposal(ID), STAFF_MEMBER).expectEvents(SUBMITTED);
        }

        @Test
        void submissionNeedsACoDesignerBesidesTheAuthor() {
            fixture.given(msg(DRAFTED), msg(INVITED)).when(new SubmitProposal(ID), AUTHOR)
                    .expectNoEvents().expectException(RuleViolation.class)
                    .expectExceptionMessage("a proposal is submitted with at least one co-designer besides its author");
        }

        @Test
        void submissionNeedsAnAsset() {
            ProposalContent noAssets = new ProposalContent(CONTENT.title(), CONTENT.aspiration(), CONTENT.serviceArea(), List.of(),
                    CONTENT.ask(), CONTENT.intendedOutcomes());
            fixture.given(msg(new ProposalDrafted(ID, "citizen-author", Role.CITIZEN, noAssets)), msg(INVITED), msg(JOINED))
                    .when(new SubmitProposal(ID), AUTHOR)
                    .expectNoEvents().expectException(RuleViolation.class)
                    .expectExceptionMessage("a proposal is submitted with at least one asset it builds on");
        }

        @Test
        void submissionNeedsAnIntendedOutcome() {
            ProposalContent noOutcomes = new ProposalContent(CONTENT.title(), CONTENT.aspiration(), CONTENT.serviceArea(),
                    CONTENT.assets(), CONTENT.ask(), List.of());
            fixture.given(msg(new ProposalDrafted(ID, "citizen-author", Role.CITIZEN, noOutcomes)), msg(INVITED), msg(JOINED))
                    .when(new SubmitProposal(ID), AUTHOR)
                    .expectNoEvents().expectException(RuleViolation.class)
                    .expectExceptionMessage("a proposal is submitted with at least one intended outcome");
        }

        @Test
        void onlyCoDesignersSubmit() {
            fixture.given(msg(DRAFTED), msg(INVITED), msg(JOINED)).when(new SubmitProposal(ID), STRANGER)
                    .expectNoEvents().expectException(NotPermitted.class).expectExceptionMessage("only co-designers submit a proposal");
        }

        @Test
        void aSubmittedProposalIsNotAmended() {
            fixture.given(msg(DRAFTED), msg(INVITED), msg(JOINED), msg(SUBMITTED))
                    .when(new AmendProposal(ID, withTitle("Late change"), "oops"), AUTHOR)
                    .expectNoEvents().expectException(RuleViolation.class).expectExceptionMessage(FROZEN);
        }

        @Test
        void aSubmittedProposalIsNotSubmittedAgain() {
            fixture.given(msg(DRAFTED), msg(INVITED), msg(JOINED), msg(SUBMITTED))
                    .when(new SubmitProposal(ID), AUTHOR)
                    .expectNoEvents().expectException(RuleViolation.class).expectExceptionMessage(FROZEN);
        }

        @Test
        void nobodyIsInvitedToASubmittedProposal() {
            fixture.given(msg(DRAFTED), msg(INVITED), msg(JOINED), msg(SUBMITTED))
                    .when(new InviteCoDesigner(ID, "citizen-9"), AUTHOR)
                    .expectNoEvents().expectException(RuleViolation.class).expectExceptionMessage(FROZEN);
        }
    }

    @Nested
    class WithdrawalAndDecision {

        @Test
        void aCoDesignerWithdrawsAnOpenProposal() {
            fixture.given(msg(DRAFTED), msg(INVITED), msg(JOINED), msg(SUBMITTED), system(new ProposalUnderDecision(ID, "case-1")))
                    .when(new WithdrawProposal(ID, "the hall closed"), STAFF_MEMBER)
                    .expectEvents(new ProposalWithdrawn(ID, "the hall closed"));
        }

        @Test
        void onlyCoDesignersWithdraw() {
            fixture.given(msg(DRAFTED)).when(new WithdrawProposal(ID, null), STRANGER)
                    .expectNoEvents().expectException(NotPermitted.class).expectExceptionMessage("only co-designers withdraw a proposal");
        }

        @Test
        void aWithdrawnProposalIsNotWithdrawnAgain() {
            fixture.given(msg(DRAFTED), msg(new ProposalWithdrawn(ID, null)))
                    .when(new WithdrawProposal(ID, "again"), AUTHOR)
                    .expectNoEvents().expectException(RuleViolation.class)
                    .expectExceptionMessage("the proposal is WITHDRAWN; only an open proposal can be withdrawn");
        }

        @Test
        void aWithdrawnProposalIsNotAmended() {
            fixture.given(msg(DRAFTED), msg(new ProposalWithdrawn(ID, null)))
                    .when(new AmendProposal(ID, withTitle("Back"), "revive"), AUTHOR)
                    .expectNoEvents().expectException(RuleViolation.class)
                    .expectExceptionMessage("the proposal is WITHDRAWN; only a draft changes, a submitted proposal is frozen");
        }

        @Test
        void aCommissionedProposalIsNotWithdrawn() {
            fixture.given(msg(DRAFTED), msg(INVITED), msg(JOINED), msg(SUBMITTED), system(new ProposalCommissioned(ID, "case-1", null)))
                    .when(new WithdrawProposal(ID, "late"), AUTHOR)
                    .expectNoEvents().expectException(RuleViolation.class)
                    .expectExceptionMessage("the proposal is COMMISSIONED; only an open proposal can be withdrawn");
        }

        @Test
        void anOpenedCaseMovesASubmittedProposalUnderDecision() {
            fixture.given(msg(DRAFTED), msg(INVITED), msg(JOINED), msg(SUBMITTED))
                    .when(new MarkUnderDecision(ID, "case-1"), PLATFORM)
                    .expectEvents(new ProposalUnderDecision(ID, "case-1"));
        }

        @Test
        void aProposalUnderDecisionIsMovedUnderDecisionOnce() {
            fixture.given(msg(DRAFTED), msg(INVITED), msg(JOINED), msg(SUBMITTED), system(new ProposalUnderDecision(ID, "case-1")))
                    .when(new MarkUnderDecision(ID, "case-1"), PLATFORM)
                    .expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void aCaseOpenedForAWithdrawnProposalChangesNothing() {
            fixture.given(msg(DRAFTED), msg(new ProposalWithdrawn(ID, null)))
                    .when(new MarkUnderDecision(ID, "case-1"), PLATFORM)
                    .expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void onlyThePlatformRecordsDecisions() {
            fixture.given(msg(DRAFTED), msg(INVITED), msg(JOINED), msg(SUBMITTED))
                    .when(new RecordDecision(ID, "case-1", DecisionOutcome.APPROVED, null), COMMISSIONER)
                    .expectNoEvents().expectException(NotPermitted.class).expectExceptionMessage("this is open to [SYSTEM], not to COMMISSIONER");
        }

        @Test
        void onlyThePlatformMovesAProposalUnderDecision() {
            fixture.given(msg(DRAFTED), msg(INVITED), msg(JOINED), msg(SUBMITTED))
                    .when(new MarkUnderDecision(ID, "case-1"), AUTHOR)
                    .expectNoEvents().expectException(NotPermitted.class).expectExceptionMessage("this is open to [SYSTEM], not to CITIZEN");
        }

        @Test
        void anApprovalCommissionsWithTheAllocation() {
            Money granted = new Money(new BigDecimal("1000.00"), "GBP");
            fixture.given(msg(DRAFTED), msg(INVITED), msg(JOINED), msg(SUBMITTED), system(new ProposalUnderDecision(ID, "case-1")))
                    .when(new RecordDecision(ID, "case-1", DecisionOutcome.APPROVED, new Allocation("fund-1", granted)), PLATFORM)
                    .expectEvents(new ProposalCommissioned(ID, "case-1", granted));
        }

        @Test
        void aRejectionDeclines() {
            fixture.given(msg(DRAFTED), msg(INVITED), msg(JOINED), msg(SUBMITTED), system(new ProposalUnderDecision(ID, "case-1")))
                    .when(new RecordDecision(ID, "case-1", DecisionOutcome.REJECTED, null), PLATFORM)
                    .expectEvents(new ProposalDeclined(ID, "case-1"));
        }

        @Test
        void aDecisionWithoutQuorumChangesNothing() {
            fixture.given(msg(DRAFTED), msg(INVITED), msg(JOINED), msg(SUBMITTED), system(new ProposalUnderDecision(ID, "case-1")))
                    .when(new RecordDecision(ID, "case-1", DecisionOutcome.NO_QUORUM, null), PLATFORM)
                    .expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void aDecisionForADecidedProposalChangesNothing() {
            fixture.given(msg(DRAFTED), msg(INVITED), msg(JOINED), msg(SUBMITTED), system(new ProposalCommissioned(ID, "case-1", null)))
                    .when(new RecordDecision(ID, "case-1", DecisionOutcome.APPROVED, null), PLATFORM)
                    .expectSuccessfulHandlerExecution().expectNoEvents();
        }
    }

    static GenericEventMessage<Object> msg(Object event) {
        MetaData who = event instanceof CoDesignerJoined ? STAFF_MEMBER : AUTHOR;
        return new GenericEventMessage<>(event, who);
    }

    static GenericEventMessage<Object> system(Object event) {
        return new GenericEventMessage<>(event, PLATFORM);
    }
}
