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
    void aSubmittedProposalOpensACase() {
        fixture.givenNoPriorActivity().when(new OpenDecisionCase(CASE, "p-1", "Library garden", "libraries", ASKED), PLATFORM)
                .expectEvents(OPENED);
    }

    @Test
    void aProposalHeardAgainOpensNoSecondCase() {
        fixture.given(OPENED).when(new OpenDecisionCase(CASE, "p-1", "Library garden", "libraries", ASKED), PLATFORM)
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void onlyThePlatformOpensACase() {
        fixture.givenNoPriorActivity().when(new OpenDecisionCase(CASE, "p-1", "x", "y", null), ALI)
                .expectNoEvents().expectException(NotPermitted.class).expectExceptionMessage("this is open to [SYSTEM], not to COMMISSIONER");
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
                    .expectNoEvents().expectException(NotPermitted.class)
                    .expectExceptionMessage("only a holder of fund fund-1 assembles a panel that draws on it");
        }

        @Test
        void aPanelHasACitizenMember() {
            refused(new AssemblePanel(CASE, "fund-1", List.of(new PanelMember("ali", Role.COMMISSIONER)), "ali", DEADLINE, null),
                    "a panel has at least one citizen member round the table");
        }

        @Test
        void theChairSitsOnThePanel() {
            refused(new AssemblePanel(CASE, "fund-1", PANEL, "zed", DEADLINE, null), "the chair sits on the panel");
        }

        @Test
        void theDeadlineIsAhead() {
            refused(new AssemblePanel(CASE, "fund-1", PANEL, "ali", NOW.minusSeconds(1), null), "the deadline is in the future");
        }

        @Test
        void membersSitAsCommissionersOrCitizens() {
            refused(new AssemblePanel(CASE, "fund-1", List.of(new PanelMember("ali", Role.COMMISSIONER), new PanelMember("cal", Role.AUDITOR)),
                    "ali", DEADLINE, null), "panel members sit as COMMISSIONER or CITIZEN");
        }

        @Test
        void anAuditorAssemblesNoPanel() {
            fixture.given(OPENED).when(new AssemblePanel(CASE, "fund-1", PANEL, "ali", DEADLINE, null), as("ali", Role.AUDITOR))
                    .expectNoEvents().expectException(NotPermitted.class).expectExceptionMessage("this is open to [COMMISSIONER], not to AUDITOR");
        }

        @Test
        void aCitizenAssemblesNoPanel() {
            fixture.given(OPENED).when(new AssemblePanel(CASE, "fund-1", PANEL, "ali", DEADLINE, null), as("ali", Role.CITIZEN))
                    .expectNoEvents().expectException(NotPermitted.class).expectExceptionMessage("this is open to [COMMISSIONER], not to CITIZEN");
        }

        @Test
        void theFundMustExist() {
            refused(new AssemblePanel(CASE, "no-such-fund", PANEL, "ali", DEADLINE, null), "there is no fund no-such-fund");
        }

        @Test
        void theFundIsNamed() {
            refused(new AssemblePanel(CASE, " ", PANEL, "ali", DEADLINE, null), "fundId must not be blank");
        }

        @Test
        void theFundServesTheCasesArea() {
            fixture.given(new DecisionCaseOpened(CASE, "p-1", "Park benches", "parks", ASKED))
                    .when(new AssemblePanel(CASE, "fund-1", PANEL, "ali", DEADLINE, null), ALI)
                    .expectNoEvents().expectException(InvalidInput.class).expectExceptionMessage("fund fund-1 is for libraries, this case for parks");
        }

        @Test
        void thePanelMaySetTheAmount() {
            Money less = new Money(new BigDecimal("900.00"), "GBP");
            fixture.given(OPENED).when(new AssemblePanel(CASE, "fund-1", PANEL, "ali", DEADLINE, less), ALI)
                    .expectEvents(new PanelAssembled(CASE, PANEL, "ali", DEADLINE, "fund-1", less, "p-1", "libraries"));
        }

        @Test
        void theAmountIsInTheFundsCurrency() {
            refused(new AssemblePanel(CASE, "fund-1", PANEL, "ali", DEADLINE, new Money(new BigDecimal("900.00"), "EUR")),
                    "the fund is in GBP");
        }

        @Test
        void nobodySitsOnThePanelTwice() {
            refused(new AssemblePanel(CASE, "fund-1", List.of(new PanelMember("ali", Role.COMMISSIONER), new PanelMember("ali", Role.CITIZEN)),
                    "ali", DEADLINE, null), "ali is on the panel twice");
        }

        @Test
        void aPanelHasACommissioner() {
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
                    .expectNoEvents().expectException(RuleViolation.class).expectExceptionMessage("the panel is already assembled");
        }

        private void refused(AssemblePanel command, String message) {
            fixture.given(OPENED).when(command, ALI).expectNoEvents().expectException(InvalidInput.class).expectExceptionMessage(message);
        }
    }

    @Nested
    class DeclarationsAndVotes {

        static final String NEEDS_A_CHANGE_REASON =
                "you have declared on this proposal before; a changed declaration needs a changeReason, which is recorded";

        @Test
        void aMemberDeclaresAnInterest() {
            fixture.given(OPENED, ASSEMBLED).when(new DeclareInterest(CASE, true, "my partner runs the garden society", null), BEA)
                    .expectEvents(declared("bea", true));
        }

        @Test
        void membersDeclareBeforeVoting() {
            fixture.given(OPENED, ASSEMBLED).when(new CastVote(CASE, Vote.APPROVE, "good"), BEA)
                    .expectNoEvents().expectException(RuleViolation.class).expectExceptionMessage("panel members declare their interests before voting");
        }

        @Test
        void anInterestRecuses() {
            fixture.given(OPENED, ASSEMBLED, declared("bea", true)).when(new CastVote(CASE, Vote.APPROVE, "good"), BEA)
                    .expectNoEvents().expectException(NotPermitted.class).expectExceptionMessage("you declared an interest and are recused from this case");
        }

        @Test
        void anInterestIsDescribed() {
            fixture.given(OPENED, ASSEMBLED).when(new DeclareInterest(CASE, true, " ", null), BEA)
                    .expectNoEvents().expectException(InvalidInput.class).expectExceptionMessage("description must not be blank");
        }

        @Test
        void aChangedDeclarationNeedsAReason() {
            fixture.given(OPENED, ASSEMBLED, declared("bea", false)).when(new DeclareInterest(CASE, false, null, null), BEA)
                    .expectNoEvents().expectException(InvalidInput.class).expectExceptionMessage(NEEDS_A_CHANGE_REASON);
        }

        @Test
        void aFirstDeclarationHasNoChangeReason() {
            fixture.given(OPENED, ASSEMBLED).when(new DeclareInterest(CASE, false, null, "changed my mind"), BEA)
                    .expectNoEvents().expectException(InvalidInput.class)
                    .expectExceptionMessage("a changeReason is given only when changing an earlier declaration");
        }

        @Test
        void aDeclarationChangesWithItsReason() {
            fixture.given(OPENED, ASSEMBLED, declared("bea", true)).when(new DeclareInterest(CASE, false, null, "my partner left the society"), BEA)
                    .expectEvents(new InterestDeclared(CASE, "bea", false, null, false, "p-1", "my partner left the society"));
        }

        @Test
        void aRecusalHoldsThroughANewPanel() {
            DecisionReached noQuorum = new DecisionReached(CASE, "p-1", DecisionOutcome.NO_QUORUM, List.of(), null, "closed", "libraries");
            fixture.given(OPENED, ASSEMBLED, declared("bea", true), noQuorum, ASSEMBLED)
                    .when(new CastVote(CASE, Vote.APPROVE, "good"), BEA)
                    .expectNoEvents().expectException(NotPermitted.class).expectExceptionMessage("you declared an interest and are recused from this case");
        }

        @Test
        void aDeclarationMadeBeforeANewPanelChangesOnlyWithAReason() {
            DecisionReached noQuorum = new DecisionReached(CASE, "p-1", DecisionOutcome.NO_QUORUM, List.of(), null, "closed", "libraries");
            fixture.given(OPENED, ASSEMBLED, declared("bea", true), noQuorum, ASSEMBLED)
                    .when(new DeclareInterest(CASE, false, null, null), BEA)
                    .expectNoEvents().expectException(InvalidInput.class).expectExceptionMessage(NEEDS_A_CHANGE_REASON);
        }

        @Test
        void aMemberRecusedBeforeANewPanelStandsRecusedOnItsRoll() {
            DecisionReached noQuorum = new DecisionReached(CASE, "p-1", DecisionOutcome.NO_QUORUM, List.of(), null, "closed", "libraries");
            fixture.given(OPENED, ASSEMBLED, declared("ali", false), declared("cal", false), declared("bea", true), noQuorum, ASSEMBLED,
                            voted("ali", Vote.APPROVE), voted("cal", Vote.APPROVE))
                    .when(new CloseDecisionCase(CASE, null), ALI)
                    .expectEventsMatching(payloadsMatching(exactSequenceOf(
                            predicate(e -> e instanceof DecisionReached d && d.outcome() == DecisionOutcome.APPROVED
                                    && d.roll().stream().anyMatch(r -> r.memberId().equals("bea") && r.recused())),
                            andNoMore())));
        }

        @Test
        void onlyPanelMembersDeclare() {
            fixture.given(OPENED, ASSEMBLED).when(new DeclareInterest(CASE, false, null, null), OUTSIDER)
                    .expectNoEvents().expectException(NotPermitted.class).expectExceptionMessage("only the case's panel members do this");
        }

        @Test
        void onlyPanelMembersVote() {
            fixture.given(OPENED, ASSEMBLED).when(new CastVote(CASE, Vote.APPROVE, "yes"), OUTSIDER)
                    .expectNoEvents().expectException(NotPermitted.class).expectExceptionMessage("only the case's panel members do this");
        }

        @Test
        void membersActInTheRoleTheySitIn() {
            fixture.given(OPENED, ASSEMBLED).when(new DeclareInterest(CASE, false, null, null), as("cal", Role.COMMISSIONER))
                    .expectNoEvents().expectException(NotPermitted.class).expectExceptionMessage("you sit on this panel as CITIZEN, not as COMMISSIONER");
        }

        @Test
        void aStaffMemberSitsInACitizensSeat() {
            fixture.given(OPENED, ASSEMBLED).when(new DeclareInterest(CASE, false, null, null), as("cal", Role.STAFF))
                    .expectEvents(new InterestDeclared(CASE, "cal", false, null, false, "p-1"));
        }

        @Test
        void auditorsNeverVote() {
            fixture.given(OPENED, ASSEMBLED, declared("ali", false)).when(new CastVote(CASE, Vote.APPROVE, "reads well"), as("ali", Role.AUDITOR))
                    .expectNoEvents().expectException(NotPermitted.class)
                    .expectExceptionMessage("this is open to [COMMISSIONER, CITIZEN, STAFF], not to AUDITOR");
        }

        @Test
        void aVoteNeedsAChoice() {
            fixture.given(OPENED, ASSEMBLED, declared("cal", false)).when(new CastVote(CASE, null, "undecided"), CAL)
                    .expectNoEvents().expectException(InvalidInput.class).expectExceptionMessage("vote is required");
        }

        @Test
        void nothingIsDeclaredOnceClosed() {
            DecisionReached rejected = new DecisionReached(CASE, "p-1", DecisionOutcome.REJECTED, List.of(), null, "closed", "libraries");
            fixture.given(OPENED, ASSEMBLED, rejected).when(new DeclareInterest(CASE, false, null, null), CAL)
                    .expectNoEvents().expectException(RuleViolation.class).expectExceptionMessage("the case is closed; its decision stands");
        }

        @Test
        void nobodyDeclaresBeforeThereIsAPanel() {
            fixture.given(OPENED).when(new DeclareInterest(CASE, false, null, null), CAL)
                    .expectNoEvents().expectException(NotPermitted.class).expectExceptionMessage("only the case's panel members do this");
        }

        @Test
        void everyVoteHasARationale() {
            fixture.given(OPENED, ASSEMBLED, declared("cal", false)).when(new CastVote(CASE, Vote.APPROVE, " "), CAL)
                    .expectNoEvents().expectException(InvalidInput.class).expectExceptionMessage("rationale must not be blank");
        }

        @Test
        void aChangedVoteKeepsWhatItChanged() {
            fixture.given(OPENED, ASSEMBLED, declared("cal", false), voted("cal", Vote.REJECT))
                    .when(new CastVote(CASE, Vote.APPROVE, "the workshop changed my mind"), CAL)
                    .expectEvents(new VoteCast(CASE, "cal", Vote.APPROVE, "the workshop changed my mind", Vote.REJECT, "p-1"));
        }
    }

    @Nested
    class Closing {

        static final String NO_QUORUM_BEFORE_THE_DEADLINE = "the panel has no quorum and its deadline (" + DEADLINE
                + ") has not passed; the chair closes it now only with a reason, which is recorded";
        static final String STANDS = "the case is closed; its decision stands";

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
        void withoutACitizenVoteThereIsNoQuorum() {
            fixture.given(OPENED, ASSEMBLED, declared("ali", false), declared("bea", false), voted("ali", Vote.APPROVE), voted("bea", Vote.APPROVE))
                    .when(new CloseDecisionCase(CASE, "our citizen member has moved away"), ALI)
                    .expectEvents(new DecisionReached(CASE, "p-1", DecisionOutcome.NO_QUORUM, List.of(
                            new RollEntry("ali", Role.COMMISSIONER, Vote.APPROVE, "ali weighed it", false, null),
                            new RollEntry("bea", Role.COMMISSIONER, Vote.APPROVE, "bea weighed it", false, null),
                            new RollEntry("cal", Role.CITIZEN, null, null, false, null)), null,
                            "closed by the chair without quorum before its deadline: our citizen member has moved away", "libraries"));
            assertThat(fundEvents()).as("nothing allocated").hasSize(1);
        }

        @Test
        void aCaseClosedWithoutQuorumCanBeGivenANewPanel() {
            fixture.given(OPENED, ASSEMBLED, new DecisionReached(CASE, "p-1", DecisionOutcome.NO_QUORUM, List.of(), null, "closed"))
                    .when(new AssemblePanel(CASE, "fund-1", PANEL, "ali", DEADLINE, null), ALI).expectEvents(ASSEMBLED);
        }

        @Test
        void twoVotesOfFiveAreNoQuorum() {
            fixture.given(OPENED, panelOfFive(), declared("ali", false), declared("cal", false), voted("ali", Vote.APPROVE), voted("cal", Vote.APPROVE))
                    .when(new CloseDecisionCase(CASE, null), ALI)
                    .expectNoEvents().expectException(RuleViolation.class).expectExceptionMessage(NO_QUORUM_BEFORE_THE_DEADLINE);
        }

        @Test
        void quorumIsAMajorityOfTheMembersNotRecused() {
            fixture.given(OPENED, panelOfFive(), declared("ali", false), declared("cal", false), declared("bea", true), declared("dan", true),
                            voted("ali", Vote.APPROVE), voted("cal", Vote.APPROVE))
                    .when(new CloseDecisionCase(CASE, null), ALI)
                    .expectEventsMatching(payloadsMatching(
                            exactSequenceOf(
                                    predicate(e -> e instanceof DecisionReached d
                                            && d.outcome() == DecisionOutcome.APPROVED && d.allocation() != null),
                                    andNoMore())));
        }

        private PanelAssembled panelOfFive() {
            List<PanelMember> five = List.of(new PanelMember("ali", Role.COMMISSIONER), new PanelMember("bea", Role.COMMISSIONER),
                    new PanelMember("cal", Role.CITIZEN), new PanelMember("dan", Role.COMMISSIONER), new PanelMember("eve", Role.CITIZEN));
            return new PanelAssembled(CASE, five, "ali", DEADLINE, "fund-1", ASKED, "p-1", "libraries");
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
        void aPanelWhoseCitizenMembersAreRecusedHasNoQuorum() {
            fixture.given(OPENED, ASSEMBLED, declared("ali", false), declared("bea", false), declared("cal", true),
                            voted("ali", Vote.APPROVE), voted("bea", Vote.APPROVE))
                    .when(new CloseDecisionCase(CASE, "our citizen member is recused"), ALI)
                    .expectEventsMatching(payloadsMatching(exactSequenceOf(
                            predicate(e -> e instanceof DecisionReached d && d.outcome() == DecisionOutcome.NO_QUORUM
                                    && d.allocation() == null),
                            andNoMore())));
            assertThat(fundEvents()).as("nothing allocated").hasSize(1);
        }

        @Test
        void aPanelWhoseMembersAreAllRecusedHasNoQuorum() {
            fixture.given(OPENED, ASSEMBLED, declared("ali", true), declared("bea", true), declared("cal", true))
                    .when(new CloseDecisionCase(CASE, "every member is recused"), ALI)
                    .expectEventsMatching(payloadsMatching(exactSequenceOf(
                            predicate(e -> e instanceof DecisionReached d && d.outcome() == DecisionOutcome.NO_QUORUM
                                    && d.roll().stream().allMatch(RollEntry::recused)),
                            andNoMore())));
            assertThat(fundEvents()).as("nothing allocated").hasSize(1);
        }

        @Test
        void withoutQuorumTheChairClosesBeforeTheDeadlineOnlyWithAReason() {
            fixture.given(OPENED, ASSEMBLED, declared("bea", true)).when(new CloseDecisionCase(CASE, null), ALI)
                    .expectNoEvents().expectException(RuleViolation.class).expectExceptionMessage(NO_QUORUM_BEFORE_THE_DEADLINE);
        }

        @Test
        void aBlankReasonIsNoReason() {
            fixture.given(OPENED, ASSEMBLED, declared("bea", true)).when(new CloseDecisionCase(CASE, " "), ALI)
                    .expectNoEvents().expectException(RuleViolation.class).expectExceptionMessage(NO_QUORUM_BEFORE_THE_DEADLINE);
        }

        @Test
        void onceTheDeadlineHasPassedTheChairClosesWithoutQuorumAndWithoutAReason() {
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
            assertThat(fundEvents()).as("nothing allocated").hasSize(1);
        }

        @Test
        void aCaseWithoutAPanelCannotBeClosed() {
            fixture.given(OPENED).when(new CloseDecisionCase(CASE, null), ALI)
                    .expectNoEvents().expectException(RuleViolation.class).expectExceptionMessage("the case has no panel yet");
        }

        @Test
        void aCaseWithoutAPanelHasNoDeadline() {
            fixture.given(OPENED).when(new CloseAtDeadline(CASE), PLATFORM).expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void onlyThePlatformClosesAtTheDeadline() {
            fixture.given(OPENED, ASSEMBLED).when(new CloseAtDeadline(CASE), ALI)
                    .expectNoEvents().expectException(NotPermitted.class).expectExceptionMessage("this is open to [SYSTEM], not to COMMISSIONER");
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
        void onlyTheChairCloses() {
            fixture.given(OPENED, ASSEMBLED).when(new CloseDecisionCase(CASE, null), BEA)
                    .expectNoEvents().expectException(NotPermitted.class).expectExceptionMessage("only the chair closes the case");
        }

        @Test
        void aClosedCaseTakesNoMoreVotes() {
            fixture.given(OPENED, ASSEMBLED, new DecisionReached(CASE, "p-1", DecisionOutcome.REJECTED, List.of(), null, "closed"))
                    .when(new CastVote(CASE, Vote.APPROVE, "too late"), CAL)
                    .expectNoEvents().expectException(RuleViolation.class).expectExceptionMessage(STANDS);
        }

        @Test
        void theChairCannotCloseAnApprovalTheFundCannotMeet() {
            PanelAssembled expensive = new PanelAssembled(CASE, PANEL, "ali", DEADLINE, "fund-1", new Money(new BigDecimal("20000.00"), "GBP"),
                    "p-1", "libraries");
            fixture.given(OPENED, expensive, declared("ali", false), declared("cal", false), voted("ali", Vote.APPROVE), voted("cal", Vote.APPROVE))
                    .when(new CloseDecisionCase(CASE, null), ALI)
                    .expectNoEvents().expectException(RuleViolation.class)
                    .expectExceptionMessage("fund fund-1 holds only 10000.00 GBP; it cannot allocate 20000.00");
            assertThat(fundEvents()).as("nothing allocated").hasSize(1);
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
            assertThat(fundEvents()).as("nothing allocated").hasSize(1);
        }

        @Test
        void withoutQuorumAtTheDeadlineNothingIsDecided() {
            clock = Clock.fixed(DEADLINE.plusSeconds(1), ZoneOffset.UTC);
            fixture();
            fixture.given(OPENED, ASSEMBLED).when(new CloseAtDeadline(CASE), PLATFORM)
                    .expectEvents(new DecisionReached(CASE, "p-1", DecisionOutcome.NO_QUORUM, List.of(
                            new RollEntry("ali", Role.COMMISSIONER, null, null, false, null),
                            new RollEntry("bea", Role.COMMISSIONER, null, null, false, null),
                            new RollEntry("cal", Role.CITIZEN, null, null, false, null)), null, "closed at its deadline", "libraries"));
        }

        @Test
        void aDeadlineThatFoundNoQuorumIsNotDueAgain() {
            clock = Clock.fixed(DEADLINE.plusSeconds(1), ZoneOffset.UTC);
            fixture();
            fixture.given(OPENED, ASSEMBLED, decision(DecisionOutcome.NO_QUORUM, ASSEMBLED, null)).when(new CloseAtDeadline(CASE), PLATFORM)
                    .expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void aCaseWithoutQuorumAwaitsANewPanelBeforeTheChairClosesIt() {
            fixture.given(OPENED, ASSEMBLED, decision(DecisionOutcome.NO_QUORUM, ASSEMBLED, null)).when(new CloseDecisionCase(CASE, null), ALI)
                    .expectNoEvents().expectException(RuleViolation.class).expectExceptionMessage("the case has no panel yet");
        }

        /** The chair's decision on a panel where ali and cal approved and nobody is recused. */
        private DecisionReached decision(DecisionOutcome outcome, PanelAssembled panel, Allocation allocation) {
            return new DecisionReached(CASE, "p-1", outcome, panel.members().stream()
                    .map(m -> new RollEntry(m.memberId(), m.role(), List.of("ali", "cal").contains(m.memberId()) ? Vote.APPROVE : null,
                            List.of("ali", "cal").contains(m.memberId()) ? m.memberId() + " weighed it" : null, false, null))
                    .toList(), allocation, "closed by the chair", "libraries");
        }

        private DecisionReached withdrawn() {
            return new DecisionReached(CASE, "p-1", DecisionOutcome.WITHDRAWN, List.of(
                    new RollEntry("ali", Role.COMMISSIONER, Vote.APPROVE, "ali weighed it", false, null),
                    new RollEntry("bea", Role.COMMISSIONER, null, null, false, null),
                    new RollEntry("cal", Role.CITIZEN, Vote.APPROVE, "cal weighed it", false, null)), null,
                    "the proposal was withdrawn: we found another way", "libraries");
        }

        @Test
        void aWithdrawnProposalClosesItsOpenCaseWithoutADecisionOrMoney() {
            fixture.given(OPENED, ASSEMBLED, declared("ali", false), declared("cal", false), voted("ali", Vote.APPROVE), voted("cal", Vote.APPROVE))
                    .when(new CloseOnWithdrawal(CASE, "we found another way"), PLATFORM)
                    .expectEvents(withdrawn());
            assertThat(fundEvents()).as("nothing allocated").hasSize(1);
        }

        @Test
        void aWithdrawnProposalClosesItsCaseBeforeAPanelSits() {
            fixture.given(OPENED).when(new CloseOnWithdrawal(CASE, null), PLATFORM)
                    .expectEvents(new DecisionReached(CASE, "p-1", DecisionOutcome.WITHDRAWN, List.of(), null, "the proposal was withdrawn",
                            "libraries"));
        }

        @Test
        void aCaseClosedOnWithdrawalTakesNoMoreVotes() {
            fixture.given(OPENED, ASSEMBLED, withdrawn()).when(new CastVote(CASE, Vote.REJECT, "changed my mind"), CAL)
                    .expectNoEvents().expectException(RuleViolation.class).expectExceptionMessage(STANDS);
        }

        @Test
        void aCaseClosedOnWithdrawalHasNoDeadline() {
            fixture.given(OPENED, ASSEMBLED, withdrawn()).when(new CloseAtDeadline(CASE), PLATFORM)
                    .expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void onlyThePlatformClosesACaseOnWithdrawal() {
            fixture.given(OPENED, ASSEMBLED).when(new CloseOnWithdrawal(CASE, null), ALI)
                    .expectNoEvents().expectException(NotPermitted.class).expectExceptionMessage("this is open to [SYSTEM], not to COMMISSIONER");
        }

        @Test
        void aWithdrawalChangesNoDecision() {
            DecisionReached rejected = new DecisionReached(CASE, "p-1", DecisionOutcome.REJECTED, List.of(), null, "closed", "libraries");
            fixture.given(OPENED, ASSEMBLED, rejected).when(new CloseOnWithdrawal(CASE, null), PLATFORM)
                    .expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void theDeadlineClosesNothingBeforeItHasPassed() {
            fixture.given(OPENED, ASSEMBLED).when(new CloseAtDeadline(CASE), PLATFORM).expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void thePassedDeadlineClosesTheCaseWithTheVotesCast() {
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
