package org.roundtable.outcomes.domain;

import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.roundtable.events.Actor;
import org.roundtable.events.Role;
import org.roundtable.events.outcomes.AssetsMobilised;
import org.roundtable.events.outcomes.ContributionExpected;
import org.roundtable.events.outcomes.ContributionReleased;
import org.roundtable.events.outcomes.Direction;
import org.roundtable.events.outcomes.DraftIndicator;
import org.roundtable.events.outcomes.IndicatorDefined;
import org.roundtable.events.outcomes.IndicatorReading;
import org.roundtable.events.outcomes.InitiativeReviewed;
import org.roundtable.events.outcomes.InitiativeStarted;
import org.roundtable.events.outcomes.ProgressReported;
import org.roundtable.events.outcomes.ProviderAssigned;
import org.roundtable.events.outcomes.ReviewDatesScheduled;
import org.roundtable.events.outcomes.ReviewStatus;
import org.roundtable.events.proposals.AssetKind;
import org.roundtable.events.proposals.Money;
import org.roundtable.kit.actor.ActorMetadata;
import org.roundtable.kit.domain.InvalidInput;
import org.roundtable.kit.domain.NotFound;
import org.roundtable.kit.domain.NotPermitted;
import org.roundtable.kit.domain.RuleViolation;
import org.roundtable.outcomes.domain.InitiativeCommands.AssignProvider;
import org.roundtable.outcomes.domain.InitiativeCommands.DefineIndicator;
import org.roundtable.outcomes.domain.InitiativeCommands.ExpectContribution;
import org.roundtable.outcomes.domain.InitiativeCommands.Pledge;
import org.roundtable.outcomes.domain.InitiativeCommands.RecordAssetsGiven;
import org.roundtable.outcomes.domain.InitiativeCommands.ReleaseContribution;
import org.roundtable.outcomes.domain.InitiativeCommands.ReportProgress;
import org.roundtable.outcomes.domain.InitiativeCommands.ReviewInitiative;
import org.roundtable.outcomes.domain.InitiativeCommands.ScheduleReviewDates;
import org.roundtable.outcomes.domain.InitiativeCommands.ShareLivedExperience;
import org.roundtable.outcomes.domain.InitiativeCommands.StartInitiative;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.predicate;

class InitiativeTest {

    static final String CASE = "case-1";
    static final String ID = Initiative.idFor(CASE);
    static final LocalDate TODAY = LocalDate.parse("2027-06-15");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2027-06-15T23:30:00Z"), ZoneOffset.UTC);

    static final MetaData PLATFORM = MetaData.from(ActorMetadata.of(Actor.system("outcomes"), "corr", "event-1"));
    static final MetaData DANA = as("dana", Role.COMMISSIONER);
    static final MetaData FARAH = as("farah", Role.COMMISSIONER);
    static final MetaData GREEN = as("greenshoots", Role.PROVIDER);
    static final MetaData OTHER_PROVIDER = as("other-provider", Role.PROVIDER);
    static final MetaData AMARA = as("amara", Role.CITIZEN);
    static final MetaData CHEN = as("chen", Role.STAFF);
    static final MetaData BILL = as("bill", Role.CITIZEN);
    static final MetaData HANA = as("hana", Role.AUDITOR);

    static final Money FUNDING = new Money(new BigDecimal("1000.00"), "GBP");
    static final Pledge DIGGING = new Pledge("pledge-1", "bill", "Bill Turner", AssetKind.TIME, "Two hours of digging a week", 8);
    static final Pledge VENUE = new Pledge("pledge-2", "chen", null, AssetKind.PLACE, "The staff room on Saturdays", null);
    static final StartInitiative START = new StartInitiative(ID, "p-1", CASE, "Library garden", "libraries", FUNDING,
            List.of("More connection between neighbours", "Fewer people feeling alone"), List.of("amara", "chen"), List.of(DIGGING), List.of("dana"));

    static final InitiativeStarted STARTED = new InitiativeStarted(ID, "p-1", CASE, "Library garden", "libraries", FUNDING,
            List.of(new DraftIndicator("indicator-1", "More connection between neighbours"),
                    new DraftIndicator("indicator-2", "Fewer people feeling alone")), List.of("amara", "chen"), List.of("dana"));
    static final ContributionExpected DIGGING_EXPECTED = new ContributionExpected(ID, "pledge-1", "bill", "Bill Turner", AssetKind.TIME,
            "Two hours of digging a week", 8);
    static final ProviderAssigned ASSIGNED = new ProviderAssigned(ID, "greenshoots", "Green Shoots CIC");
    static final IndicatorDefined CONNECTION = new IndicatorDefined(ID, "indicator-1", "More connection between neighbours",
            "neighbours known by name", new BigDecimal("3"), new BigDecimal("10"), Direction.HIGHER_IS_BETTER);
    static final IndicatorDefined LONELINESS = new IndicatorDefined(ID, "indicator-2", "Fewer people feeling alone",
            "% feeling alone", new BigDecimal("40"), new BigDecimal("25"), Direction.LOWER_IS_BETTER);

    AggregateTestFixture<Initiative> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(Initiative.class);
        fixture.registerInjectableResource(CLOCK);
    }

    static MetaData as(String subject, Role role) {
        return MetaData.from(ActorMetadata.of(Actor.of(subject, role), "corr", null));
    }

    static Matcher<Exception> invalid(String field) {
        return predicate(e -> e instanceof InvalidInput input && input.field().equals(field));
    }

    static ProgressReported reported(String reportId, LocalDate observedOn, boolean lived, IndicatorReading... readings) {
        return new ProgressReported(ID, reportId, List.of(readings), "what we saw", observedOn, TODAY, lived);
    }

    static IndicatorReading reading(String indicatorId, String value) {
        return new IndicatorReading(indicatorId, new BigDecimal(value));
    }

    static ReportProgress report(String reportId, LocalDate observedOn, IndicatorReading... readings) {
        return new ReportProgress(ID, reportId, Arrays.asList(readings), "what we saw", observedOn);
    }

    static ShareLivedExperience lived(String reportId, LocalDate observedOn, IndicatorReading... readings) {
        return new ShareLivedExperience(ID, reportId, Arrays.asList(readings), "what we saw", observedOn);
    }

    /** Refused: the exception of the kind given, and nothing stored. */
    static void refused(ResultValidator<Initiative> result, Class<? extends Exception> refusal) {
        result.expectException(refusal).expectNoEvents();
    }

    static void refused(ResultValidator<Initiative> result, Matcher<Exception> refusal) {
        result.expectException(refusal).expectNoEvents();
    }

    @Nested
    class Starting {

        @Test
        void anApprovalStartsTheInitiativeWithItsOutcomesAsDraftIndicatorsAndItsPledgesExpected() {
            fixture.givenNoPriorActivity().when(START, PLATFORM).expectEvents(STARTED, DIGGING_EXPECTED);
        }

        @Test
        void startingAgainChangesNothing() {
            fixture.given(STARTED, DIGGING_EXPECTED).when(START, PLATFORM).expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void onlyThePlatformStartsAnInitiative() {
            refused(fixture.givenNoPriorActivity().when(START, DANA), NotPermitted.class);
        }

        @Test
        void theSameCaseAlwaysGivesTheSameInitiative() {
            assertThat(Initiative.idFor(CASE)).isEqualTo(ID);
            assertThat(Initiative.idFor("case-2")).isNotEqualTo(ID);
        }
    }

    @Nested
    class Providers {

        @Test
        void onlyACommissionerWhoManagesTheInitiativeAssignsOne() {
            refused(fixture.given(STARTED).when(new AssignProvider(ID, "greenshoots", "Green Shoots CIC"), FARAH), NotPermitted.class);
            refused(fixture.given(new InitiativeStarted(ID, "p-1", CASE, "Library garden", "libraries", FUNDING, List.of(), List.of()))
                    .when(new AssignProvider(ID, "greenshoots", "Green Shoots CIC"), DANA), NotPermitted.class);
        }

        @Test
        void aCommissionerAssignsTheProvider() {
            fixture.given(STARTED).when(new AssignProvider(ID, " greenshoots ", "Green Shoots CIC"), DANA).expectEvents(ASSIGNED);
        }

        @Test
        void nobodyElseAssignsOne() {
            refused(fixture.given(STARTED).when(new AssignProvider(ID, "greenshoots", "Green Shoots CIC"), GREEN), NotPermitted.class);
            refused(fixture.given(STARTED).when(new AssignProvider(ID, "greenshoots", "Green Shoots CIC"), HANA), NotPermitted.class);
        }

        @Test
        void aProviderNeedsAnIdAndAName() {
            refused(fixture.given(STARTED).when(new AssignProvider(ID, " ", "Green Shoots CIC"), DANA), invalid("providerId"));
            refused(fixture.given(STARTED).when(new AssignProvider(ID, "greenshoots", null), DANA), invalid("providerName"));
        }
    }

    @Nested
    class Indicators {

        @Test
        void aCommissionerDefinesADraftIndicatorKeepingItsName() {
            fixture.given(STARTED).when(new DefineIndicator(ID, "indicator-1", null, "neighbours known by name", new BigDecimal("3"),
                    new BigDecimal("10.000"), Direction.HIGHER_IS_BETTER), DANA).expectEvents(CONNECTION);
        }

        @Test
        void lowerIsBetterTargetsLieBelowTheBaseline() {
            fixture.given(STARTED).when(new DefineIndicator(ID, "indicator-2", null, "% feeling alone", new BigDecimal("40"),
                    new BigDecimal("25"), Direction.LOWER_IS_BETTER), DANA).expectEvents(LONELINESS);
        }

        @Test
        void aTargetMayEqualTheBaselineAndTheNameMayChange() {
            fixture.given(STARTED).when(new DefineIndicator(ID, "indicator-1", "Neighbours who know each other", "people",
                    new BigDecimal("12"), new BigDecimal("12"), Direction.HIGHER_IS_BETTER), DANA)
                    .expectEvents(new IndicatorDefined(ID, "indicator-1", "Neighbours who know each other", "people", new BigDecimal("12"),
                            new BigDecimal("12"), Direction.HIGHER_IS_BETTER));
        }

        @Test
        void aTargetOnTheWrongSideOfTheBaselineIsRefused() {
            refused(fixture.given(STARTED).when(new DefineIndicator(ID, "indicator-1", null, "people", new BigDecimal("10"),
                    new BigDecimal("3"), Direction.HIGHER_IS_BETTER), DANA), invalid("target"));
            refused(fixture.given(STARTED).when(new DefineIndicator(ID, "indicator-2", null, "%", new BigDecimal("25"),
                    new BigDecimal("40"), Direction.LOWER_IS_BETTER), DANA), invalid("target"));
        }

        @Test
        void everyPartOfADefinitionIsRequiredAndSane() {
            BigDecimal three = new BigDecimal("3");
            BigDecimal ten = BigDecimal.TEN;
            refused(fixture.given(STARTED).when(new DefineIndicator(ID, "indicator-1", null, " ", three, ten, Direction.HIGHER_IS_BETTER), DANA),
                    invalid("unit"));
            refused(fixture.given(STARTED).when(new DefineIndicator(ID, "indicator-1", " ", "people", three, ten, Direction.HIGHER_IS_BETTER), DANA),
                    invalid("name"));
            refused(fixture.given(STARTED).when(new DefineIndicator(ID, "indicator-1", null, "people", null, ten, Direction.HIGHER_IS_BETTER), DANA),
                    invalid("baseline"));
            refused(fixture.given(STARTED).when(new DefineIndicator(ID, "indicator-1", null, "people", three, null, Direction.HIGHER_IS_BETTER), DANA),
                    invalid("target"));
            refused(fixture.given(STARTED).when(new DefineIndicator(ID, "indicator-1", null, "people", three, ten, null), DANA),
                    invalid("direction"));
            refused(fixture.given(STARTED).when(new DefineIndicator(ID, "indicator-1", null, "people", new BigDecimal("3.00001"), ten,
                    Direction.HIGHER_IS_BETTER), DANA), invalid("baseline"));
            refused(fixture.given(STARTED).when(new DefineIndicator(ID, "indicator-1", null, "people", three, new BigDecimal("1e13"),
                    Direction.HIGHER_IS_BETTER), DANA), invalid("target"));
        }

        @Test
        void anUnknownIndicatorIsNotFound() {
            refused(fixture.given(STARTED).when(new DefineIndicator(ID, "indicator-9", null, "people", BigDecimal.ONE, BigDecimal.TEN,
                    Direction.HIGHER_IS_BETTER), DANA), NotFound.class);
        }

        @Test
        void onlyACommissionerDefinesIndicators() {
            refused(fixture.given(STARTED, ASSIGNED).when(new DefineIndicator(ID, "indicator-1", null, "people", BigDecimal.ONE, BigDecimal.TEN,
                    Direction.HIGHER_IS_BETTER), GREEN), NotPermitted.class);
        }
    }

    @Nested
    class ReviewDates {

        @Test
        void aCommissionerSchedulesReviewDatesInOrder() {
            fixture.given(STARTED).when(new ScheduleReviewDates(ID, List.of(TODAY.plusMonths(6), TODAY, TODAY.plusMonths(3))), DANA)
                    .expectEvents(new ReviewDatesScheduled(ID, List.of(TODAY, TODAY.plusMonths(3), TODAY.plusMonths(6))));
        }

        @Test
        void datesAreInTheFutureOnceEachAndThereIsAtLeastOne() {
            refused(fixture.given(STARTED).when(new ScheduleReviewDates(ID, List.of(TODAY.plusDays(1), TODAY.minusDays(1))), DANA),
                    invalid("reviewDates[1]"));
            refused(fixture.given(STARTED).when(new ScheduleReviewDates(ID, List.of(TODAY.plusDays(1), TODAY.plusDays(1))), DANA),
                    invalid("reviewDates[1]"));
            refused(fixture.given(STARTED).when(new ScheduleReviewDates(ID, Arrays.asList(TODAY, null)), DANA), invalid("reviewDates[1]"));
            refused(fixture.given(STARTED).when(new ScheduleReviewDates(ID, List.of()), DANA), invalid("reviewDates"));
            refused(fixture.given(STARTED).when(new ScheduleReviewDates(ID, null), DANA), invalid("reviewDates"));
            List<LocalDate> tooMany = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                tooMany.add(TODAY.plusMonths(i));
            }
            refused(fixture.given(STARTED).when(new ScheduleReviewDates(ID, tooMany), DANA), invalid("reviewDates"));
        }

        @Test
        void onlyACommissionerSchedulesReviews() {
            refused(fixture.given(STARTED, ASSIGNED).when(new ScheduleReviewDates(ID, List.of(TODAY)), GREEN), NotPermitted.class);
        }
    }

    @Nested
    class ProgressReports {

        @Test
        void theAssignedProviderReportsAndALateReportKeepsItsRealDate() {
            fixture.given(STARTED, ASSIGNED, CONNECTION)
                    .when(report("r-1", TODAY.minusDays(20), reading("indicator-1", "5.50")), GREEN)
                    .expectEvents(reported("r-1", TODAY.minusDays(20), false, reading("indicator-1", "5.5")));
        }

        @Test
        void citizensAndStaffReportLivedExperience() {
            fixture.given(STARTED, CONNECTION).when(lived("r-2", TODAY, reading("indicator-1", "4")), BILL)
                    .expectEvents(reported("r-2", TODAY, true, reading("indicator-1", "4")));
            fixture.given(STARTED, CONNECTION).when(lived("r-3", TODAY, reading("indicator-1", "4")), CHEN)
                    .expectEvents(reported("r-3", TODAY, true, reading("indicator-1", "4")));
        }

        @Test
        void onlyTheAssignedProviderReportsProgressAndProvidersDoNotShareLivedExperience() {
            refused(fixture.given(STARTED, ASSIGNED, CONNECTION).when(report("r-1", TODAY, reading("indicator-1", "5")), BILL), NotPermitted.class);
            refused(fixture.given(STARTED, ASSIGNED, CONNECTION).when(lived("r-1", TODAY, reading("indicator-1", "5")), GREEN), NotPermitted.class);
        }

        @Test
        void aProviderThatIsNotAssignedCannotReport() {
            refused(fixture.given(STARTED, ASSIGNED, CONNECTION).when(report("r-1", TODAY, reading("indicator-1", "5")), OTHER_PROVIDER),
                    NotPermitted.class);
            refused(fixture.given(STARTED, CONNECTION).when(report("r-1", TODAY, reading("indicator-1", "5")), GREEN), NotPermitted.class);
        }

        @Test
        void commissionersAndAuditorsDoNotReport() {
            refused(fixture.given(STARTED, CONNECTION).when(report("r-1", TODAY, reading("indicator-1", "5")), DANA), NotPermitted.class);
            refused(fixture.given(STARTED, CONNECTION).when(report("r-1", TODAY, reading("indicator-1", "5")), HANA), NotPermitted.class);
            refused(fixture.given(STARTED, CONNECTION).when(lived("r-1", TODAY, reading("indicator-1", "5")), DANA), NotPermitted.class);
        }

        @Test
        void readingsAreValidatedAgainstTheIndicators() {
            refused(fixture.given(STARTED, CONNECTION).when(lived("r-1", TODAY, reading("indicator-9", "5")), BILL),
                    invalid("readings[0].indicatorId"));
            refused(fixture.given(STARTED, CONNECTION).when(lived("r-1", TODAY, reading("indicator-2", "5")), BILL), RuleViolation.class);
            refused(fixture.given(STARTED, CONNECTION).when(lived("r-1", TODAY, reading("indicator-1", "5"), reading("indicator-1", "6")), BILL),
                    invalid("readings[1].indicatorId"));
            refused(fixture.given(STARTED, CONNECTION).when(lived("r-1", TODAY, new IndicatorReading("indicator-1", null)), BILL),
                    invalid("readings[0].value"));
            refused(fixture.given(STARTED, CONNECTION).when(lived("r-1", TODAY, reading("indicator-1", "5.12345")), BILL),
                    invalid("readings[0].value"));
            refused(fixture.given(STARTED, CONNECTION).when(lived("r-1", TODAY), BILL), invalid("readings"));
            refused(fixture.given(STARTED, CONNECTION).when(new ShareLivedExperience(ID, "r-1", null, "x", TODAY), BILL), invalid("readings"));
            List<IndicatorReading> tooMany = new ArrayList<>();
            for (int i = 0; i < 51; i++) {
                tooMany.add(reading("indicator-1", "1"));
            }
            refused(fixture.given(STARTED, CONNECTION).when(new ShareLivedExperience(ID, "r-1", tooMany, "x", TODAY), BILL), invalid("readings"));
            refused(fixture.given(STARTED, CONNECTION).when(lived("r-1", TODAY, reading("indicator-1", "-1e13")), BILL),
                    invalid("readings[0].value"));
        }

        @Test
        void aReportHasANarrativeAndADayThatIsNotInTheFuture() {
            refused(fixture.given(STARTED, CONNECTION).when(new ShareLivedExperience(ID, "r-1", List.of(reading("indicator-1", "5")), " ", TODAY), BILL),
                    invalid("narrative"));
            refused(fixture.given(STARTED, CONNECTION).when(lived("r-1", TODAY.plusDays(1), reading("indicator-1", "5")), BILL),
                    invalid("observedOn"));
            refused(fixture.given(STARTED, CONNECTION).when(lived("r-1", null, reading("indicator-1", "5")), BILL), invalid("observedOn"));
        }

        @Test
        void aReportIsRecordedOnce() {
            refused(fixture.given(STARTED, CONNECTION, reported("r-1", TODAY, true, reading("indicator-1", "4")))
                    .when(lived("r-1", TODAY, reading("indicator-1", "5")), BILL), RuleViolation.class);
        }
    }

    @Nested
    class Contributions {

        @Test
        void aPledgeHeardAfterTheStartIsExpectedOnce() {
            fixture.given(STARTED).when(new ExpectContribution(ID, VENUE), PLATFORM)
                    .expectEvents(new ContributionExpected(ID, "pledge-2", "chen", null, AssetKind.PLACE, "The staff room on Saturdays", null));
            fixture.given(STARTED, DIGGING_EXPECTED).when(new ExpectContribution(ID, DIGGING), PLATFORM)
                    .expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void aWithdrawnPledgeIsReleasedOnce() {
            fixture.given(STARTED, DIGGING_EXPECTED).when(new ReleaseContribution(ID, "pledge-1"), PLATFORM)
                    .expectEvents(new ContributionReleased(ID, "pledge-1"));
            fixture.given(STARTED, DIGGING_EXPECTED, new ContributionReleased(ID, "pledge-1")).when(new ReleaseContribution(ID, "pledge-1"), PLATFORM)
                    .expectSuccessfulHandlerExecution().expectNoEvents();
            fixture.given(STARTED).when(new ReleaseContribution(ID, "pledge-9"), PLATFORM).expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void onlyThePlatformExpectsAndReleases() {
            refused(fixture.given(STARTED).when(new ExpectContribution(ID, VENUE), DANA), NotPermitted.class);
            refused(fixture.given(STARTED, DIGGING_EXPECTED).when(new ReleaseContribution(ID, "pledge-1"), AMARA), NotPermitted.class);
        }

        @Test
        void aClosedInitiativeExpectsNothingMore() {
            InitiativeReviewed stopped = new InitiativeReviewed(ID, ReviewStatus.STOPPED, "the garden closed", null);
            fixture.given(STARTED, DIGGING_EXPECTED, stopped).when(new ExpectContribution(ID, VENUE), PLATFORM)
                    .expectSuccessfulHandlerExecution().expectNoEvents();
            fixture.given(STARTED, DIGGING_EXPECTED, stopped).when(new ReleaseContribution(ID, "pledge-1"), PLATFORM)
                    .expectSuccessfulHandlerExecution().expectNoEvents();
        }
    }

    @Nested
    class AssetsGiven {

        static RecordAssetsGiven given(String pledgeId, String participantId, AssetKind kind, String hours, LocalDate on) {
            return new RecordAssetsGiven(ID, "m-1", pledgeId, participantId, kind, "Dug the raised beds", hours == null ? null : new BigDecimal(hours), on);
        }

        @Test
        void theProviderRecordsAPledgeFulfilledInTheNameThePledgeCarries() {
            fixture.given(STARTED, ASSIGNED, DIGGING_EXPECTED).when(given("pledge-1", null, null, "6.5", TODAY), GREEN)
                    .expectEvents(new AssetsMobilised(ID, "m-1", "pledge-1", "bill", "Bill Turner", AssetKind.TIME, "Dug the raised beds",
                            new BigDecimal("6.5"), TODAY));
        }

        @Test
        void aCoDesignerRecordsWhatWasGivenWithoutAPledge() {
            fixture.given(STARTED).when(given(null, null, AssetKind.PLACE, null, TODAY.minusDays(3)), AMARA)
                    .expectEvents(new AssetsMobilised(ID, "m-1", null, "amara", null, AssetKind.PLACE, "Dug the raised beds", null,
                            TODAY.minusDays(3)));
            fixture.given(STARTED).when(given(null, "bill", AssetKind.SKILL, null, TODAY), CHEN)
                    .expectEvents(new AssetsMobilised(ID, "m-1", null, "bill", null, AssetKind.SKILL, "Dug the raised beds", null, TODAY));
        }

        @Test
        void onlyTheAssignedProviderAndCoDesignersRecordAssetsGiven() {
            refused(fixture.given(STARTED, ASSIGNED).when(given(null, null, AssetKind.SKILL, null, TODAY), BILL), NotPermitted.class);
            refused(fixture.given(STARTED, ASSIGNED).when(given(null, null, AssetKind.SKILL, null, TODAY), OTHER_PROVIDER), NotPermitted.class);
            refused(fixture.given(STARTED).when(given(null, null, AssetKind.SKILL, null, TODAY), GREEN), NotPermitted.class);
            refused(fixture.given(STARTED, ASSIGNED).when(given(null, null, AssetKind.SKILL, null, TODAY), DANA), NotPermitted.class);
            refused(fixture.given(STARTED, ASSIGNED).when(given(null, null, AssetKind.SKILL, null, TODAY), HANA), NotPermitted.class);
        }

        @Test
        void thePledgeMustBeExpectedAndNotWithdrawn() {
            refused(fixture.given(STARTED, ASSIGNED).when(given("pledge-9", null, null, "2", TODAY), GREEN), invalid("pledgeId"));
            refused(fixture.given(STARTED, ASSIGNED, DIGGING_EXPECTED, new ContributionReleased(ID, "pledge-1"))
                    .when(given("pledge-1", null, null, "2", TODAY), GREEN), RuleViolation.class);
        }

        @Test
        void whatWasGivenIsDescribedSanely() {
            refused(fixture.given(STARTED, ASSIGNED).when(given(null, null, AssetKind.TIME, null, TODAY), GREEN), invalid("hours"));
            refused(fixture.given(STARTED, ASSIGNED).when(given(null, null, AssetKind.TIME, "0", TODAY), GREEN), invalid("hours"));
            refused(fixture.given(STARTED, ASSIGNED).when(given(null, null, AssetKind.TIME, "1.125", TODAY), GREEN), invalid("hours"));
            refused(fixture.given(STARTED, ASSIGNED).when(given(null, null, null, null, TODAY), GREEN), invalid("kind"));
            refused(fixture.given(STARTED, ASSIGNED).when(given(null, null, AssetKind.SKILL, null, TODAY.plusDays(1)), GREEN), invalid("givenOn"));
            refused(fixture.given(STARTED, ASSIGNED).when(new RecordAssetsGiven(ID, "m-1", null, null, AssetKind.SKILL, " ", null, TODAY), GREEN),
                    invalid("description"));
            refused(fixture.given(STARTED, ASSIGNED).when(given(null, null, AssetKind.TIME, "10000.5", TODAY), GREEN), invalid("hours"));
            refused(fixture.given(STARTED, ASSIGNED).when(given(null, " ", AssetKind.SKILL, null, TODAY), GREEN), invalid("participantId"));
            refused(fixture.given(STARTED, ASSIGNED).when(given(null, null, AssetKind.SKILL, null, null), GREEN), invalid("givenOn"));
        }

        @Test
        void whatWasGivenIsRecordedOnce() {
            refused(fixture.given(STARTED, ASSIGNED, new AssetsMobilised(ID, "m-1", null, "greenshoots", null, AssetKind.PLACE, "Hall", null, TODAY))
                    .when(given(null, null, AssetKind.SKILL, null, TODAY), GREEN), RuleViolation.class);
        }
    }

    @Nested
    class Reviews {

        static final ProgressReported CONNECTION_MET = reported("r-1", TODAY.minusDays(2), false, reading("indicator-1", "11"));
        static final ProgressReported LONELINESS_MET = reported("r-2", TODAY.minusDays(2), false, reading("indicator-2", "25"));

        @Test
        void aCommissionerReviewsWithAReason() {
            fixture.given(STARTED).when(new ReviewInitiative(ID, ReviewStatus.AT_RISK, "no provider yet", null), DANA)
                    .expectEvents(new InitiativeReviewed(ID, ReviewStatus.AT_RISK, "no provider yet", null));
        }

        @Test
        void aReviewHasAStatusAndAReasonAndAnOverrideOnlyForAchieved() {
            refused(fixture.given(STARTED).when(new ReviewInitiative(ID, ReviewStatus.ON_TRACK, " ", null), DANA), invalid("reason"));
            refused(fixture.given(STARTED).when(new ReviewInitiative(ID, null, "fine", null), DANA), invalid("status"));
            refused(fixture.given(STARTED).when(new ReviewInitiative(ID, ReviewStatus.ON_TRACK, "fine", "because"), DANA), invalid("overrideReason"));
        }

        @Test
        void onlyACommissionerReviews() {
            refused(fixture.given(STARTED, ASSIGNED).when(new ReviewInitiative(ID, ReviewStatus.ON_TRACK, "fine", null), GREEN), NotPermitted.class);
            refused(fixture.given(STARTED).when(new ReviewInitiative(ID, ReviewStatus.ON_TRACK, "fine", null), HANA), NotPermitted.class);
        }

        @Test
        void onlyACommissionerWhoManagesTheInitiativeReviewsOrDefinesOrSchedules() {
            refused(fixture.given(STARTED).when(new ReviewInitiative(ID, ReviewStatus.ON_TRACK, "fine", null), FARAH), NotPermitted.class);
            refused(fixture.given(STARTED).when(new DefineIndicator(ID, "indicator-1", null, "people", BigDecimal.ONE, BigDecimal.TEN,
                    Direction.HIGHER_IS_BETTER), FARAH), NotPermitted.class);
            refused(fixture.given(STARTED).when(new ScheduleReviewDates(ID, List.of(TODAY)), FARAH), NotPermitted.class);
        }

        @Test
        void livedExperienceIsNeverTheLatestValueNorTheGroundOfAchieved() {
            ProgressReported livedMet = reported("r-6", TODAY, true, reading("indicator-1", "40"));
            ProgressReported livedLonelinessMet = reported("r-7", TODAY, true, reading("indicator-2", "10"));
            refused(fixture.given(STARTED, CONNECTION, LONELINESS, livedMet, livedLonelinessMet)
                    .when(new ReviewInitiative(ID, ReviewStatus.ACHIEVED, "citizens say so", null), DANA), RuleViolation.class);
            ProgressReported providerShort = reported("r-8", TODAY.minusDays(5), false, reading("indicator-1", "5"));
            refused(fixture.given(STARTED, CONNECTION, LONELINESS, LONELINESS_MET, providerShort, livedMet)
                    .when(new ReviewInitiative(ID, ReviewStatus.ACHIEVED, "citizens say so", null), DANA), RuleViolation.class);
        }

        @Test
        void achievedWhenEveryTargetIsMetNeedsNoOverride() {
            fixture.given(STARTED, CONNECTION, LONELINESS, CONNECTION_MET, LONELINESS_MET)
                    .when(new ReviewInitiative(ID, ReviewStatus.ACHIEVED, "every target met", "not needed"), DANA)
                    .expectEvents(new InitiativeReviewed(ID, ReviewStatus.ACHIEVED, "every target met", null));
        }

        @Test
        void achievedWithATargetUnmetIsRefusedWithoutAnOverride() {
            ProgressReported shortOfTarget = reported("r-3", TODAY, false, reading("indicator-2", "30"));
            refused(fixture.given(STARTED, CONNECTION, LONELINESS, CONNECTION_MET, shortOfTarget)
                    .when(new ReviewInitiative(ID, ReviewStatus.ACHIEVED, "good enough", null), DANA), RuleViolation.class);
            fixture.given(STARTED, CONNECTION, LONELINESS, CONNECTION_MET, shortOfTarget)
                    .when(new ReviewInitiative(ID, ReviewStatus.ACHIEVED, "good enough", "loneliness fell by a third; the panel accepts it"), DANA)
                    .expectEvents(new InitiativeReviewed(ID, ReviewStatus.ACHIEVED, "good enough",
                            "loneliness fell by a third; the panel accepts it"));
        }

        @Test
        void indicatorsNotDefinedOrNotReportedAreNotMet() {
            refused(fixture.given(STARTED, CONNECTION, CONNECTION_MET)
                    .when(new ReviewInitiative(ID, ReviewStatus.ACHIEVED, "done", null), DANA), RuleViolation.class);
            refused(fixture.given(STARTED, CONNECTION, LONELINESS, CONNECTION_MET)
                    .when(new ReviewInitiative(ID, ReviewStatus.ACHIEVED, "done", null), DANA), RuleViolation.class);
        }

        @Test
        void theLatestValueIsTheOneObservedLastNotTheOneReportedLast() {
            ProgressReported lateAndLow = reported("r-4", TODAY.minusDays(30), false, reading("indicator-1", "4"));
            fixture.given(STARTED, CONNECTION, LONELINESS, CONNECTION_MET, LONELINESS_MET, lateAndLow)
                    .when(new ReviewInitiative(ID, ReviewStatus.ACHIEVED, "every target met", null), DANA)
                    .expectEvents(new InitiativeReviewed(ID, ReviewStatus.ACHIEVED, "every target met", null));
            ProgressReported newerAndLow = reported("r-5", TODAY, false, reading("indicator-1", "4"));
            refused(fixture.given(STARTED, CONNECTION, LONELINESS, CONNECTION_MET, LONELINESS_MET, newerAndLow)
                    .when(new ReviewInitiative(ID, ReviewStatus.ACHIEVED, "done", null), DANA), RuleViolation.class);
        }

        @Test
        void anAchievedOrStoppedInitiativeChangesNoMore() {
            InitiativeReviewed stopped = new InitiativeReviewed(ID, ReviewStatus.STOPPED, "the garden closed", null);
            InitiativeReviewed achieved = new InitiativeReviewed(ID, ReviewStatus.ACHIEVED, "done", "accepted");
            refused(fixture.given(STARTED, stopped).when(new ReviewInitiative(ID, ReviewStatus.ON_TRACK, "reopen", null), DANA), RuleViolation.class);
            refused(fixture.given(STARTED, achieved).when(new AssignProvider(ID, "greenshoots", "Green Shoots CIC"), DANA), RuleViolation.class);
            refused(fixture.given(STARTED, CONNECTION, stopped).when(lived("r-9", TODAY, reading("indicator-1", "5")), BILL), RuleViolation.class);
            refused(fixture.given(STARTED, stopped).when(new DefineIndicator(ID, "indicator-1", null, "people", BigDecimal.ONE, BigDecimal.TEN,
                    Direction.HIGHER_IS_BETTER), DANA), RuleViolation.class);
            refused(fixture.given(STARTED, stopped).when(new ScheduleReviewDates(ID, List.of(TODAY)), DANA), RuleViolation.class);
            refused(fixture.given(STARTED, stopped).when(AssetsGiven.given(null, null, AssetKind.SKILL, null, TODAY), AMARA), RuleViolation.class);
        }

        @Test
        void anOnTrackReviewKeepsTheInitiativeOpen() {
            fixture.given(STARTED, CONNECTION, new InitiativeReviewed(ID, ReviewStatus.ON_TRACK, "fine", null))
                    .when(lived("r-9", TODAY, reading("indicator-1", "5")), BILL)
                    .expectEvents(reported("r-9", TODAY, true, reading("indicator-1", "5")));
        }
    }
}
