package org.roundtable.commissioning.domain;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.roundtable.commissioning.domain.CommissioningCommands.AssemblePanel;
import org.roundtable.commissioning.domain.CommissioningCommands.CastVote;
import org.roundtable.commissioning.domain.CommissioningCommands.CloseAtDeadline;
import org.roundtable.commissioning.domain.CommissioningCommands.CloseDecisionCase;
import org.roundtable.commissioning.domain.CommissioningCommands.CloseOnWithdrawal;
import org.roundtable.commissioning.domain.CommissioningCommands.DeclareInterest;
import org.roundtable.commissioning.domain.CommissioningCommands.OpenDecisionCase;
import org.roundtable.events.Actor;
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
import org.roundtable.events.proposals.Money;
import org.roundtable.kit.actor.ActorMetadata;
import org.roundtable.kit.domain.InvalidInput;
import org.roundtable.kit.domain.NotPermitted;
import org.roundtable.kit.domain.RuleViolation;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.axonframework.test.matchers.Matchers.predicate;

class DecisionCaseTest {

    static final String CASE = "case-1";
    static final Instant NOW = Instant.parse("2027-05-01T10:00:00Z");
    static final Instant DEADLINE = NOW.plusSeconds(86_400);
    static final Money ASKED = new Money(new BigDecimal("1200.00"), "GBP");
    static final MetaData PLATFORM = MetaData.from(ActorMetadata.of(Actor.system("commissioning"), "corr", "e-1"));
    static final MetaData ALI = as("ali", Role.COMMISSIONER);
    static final MetaData BEA = as("bea", Role.COMMISSIONER);
    static final MetaData CAL = as("cal", Role.CITIZEN);
    static final MetaData OUTSIDER = as("out", Role.COMMISSIONER);
    static final List<PanelMember> PANEL = List.of(new PanelMember("ali", Role.COMMISSIONER), new PanelMember("bea", Role.COMMISSIONER),
            new PanelMember("cal", Role.CITIZEN));

    static final DecisionCaseOpened OPENED = new DecisionCaseOpened(CASE, "p-1", "Library garden", "libraries", ASKED);
    static final PanelAssembled ASSEMBLED = new PanelAssembled(CASE, PANEL, "ali", DEADLINE, "fund-1", ASKED, "p-1", "libraries");

    AggregateTestFixture<DecisionCase> fixture;
    EmbeddedEventStore fundStore;
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    static MetaData as(String id, Role role) {
        return MetaData.from(ActorMetadata.of(Actor.of(id, role), "corr", null));
    }

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(DecisionCase.class);
        fundStore = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        fund("10000.00");
        EventSourcingRepository<Fund> funds = EventSourcingRepository.builder(Fund.class).eventStore(fundStore).build();
        fixture.registerAnnotatedCommandHandler(new CaseProcedures(fixture.getRepository(), funds, clock));
    }

    private void fund(String amount) {
        fundStore.publish(new GenericDomainEventMessage<>("Fund", "fund-1", 0, new FundCreated("fund-1", "Libraries", "libraries",
                LocalDate.parse("2027-04-01"), LocalDate.parse("2028-03-31"), new Money(new BigDecimal(amount), "GBP"), List.of("ali"))));
    }

    private List<Object> fundEvents() {
        return fundStore.readEvents("fund-1").asStream().map(DomainEventMessage::getPayload).collect(Collectors.toList());
    }

    static Object declared(String member, boolean interest) {
        return new InterestDeclared(CASE, member, interest, interest ? "my partner runs the garden society" : null, interest, "p-1");
    }

    static Object voted(String member, Vote vote) {
        return new VoteCast(CASE, member, vote, member + " weighed it", null, "p-1");
    }

    @Test
    void aSubmittedProposalOpensOneCase() {
        fixture.givenNoPriorActivity().when(new OpenDecisionCase(CASE, "p-1", "Library garden", "libraries", ASKED), PLATFORM)
                .expectEvents(OPENED);
        fixture.given(OPENED).when(new OpenDecisionCase(CASE, "p-1", "Library garden", "libraries", ASKED), PLATFORM)
                .expectSuccessfulHandlerExecution().expectNoEvents();
        fixture.givenNoPriorActivity().when(new OpenDecisionCase(CASE, "p-1", "x", "y", null), ALI)
                .expectNoEvents().expectException(NotPermitted.class);
    }

    @Nested
    class Panels {

        @Test
        void aFundHolderAssemblesAPanelWithACitizenRoundTheTable() {
            fixture.given(OPENED).when(new AssemblePanel(CASE, "fund-1", PANEL, "ali", DEADLINE, null), ALI).expectEvents(ASSEMBLED);
        }

        @Test
        void onlyAHolderOfTheFundAssembles() {
            fixture.given(OPENED).when(new AssemblePanel(CASE, "fund-1", PANEL, "ali", DEADLINE, null), BEA)
                    .expectNoEvents().expectException(NotPermitted.class);
        }

        @Test
        void aPanelWithoutACitizenMemberOrAChairOnItOrADeadlineAheadIsRefused() {
            refused(new AssemblePanel(CASE, "fund-1", List.of(new PanelMember("ali", Role.COMMISSIONER)), "ali", DEADLINE, null),
                    "a panel has at least one citizen member round the table");
            refused(new AssemblePanel(CASE, "fund-1", PANEL, "zed", DEADLINE, null), "the chair sits on the panel");
            refused(new AssemblePanel(CASE, "fund-1", PANEL, "ali", NOW.minusSeconds(1), null), "the deadline is in the future");
            refused(new AssemblePanel(CASE, "fund-1", List.of(new PanelMember("ali", Role.COMMISSIONER), new PanelMember("cal", Role.AUDITOR)),
                    "ali", DEADLINE, null), "panel members sit as COMMISSIONER or CITIZEN");
        }

        @Test
        void onlyCommissionersAssembleAndTheFundMustExistAndServeTheArea() {
            fixture.given(OPENED).when(new AssemblePanel(CASE, "fund-1", PANEL, "ali", DEADLINE, null), as("ali", Role.AUDITOR))
                    .expectNoEvents().expectException(NotPermitted.class);
            fixture.given(OPENED).when(new AssemblePanel(CASE, "fund-1", PANEL, "ali", DEADLINE, null), as("ali", Role.CITIZEN))
                    .expectNoEvents().expectException(NotPermitted.class);
            refused(new AssemblePanel(CASE, "no-such-fund", PANEL, "ali", DEADLINE, null), "there is no fund no-such-fund");
            refused(new AssemblePanel(CASE, " ", PANEL, "ali", DEADLINE, null), "fundId must not be blank");
            fixture.given(new DecisionCaseOpened(CASE, "p-1", "Park benches", "parks", ASKED))
                    .when(new AssemblePanel(CASE, "fund-1", PANEL, "ali", DEADLINE, null), ALI)
                    .expectNoEvents().expectException(InvalidInput.class).expectExceptionMessage("fund fund-1 is for libraries, this case for parks");
        }

        @Test
        void thePanelMaySetTheAmountInTheFundsCurrency() {
            Money less = new Money(new BigDecimal("900.00"), "GBP");
            fixture.given(OPENED).when(new AssemblePanel(CASE, "fund-1", PANEL, "ali", DEADLINE, less), ALI)
                    .expectEvents(new PanelAssembled(CASE, PANEL, "ali", DEADLINE, "fund-1", less, "p-1", "libraries"));
            refused(new AssemblePanel(CASE, "fund-1", PANEL, "ali", DEADLINE, new Money(new BigDecimal("900.00"), "EUR")),
                    "the fund is in GBP");
            refused(new AssemblePanel(CASE, "fund-1", List.of(new PanelMember("ali", Role.COMMISSIONER), new PanelMember("ali", Role.CITIZEN)),
                    "ali", DEADLINE, null), "ali is on the panel twice");
            refused(new AssemblePanel(CASE, "fund-1", List.of(new PanelMember("cal", Role.CITIZEN)), "cal", DEADLINE, null),
                    "a panel has at least one commissioner");
        }

        @Test
        void aDecidedCaseGetsNoNewPanel() {
            fixture.given(OPENED, ASSEMBLED, new DecisionReached(CASE, "p-1", DecisionOutcome.APPROVED, List.of(), null, "closed", "libraries"))
                    .when(new AssemblePanel(CASE, "fund-1", PANEL, "ali", DEADLINE, null), ALI)
                    .expectNoEvents().expectException(RuleViolation.class).expectExceptionMessage("the case is closed; its decision stands");
        }

        @Test
        void aPanelIsAssembledOnce() {
            fixture.given(OPENED, ASSEMBLED).when(new AssemblePanel(CASE, "fund-1", PANEL, "ali", DEADLINE, null), ALI)
                    .expectNoEvents().expectException(RuleViolation.class);
        }

        private void refused(AssemblePanel command, String message) {
            fixture.given(OPENED).when(command, ALI).expectNoEvents().expectException(InvalidInput.class).expectExceptionMessage(message);
        }
    }

    @Nested
    class DeclarationsAndVotes {

        @Test
        void membersDeclareBeforeVotingAndAnInterestRecuses() {
            fixture.given(OPENED, ASSEMBLED).when(new DeclareInterest(CASE, true, "my partner runs the garden society", null), BEA)
                    .expectEvents(declared("bea", true));
            fixture.given(OPENED, ASSEMBLED).when(new CastVote(CASE, Vote.APPROVE, "good"), BEA)
                    .expectNoEvents().expectException(RuleViolation.class).expectExceptionMessage("panel members declare their interests before voting");
            fixture.given(OPENED, ASSEMBLED, declared("bea", true)).when(new CastVote(CASE, Vote.APPROVE, "good"), BEA)
                    .expectNoEvents().expectException(NotPermitted.class);
        }

        @Test
        void anInterestIsDescribedAndChangesOnlyWithAReason() {
            fixture.given(OPENED, ASSEMBLED).when(new DeclareInterest(CASE, true, " ", null), BEA)
                    .expectNoEvents().expectException(InvalidInput.class);
            fixture.given(OPENED, ASSEMBLED, declared("bea", false)).when(new DeclareInterest(CASE, false, null, null), BEA)
                    .expectNoEvents().expectException(InvalidInput.class).expectExceptionMessage(
                            "you have declared on this proposal before; a changed declaration needs a changeReason, which is recorded");
            fixture.given(OPENED, ASSEMBLED).when(new DeclareInterest(CASE, false, null, "changed my mind"), BEA)
                    .expectNoEvents().expectException(InvalidInput.class);
            fixture.given(OPENED, ASSEMBLED, declared("bea", true)).when(new DeclareInterest(CASE, false, null, "my partner left the society"), BEA)
                    .expectEvents(new InterestDeclared(CASE, "bea", false, null, false, "p-1", "my partner left the society"));
        }

        @Test
        void aDeclarationHoldsThroughANewPanel() {
            DecisionReached noQuorum = new DecisionReached(CASE, "p-1", DecisionOutcome.NO_QUORUM, List.of(), null, "closed", "libraries");
            fixture.given(OPENED, ASSEMBLED, declared("bea", true), noQuorum, ASSEMBLED)
                    .when(new CastVote(CASE, Vote.APPROVE, "good"), BEA)
                    .expectNoEvents().expectException(NotPermitted.class).expectExceptionMessage("you declared an interest and are recused from this case");
            fixture.given(OPENED, ASSEMBLED, declared("bea", true), noQuorum, ASSEMBLED)
                    .when(new DeclareInterest(CASE, false, null, null), BEA)
                    .expectNoEvents().expectException(InvalidInput.class);
            fixture.given(OPENED, ASSEMBLED, declared("ali", false), declared("cal", false), declared("bea", true), noQuorum, ASSEMBLED,
                            voted("ali", Vote.APPROVE), voted("cal", Vote.APPROVE))
                    .when(new CloseDecisionCase(CASE, null), ALI)
                    .expectEventsMatching(payloadsMatching(exactSequenceOf(
                            predicate(e -> e instanceof DecisionReached d && d.outcome() == DecisionOutcome.APPROVED
                                    && d.roll().stream().anyMatch(r -> r.memberId().equals("bea") && r.recused())),
                            andNoMore())));
        }

        @Test
        void onlyPanelMembersDeclareAndVote() {
            fixture.given(OPENED, ASSEMBLED).when(new DeclareInterest(CASE, false, null, null), OUTSIDER)
                    .expectNoEvents().expectException(NotPermitted.class);
            fixture.given(OPENED, ASSEMBLED).when(new CastVote(CASE, Vote.APPROVE, "yes"), OUTSIDER)
                    .expectNoEvents().expectException(NotPermitted.class);
        }

        @Test
        void membersActInTheRoleTheySitInAndAuditorsNeverVote() {
            fixture.given(OPENED, ASSEMBLED).when(new DeclareInterest(CASE, false, null, null), as("cal", Role.COMMISSIONER))
                    .expectNoEvents().expectException(NotPermitted.class).expectExceptionMessage("you sit on this panel as CITIZEN, not as COMMISSIONER");
            fixture.given(OPENED, ASSEMBLED).when(new DeclareInterest(CASE, false, null, null), as("cal", Role.STAFF))
                    .expectEvents(new InterestDeclared(CASE, "cal", false, null, false, "p-1"));
            fixture.given(OPENED, ASSEMBLED, declared("ali", false)).when(new CastVote(CASE, Vote.APPROVE, "reads well"), as("ali", Role.AUDITOR))
                    .expectNoEvents().expectException(NotPermitted.class);
        }

        @Test
        void aVoteNeedsAChoiceAndNothingIsDeclaredOrVotedOnceClosed() {
            fixture.given(OPENED, ASSEMBLED, declared("cal", false)).when(new CastVote(CASE, null, "undecided"), CAL)
                    .expectNoEvents().expectException(InvalidInput.class).expectExceptionMessage("vote is required");
            DecisionReached rejected = new DecisionReached(CASE, "p-1", DecisionOutcome.REJECTED, List.of(), null, "closed", "libraries");
            fixture.given(OPENED, ASSEMBLED, rejected).when(new DeclareInterest(CASE, false, null, null), CAL)
                    .expectNoEvents().expectException(RuleViolation.class);
            fixture.given(OPENED).when(new DeclareInterest(CASE, false, null, null), CAL)
                    .expectNoEvents().expectException(NotPermitted.class);
        }

        @Test
        void everyVoteHasARationaleAndAChangeKeepsWhatItChanged() {
            fixture.given(OPENED, ASSEMBLED, declared("cal", false)).when(new CastVote(CASE, Vote.APPROVE, " "), CAL)
                    .expectNoEvents().expectException(InvalidInput.class).expectExceptionMessage("rationale must not be blank");
            fixture.given(OPENED, ASSEMBLED, declared("cal", false), voted("cal", Vote.REJECT))
                    .when(new CastVote(CASE, Vote.APPROVE, "the workshop changed my mind"), CAL)
                    .expectEvents(new VoteCast(CASE, "cal", Vote.APPROVE, "the workshop changed my mind", Vote.REJECT, "p-1"));
        }
    }

    @Nested
    class Closing {

        @Test
        void anApprovalByAQuoratePanelAllocatesFromTheFundWithTheFullRoll() {
            fixture.given(OPENED, ASSEMBLED, declared("ali", false), declared("bea", true), declared("cal", false),
                            voted("ali", Vote.APPROVE), voted("cal", Vote.APPROVE))
                    .when(new CloseDecisionCase(CASE, null), ALI)
                    .expectEvents(new DecisionReached(CASE, "p-1", DecisionOutcome.APPROVED, List.of(
                            new RollEntry("ali", Role.COMMISSIONER, Vote.APPROVE, "ali weighed it", false, null),
                            new RollEntry("bea", Role.COMMISSIONER, null, null, true, "my partner runs the garden society"),
                            new RollEntry("cal", Role.CITIZEN, Vote.APPROVE, "cal weighed it", false, null)),
                            new Allocation("fund-1", ASKED), "closed by the chair", "libraries", List.of("ali")));
            assertThat(fundEvents()).hasSize(2).last().isEqualTo(new FundsAllocated("fund-1", CASE, "p-1", ASKED,
                    new Money(new BigDecimal("8800.00"), "GBP"), "libraries"));
        }

        @Test
        void withoutACitizenVoteThereIsNoQuorumAndTheCaseCanBeGivenANewPanel() {
            fixture.given(OPENED, ASSEMBLED, declared("ali", false), declared("bea", false), voted("ali", Vote.APPROVE), voted("bea", Vote.APPROVE))
                    .when(new CloseDecisionCase(CASE, "our citizen member has moved away"), ALI)
                    .expectEvents(new DecisionReached(CASE, "p-1", DecisionOutcome.NO_QUORUM, List.of(
                            new RollEntry("ali", Role.COMMISSIONER, Vote.APPROVE, "ali weighed it", false, null),
                            new RollEntry("bea", Role.COMMISSIONER, Vote.APPROVE, "bea weighed it", false, null),
                            new RollEntry("cal", Role.CITIZEN, null, null, false, null)), null,
                            "closed by the chair without quorum before its deadline: our citizen member has moved away", "libraries"));
            assertThat(fundEvents()).hasSize(1);
            fixture.given(OPENED, ASSEMBLED, new DecisionReached(CASE, "p-1", DecisionOutcome.NO_QUORUM, List.of(), null, "closed"))
                    .when(new AssemblePanel(CASE, "fund-1", PANEL, "ali", DEADLINE, null), ALI).expectEvents(ASSEMBLED);
        }

        @Test
        void quorumIsAMajorityOfTheNonRecusedMembers() {
            List<PanelMember> five = List.of(new PanelMember("ali", Role.COMMISSIONER), new PanelMember("bea", Role.COMMISSIONER),
                    new PanelMember("cal", Role.CITIZEN), new PanelMember("dan", Role.COMMISSIONER), new PanelMember("eve", Role.CITIZEN));
            PanelAssembled ofFive = new PanelAssembled(CASE, five, "ali", DEADLINE, "fund-1", ASKED, "p-1", "libraries");
            fixture.given(OPENED, ofFive, declared("ali", false), declared("cal", false), voted("ali", Vote.APPROVE), voted("cal", Vote.APPROVE))
                    .when(new CloseDecisionCase(CASE, null), ALI)
                    .expectNoEvents().expectException(RuleViolation.class);
            fixture.given(OPENED, ofFive, declared("ali", false), declared("cal", false), declared("bea", true), declared("dan", true),
                            voted("ali", Vote.APPROVE), voted("cal", Vote.APPROVE))
                    .when(new CloseDecisionCase(CASE, null), ALI)
                    .expectEventsMatching(payloadsMatching(
                            exactSequenceOf(
                                    predicate(e -> e instanceof DecisionReached d
                                            && d.outcome() == DecisionOutcome.APPROVED && d.allocation() != null),
                                    andNoMore())));
        }

        @Test
        void aMemberWhoDeclaresAnInterestAfterVotingIsRecusedAndTheirVoteNoLongerCounts() {
            fixture.given(OPENED, ASSEMBLED, declared("ali", false), declared("bea", false), declared("cal", false),
                            voted("ali", Vote.APPROVE), voted("bea", Vote.REJECT), voted("cal", Vote.APPROVE),
                            new InterestDeclared(CASE, "ali", true, "my partner runs the garden society", true, "p-1",
                                    "I learnt after voting that my partner applied"))
                    .when(new CloseDecisionCase(CASE, null), ALI)
                    .expectEvents(new DecisionReached(CASE, "p-1", DecisionOutcome.REJECTED, List.of(
                            new RollEntry("ali", Role.COMMISSIONER, null, null, true, "my partner runs the garden society"),
                            new RollEntry("bea", Role.COMMISSIONER, Vote.REJECT, "bea weighed it", false, null),
                            new RollEntry("cal", Role.CITIZEN, Vote.APPROVE, "cal weighed it", false, null)),
                            null, "closed by the chair", "libraries"));
            assertThat(fundEvents()).as("nothing allocated").hasSize(1);
        }

        @Test
        void aPanelWhoseCitizenMembersOrAllMembersAreRecusedHasNoQuorum() {
            fixture.given(OPENED, ASSEMBLED, declared("ali", false), declared("bea", false), declared("cal", true),
                            voted("ali", Vote.APPROVE), voted("bea", Vote.APPROVE))
                    .when(new CloseDecisionCase(CASE, null), ALI)
                    .expectNoEvents().expectException(RuleViolation.class).expectExceptionMessage(
                            "the panel has no quorum and its deadline (" + DEADLINE
                                    + ") has not passed; the chair closes it now only with a reason, which is recorded");
            fixture.given(OPENED, ASSEMBLED, declared("ali", false), declared("bea", false), declared("cal", true),
                            voted("ali", Vote.APPROVE), voted("bea", Vote.APPROVE))
                    .when(new CloseDecisionCase(CASE, "our citizen member is recused"), ALI)
                    .expectEventsMatching(payloadsMatching(exactSequenceOf(
                            predicate(e -> e instanceof DecisionReached d && d.outcome() == DecisionOutcome.NO_QUORUM
                                    && d.allocation() == null),
                            andNoMore())));
            fixture.given(OPENED, ASSEMBLED, declared("ali", true), declared("bea", true), declared("cal", true))
                    .when(new CloseDecisionCase(CASE, "every member is recused"), ALI)
                    .expectEventsMatching(payloadsMatching(exactSequenceOf(
                            predicate(e -> e instanceof DecisionReached d && d.outcome() == DecisionOutcome.NO_QUORUM
                                    && d.roll().stream().allMatch(RollEntry::recused)),
                            andNoMore())));
            assertThat(fundEvents()).hasSize(1);
        }

        @Test
        void withoutQuorumTheChairClosesBeforeTheDeadlineOnlyWithAReason() {
            fixture.given(OPENED, ASSEMBLED, declared("bea", true)).when(new CloseDecisionCase(CASE, null), ALI)
                    .expectNoEvents().expectException(RuleViolation.class).expectExceptionMessage(
                            "the panel has no quorum and its deadline (" + DEADLINE
                                    + ") has not passed; the chair closes it now only with a reason, which is recorded");
            fixture.given(OPENED, ASSEMBLED, declared("bea", true)).when(new CloseDecisionCase(CASE, " "), ALI)
                    .expectNoEvents().expectException(RuleViolation.class);
            clock = Clock.fixed(DEADLINE, ZoneOffset.UTC);
            fixture();
            fixture.given(OPENED, ASSEMBLED, declared("bea", true)).when(new CloseDecisionCase(CASE, null), ALI)
                    .expectEventsMatching(payloadsMatching(exactSequenceOf(
                            predicate(e -> e instanceof DecisionReached d && d.outcome() == DecisionOutcome.NO_QUORUM
                                    && d.note().equals("closed by the chair")),
                            andNoMore())));
        }

        @Test
        void aTieIsNotAnApproval() {
            fixture.given(OPENED, ASSEMBLED, declared("ali", false), declared("bea", false), declared("cal", false),
                            voted("ali", Vote.APPROVE), voted("bea", Vote.REJECT), voted("cal", Vote.ABSTAIN))
                    .when(new CloseDecisionCase(CASE, null), ALI)
                    .expectEventsMatching(payloadsMatching(
                            exactSequenceOf(
                                    predicate(e -> e instanceof DecisionReached d
                                            && d.outcome() == DecisionOutcome.REJECTED && d.allocation() == null),
                                    andNoMore())));
            assertThat(fundEvents()).hasSize(1);
        }

        @Test
        void aCaseWithoutAPanelCannotBeClosed() {
            fixture.given(OPENED).when(new CloseDecisionCase(CASE, null), ALI).expectNoEvents().expectException(RuleViolation.class)
                    .expectExceptionMessage("the case has no panel yet");
            fixture.given(OPENED).when(new CloseAtDeadline(CASE), PLATFORM).expectSuccessfulHandlerExecution().expectNoEvents();
            fixture.given(OPENED, ASSEMBLED).when(new CloseAtDeadline(CASE), ALI).expectNoEvents().expectException(NotPermitted.class);
        }

        @Test
        void rejectionsOutnumberingApprovalsReject() {
            fixture.given(OPENED, ASSEMBLED, declared("ali", false), declared("cal", false), voted("ali", Vote.REJECT), voted("cal", Vote.ABSTAIN))
                    .when(new CloseDecisionCase(CASE, null), ALI)
                    .expectEvents(new DecisionReached(CASE, "p-1", DecisionOutcome.REJECTED, List.of(
                            new RollEntry("ali", Role.COMMISSIONER, Vote.REJECT, "ali weighed it", false, null),
                            new RollEntry("bea", Role.COMMISSIONER, null, null, false, null),
                            new RollEntry("cal", Role.CITIZEN, Vote.ABSTAIN, "cal weighed it", false, null)), null, "closed by the chair", "libraries"));
        }

        @Test
        void onlyTheChairClosesAndAClosedCaseStands() {
            fixture.given(OPENED, ASSEMBLED).when(new CloseDecisionCase(CASE, null), BEA).expectNoEvents().expectException(NotPermitted.class);
            fixture.given(OPENED, ASSEMBLED, new DecisionReached(CASE, "p-1", DecisionOutcome.REJECTED, List.of(), null, "closed"))
                    .when(new CastVote(CASE, Vote.APPROVE, "too late"), CAL).expectNoEvents().expectException(RuleViolation.class);
        }

        @Test
        void theChairCannotCloseAnApprovalTheFundCannotMeet() {
            PanelAssembled expensive = new PanelAssembled(CASE, PANEL, "ali", DEADLINE, "fund-1", new Money(new BigDecimal("20000.00"), "GBP"),
                    "p-1", "libraries");
            fixture.given(OPENED, expensive, declared("ali", false), declared("cal", false), voted("ali", Vote.APPROVE), voted("cal", Vote.APPROVE))
                    .when(new CloseDecisionCase(CASE, null), ALI)
                    .expectNoEvents().expectException(RuleViolation.class);
            assertThat(fundEvents()).hasSize(1);
        }

        @Test
        void atTheDeadlineAnApprovalTheFundCannotMeetIsRecordedWithoutAllocation() {
            PanelAssembled expensive = new PanelAssembled(CASE, PANEL, "ali", DEADLINE, "fund-1", new Money(new BigDecimal("20000.00"), "GBP"),
                    "p-1", "libraries");
            clock = Clock.fixed(DEADLINE, ZoneOffset.UTC);
            fixture();
            fixture.given(OPENED, expensive, declared("ali", false), declared("cal", false), voted("ali", Vote.APPROVE), voted("cal", Vote.APPROVE))
                    .when(new CloseAtDeadline(CASE), PLATFORM)
                    .expectEvents(new DecisionReached(CASE, "p-1", DecisionOutcome.APPROVED, List.of(
                            new RollEntry("ali", Role.COMMISSIONER, Vote.APPROVE, "ali weighed it", false, null),
                            new RollEntry("bea", Role.COMMISSIONER, null, null, false, null),
                            new RollEntry("cal", Role.CITIZEN, Vote.APPROVE, "cal weighed it", false, null)), null,
                            "closed at its deadline; approved, but no money was allocated: fund fund-1 holds only 10000.00 GBP; it cannot allocate 20000.00",
                            "libraries", List.of("ali")));
            assertThat(fundEvents()).hasSize(1);
        }

        @Test
        void withoutQuorumAtTheDeadlineNothingIsDecidedAndTheDeadlineIsNotDueAgain() {
            clock = Clock.fixed(DEADLINE.plusSeconds(1), ZoneOffset.UTC);
            fixture();
            DecisionReached noQuorum = decision(DecisionOutcome.NO_QUORUM, ASSEMBLED, null);
            fixture.given(OPENED, ASSEMBLED).when(new CloseAtDeadline(CASE), PLATFORM)
                    .expectEvents(new DecisionReached(CASE, "p-1", DecisionOutcome.NO_QUORUM, List.of(
                            new RollEntry("ali", Role.COMMISSIONER, null, null, false, null),
                            new RollEntry("bea", Role.COMMISSIONER, null, null, false, null),
                            new RollEntry("cal", Role.CITIZEN, null, null, false, null)), null, "closed at its deadline", "libraries"));
            fixture.given(OPENED, ASSEMBLED, noQuorum).when(new CloseAtDeadline(CASE), PLATFORM)
                    .expectSuccessfulHandlerExecution().expectNoEvents();
            fixture.given(OPENED, ASSEMBLED, noQuorum).when(new CloseDecisionCase(CASE, null), ALI)
                    .expectNoEvents().expectException(RuleViolation.class);
        }

        /** The chair's decision on a panel where ali and cal approved and nobody is recused. */
        private DecisionReached decision(DecisionOutcome outcome, PanelAssembled panel, Allocation allocation) {
            return new DecisionReached(CASE, "p-1", outcome, panel.members().stream()
                    .map(m -> new RollEntry(m.memberId(), m.role(), List.of("ali", "cal").contains(m.memberId()) ? Vote.APPROVE : null,
                            List.of("ali", "cal").contains(m.memberId()) ? m.memberId() + " weighed it" : null, false, null))
                    .toList(), allocation, "closed by the chair", "libraries");
        }

        @Test
        void aWithdrawnProposalClosesItsOpenCaseWithoutADecisionOrMoney() {
            DecisionReached withdrawn = new DecisionReached(CASE, "p-1", DecisionOutcome.WITHDRAWN, List.of(
                    new RollEntry("ali", Role.COMMISSIONER, Vote.APPROVE, "ali weighed it", false, null),
                    new RollEntry("bea", Role.COMMISSIONER, null, null, false, null),
                    new RollEntry("cal", Role.CITIZEN, Vote.APPROVE, "cal weighed it", false, null)), null,
                    "the proposal was withdrawn: we found another way", "libraries");
            fixture.given(OPENED, ASSEMBLED, declared("ali", false), declared("cal", false), voted("ali", Vote.APPROVE), voted("cal", Vote.APPROVE))
                    .when(new CloseOnWithdrawal(CASE, "we found another way"), PLATFORM)
                    .expectEvents(withdrawn);
            assertThat(fundEvents()).hasSize(1);
            fixture.given(OPENED).when(new CloseOnWithdrawal(CASE, null), PLATFORM)
                    .expectEvents(new DecisionReached(CASE, "p-1", DecisionOutcome.WITHDRAWN, List.of(), null, "the proposal was withdrawn",
                            "libraries"));
            fixture.given(OPENED, ASSEMBLED, withdrawn).when(new CastVote(CASE, Vote.REJECT, "changed my mind"), CAL)
                    .expectNoEvents().expectException(RuleViolation.class);
            fixture.given(OPENED, ASSEMBLED, withdrawn).when(new CloseAtDeadline(CASE), PLATFORM)
                    .expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void aWithdrawalChangesNoDecisionAndIsThePlatformsAlone() {
            DecisionReached rejected = new DecisionReached(CASE, "p-1", DecisionOutcome.REJECTED, List.of(), null, "closed", "libraries");
            fixture.given(OPENED, ASSEMBLED).when(new CloseOnWithdrawal(CASE, null), ALI)
                    .expectNoEvents().expectException(NotPermitted.class);
            fixture();
            fixture.given(OPENED, ASSEMBLED, rejected).when(new CloseOnWithdrawal(CASE, null), PLATFORM)
                    .expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void theDeadlineClosesOnlyOnceItHasPassed() {
            fixture.given(OPENED, ASSEMBLED).when(new CloseAtDeadline(CASE), PLATFORM).expectSuccessfulHandlerExecution().expectNoEvents();
            clock = Clock.fixed(DEADLINE.plusSeconds(1), ZoneOffset.UTC);
            fixture();
            fixture.given(OPENED, ASSEMBLED, declared("ali", false), declared("cal", false), voted("ali", Vote.APPROVE), voted("cal", Vote.APPROVE))
                    .when(new CloseAtDeadline(CASE), PLATFORM)
                    .expectEvents(new DecisionReached(CASE, "p-1", DecisionOutcome.APPROVED, List.of(
                            new RollEntry("ali", Role.COMMISSIONER, Vote.APPROVE, "ali weighed it", false, null),
                            new RollEntry("bea", Role.COMMISSIONER, null, null, false, null),
                            new RollEntry("cal", Role.CITIZEN, Vote.APPROVE, "cal weighed it", false, null)),
                            new Allocation("fund-1", ASKED), "closed at its deadline", "libraries", List.of("ali")));
        }
    }
}
