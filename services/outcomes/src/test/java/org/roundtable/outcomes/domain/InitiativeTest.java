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

    static final String ONLY_MANAGERS = "only the holders of the fund that paid for this initiative, and the commissioners who sat on "
            + "the panel that approved it and were not recused, manage it";

    /** Refused for this reason: the exception of the kind given, with this message, and nothing stored. */
    static void refused(ResultValidator<Initiative> result, Class<? extends Exception> refusal, String reason) {
        result.expectNoEvents().expectException(refusal).expectExceptionMessage(reason);
    }

    /** Refused as invalid input naming this field, and nothing stored. */
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
            refused(fixture.givenNoPriorActivity().when(START, DANA), NotPermitted.class, "this is open to [SYSTEM], not to COMMISSIONER");
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
        void aCommissionerWhoDoesNotManageTheInitiativeAssignsNone() {
            refused(fixture.given(STARTED).when(new AssignProvider(ID, "greenshoots", "Green Shoots CIC"), FARAH), NotPermitted.class,
                    ONLY_MANAGERS);
        }

        @Test
        void anInitiativeWithoutManagersHasNoProviderAssigned() {
            refused(fixture.given(new InitiativeStarted(ID, "p-1", CASE, "Library garden", "libraries", FUNDING, List.of(), List.of()))
                    .when(new AssignProvider(ID, "greenshoots", "Green Shoots CIC"), DANA), NotPermitted.class, ONLY_MANAGERS);
        }

        @Test
        void aCommissionerAssignsTheProvider() {
            fixture.given(STARTED).when(new AssignProvider(ID, " greenshoots ", "Green Shoots CIC"), DANA).expectEvents(ASSIGNED);
        }

        @Test
        void aProviderAssignsNone() {
            refused(fixture.given(STARTED).when(new AssignProvider(ID, "greenshoots", "Green Shoots CIC"), GREEN), NotPermitted.class,
                    "this is open to [COMMISSIONER], not to PROVIDER");
        }

        @Test
        void anAuditorAssignsNone() {
            refused(fixture.given(STARTED).when(new AssignProvider(ID, "greenshoots", "Green Shoots CIC"), HANA), NotPermitted.class,
                    "this is open to [COMMISSIONER], not to AUDITOR");
        }

        @Test
        void aProviderNeedsAnId() {
            refused(fixture.given(STARTED).when(new AssignProvider(ID, " ", "Green Shoots CIC"), DANA), invalid("providerId"));
        }

        @Test
        void aProviderNeedsAName() {
            refused(fixture.given(STARTED).when(new AssignProvider(ID, "greenshoots", null), DANA), invalid("providerName"));
        }
    }

    @Nested
    class Indicators {

        static final BigDecimal THREE = new BigDecimal("3");

        private ResultValidator<Initiative> defining(String name, String unit, BigDecimal baseline, BigDecimal target, Direction direction) {
            return fixture.given(STARTED).when(new DefineIndicator(ID, "indicator-1", name, unit, baseline, target, direction), DANA);
        }

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
        void whereHigherIsBetterTheTargetIsNotBelowTheBaseline() {
            refused(defining(null, "people", BigDecimal.TEN, THREE, Direction.HIGHER_IS_BETTER), invalid("target"));
        }

        @Test
        void whereLowerIsBetterTheTargetIsNotAboveTheBaseline() {
            refused(fixture.given(STARTED).when(new DefineIndicator(ID, "indicator-2", null, "%", new BigDecimal("25"),
                    new BigDecimal("40"), Direction.LOWER_IS_BETTER), DANA), invalid("target"));
        }

        @Test
        void anIndicatorHasAUnit() {
            refused(defining(null, " ", THREE, BigDecimal.TEN, Direction.HIGHER_IS_BETTER), invalid("unit"));
        }

        @Test
        void aNewNameIsNotBlank() {
            refused(defining(" ", "people", THREE, BigDecimal.TEN, Direction.HIGHER_IS_BETTER), invalid("name"));
        }

        @Test
        void anIndicatorHasABaseline() {
            refused(defining(null, "people", null, BigDecimal.TEN, Direction.HIGHER_IS_BETTER), invalid("baseline"));
        }

        @Test
        void anIndicatorHasATarget() {
            refused(defining(null, "people", THREE, null, Direction.HIGHER_IS_BETTER), invalid("target"));
        }

        @Test
        void anIndicatorHasADirection() {
            refused(defining(null, "people", THREE, BigDecimal.TEN, null), invalid("direction"));
        }

        @Test
        void valuesHaveAtMostFourDecimalPlaces() {
            refused(defining(null, "people", new BigDecimal("3.00001"), BigDecimal.TEN, Direction.HIGHER_IS_BETTER), invalid("baseline"));
        }

        @Test
        void valuesAreBelowTenTrillion() {
            refused(defining(null, "people", THREE, new BigDecimal("1e13"), Direction.HIGHER_IS_BETTER), invalid("target"));
        }

        @Test
        void anUnknownIndicatorIsNotFound() {
            refused(fixture.given(STARTED).when(new DefineIndicator(ID, "indicator-9", null, "people", BigDecimal.ONE, BigDecimal.TEN,
                    Direction.HIGHER_IS_BETTER), DANA), NotFound.class, "no indicator 'indicator-9' in initiative " + ID);
        }

        @Test
        void onlyACommissionerDefinesIndicators() {
            refused(fixture.given(STARTED, ASSIGNED).when(new DefineIndicator(ID, "indicator-1", null, "people", BigDecimal.ONE, BigDecimal.TEN,
                    Direction.HIGHER_IS_BETTER), GREEN), NotPermitted.class, "this is open to [COMMISSIONER], not to PROVIDER");
        }

        @Test
        void onlyACommissionerWhoManagesTheInitiativeDefinesIndicators() {
            refused(fixture.given(STARTED).when(new DefineIndicator(ID, "indicator-1", null, "people", BigDecimal.ONE, BigDecimal.TEN,
                    Direction.HIGHER_IS_BETTER), FARAH), NotPermitted.class, ONLY_MANAGERS);
        }
    }

    @Nested
    class ReviewDates {

        private ResultValidator<Initiative> scheduling(List<LocalDate> dates) {
            return fixture.given(STARTED).when(new ScheduleReviewDates(ID, dates), DANA);
        }

        @Test
        void aCommissionerSchedulesReviewDatesInOrder() {
            fixture.given(STARTED).when(new ScheduleReviewDates(ID, List.of(TODAY.plusMonths(6), TODAY, TODAY.plusMonths(3))), DANA)
                    .expectEvents(new ReviewDatesScheduled(ID, List.of(TODAY, TODAY.plusMonths(3), TODAY.plusMonths(6))));
        }

        @Test
        void noDateIsInThePast() {
            refused(scheduling(List.of(TODAY.plusDays(1), TODAY.minusDays(1))), invalid("reviewDates[1]"));
        }

        @Test
        void eachDateIsNamedOnce() {
            refused(scheduling(List.of(TODAY.plusDays(1), TODAY.plusDays(1))), invalid("reviewDates[1]"));
        }

        @Test
        void everyDateIsGiven() {
            refused(scheduling(Arrays.asList(TODAY, null)), invalid("reviewDates[1]"));
        }

        @Test
        void thereIsAtLeastOneDate() {
            refused(scheduling(List.of()), invalid("reviewDates"));
        }

        @Test
        void theDatesAreGiven() {
            refused(scheduling(null), invalid("reviewDates"));
        }

        @Test
        void thereAreAtMostTwentyFourDates() {
            List<LocalDate> tooMany = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                tooMany.add(TODAY.plusMonths(i));
            }
            refused(scheduling(tooMany), invalid("reviewDates"));
        }

        @Test
        void onlyACommissionerSchedulesReviews() {
            refused(fixture.given(STARTED, ASSIGNED).when(new ScheduleReviewDates(ID, List.of(TODAY)), GREEN), NotPermitted.class,
                    "this is open to [COMMISSIONER], not to PROVIDER");
        }

        @Test
        void onlyACommissionerWhoManagesTheInitiativeSchedulesReviews() {
            refused(fixture.given(STARTED).when(new ScheduleReviewDates(ID, List.of(TODAY)), FARAH), NotPermitted.class, ONLY_MANAGERS);
        }
    }

    @Nested
    class ProgressReports {

        private ResultValidator<Initiative> sharing(ShareLivedExperience lived) {
            return fixture.given(STARTED, CONNECTION).when(lived, BILL);
        }

        @Test
        void theAssignedProviderReportsAndALateReportKeepsItsRealDate() {
            fixture.given(STARTED, ASSIGNED, CONNECTION)
                    .when(report("r-1", TODAY.minusDays(20), reading("indicator-1", "5.50")), GREEN)
                    .expectEvents(reported("r-1", TODAY.minusDays(20), false, reading("indicator-1", "5.5")));
        }

        @Test
        void citizensReportLivedExperience() {
            fixture.given(STARTED, CONNECTION).when(lived("r-2", TODAY, reading("indicator-1", "4")), BILL)
                    .expectEvents(reported("r-2", TODAY, true, reading("indicator-1", "4")));
        }

        @Test
        void staffReportLivedExperience() {
            fixture.given(STARTED, CONNECTION).when(lived("r-3", TODAY, reading("indicator-1", "4")), CHEN)
                    .expectEvents(reported("r-3", TODAY, true, reading("indicator-1", "4")));
        }

        @Test
        void citizensDoNotReportProgress() {
            refused(fixture.given(STARTED, ASSIGNED, CONNECTION).when(report("r-1", TODAY, reading("indicator-1", "5")), BILL),
                    NotPermitted.class, "this is open to [PROVIDER], not to CITIZEN");
        }

        @Test
        void providersDoNotShareLivedExperience() {
            refused(fixture.given(STARTED, ASSIGNED, CONNECTION).when(lived("r-1", TODAY, reading("indicator-1", "5")), GREEN),
                    NotPermitted.class, "this is open to [CITIZEN, STAFF], not to PROVIDER");
        }

        @Test
        void aProviderThatIsNotAssignedCannotReport() {
            refused(fixture.given(STARTED, ASSIGNED, CONNECTION).when(report("r-1", TODAY, reading("indicator-1", "5")), OTHER_PROVIDER),
                    NotPermitted.class, "only the assigned provider reports progress");
        }

        @Test
        void beforeAProviderIsAssignedNoneReports() {
            refused(fixture.given(STARTED, CONNECTION).when(report("r-1", TODAY, reading("indicator-1", "5")), GREEN), NotPermitted.class,
                    "no provider is assigned yet; only the assigned provider reports progress");
        }

        @Test
        void commissionersDoNotReportProgress() {
            refused(fixture.given(STARTED, CONNECTION).when(report("r-1", TODAY, reading("indicator-1", "5")), DANA), NotPermitted.class,
                    "this is open to [PROVIDER], not to COMMISSIONER");
        }

        @Test
        void auditorsDoNotReportProgress() {
            refused(fixture.given(STARTED, CONNECTION).when(report("r-1", TODAY, reading("indicator-1", "5")), HANA), NotPermitted.class,
                    "this is open to [PROVIDER], not to AUDITOR");
        }

        @Test
        void commissionersDoNotShareLivedExperience() {
            refused(fixture.given(STARTED, CONNECTION).when(lived("r-1", TODAY, reading("indicator-1", "5")), DANA), NotPermitted.class,
                    "this is open to [CITIZEN, STAFF], not to COMMISSIONER");
        }

        @Test
        void aReadingIsOfAnIndicatorOfTheInitiative() {
            refused(sharing(lived("r-1", TODAY, reading("indicator-9", "5"))), invalid("readings[0].indicatorId"));
        }

        @Test
        void anIndicatorIsReadOnlyOnceDefined() {
            refused(sharing(lived("r-1", TODAY, reading("indicator-2", "5"))), RuleViolation.class,
                    "indicator indicator-2 (Fewer people feeling alone) is not defined yet: a commissioner sets its unit, baseline and target first");
        }

        @Test
        void anIndicatorIsReadOncePerReport() {
            refused(sharing(lived("r-1", TODAY, reading("indicator-1", "5"), reading("indicator-1", "6"))), invalid("readings[1].indicatorId"));
        }

        @Test
        void aReadingHasAValue() {
            refused(sharing(lived("r-1", TODAY, new IndicatorReading("indicator-1", null))), invalid("readings[0].value"));
        }

        @Test
        void aValueHasAtMostFourDecimalPlaces() {
            refused(sharing(lived("r-1", TODAY, reading("indicator-1", "5.12345"))), invalid("readings[0].value"));
        }

        @Test
        void aValueIsAboveMinusTenTrillion() {
            refused(sharing(lived("r-1", TODAY, reading("indicator-1", "-1e13"))), invalid("readings[0].value"));
        }

        @Test
        void aReportHasAReading() {
            refused(sharing(lived("r-1", TODAY)), invalid("readings"));
        }

        @Test
        void aReportHasReadings() {
            refused(sharing(new ShareLivedExperience(ID, "r-1", null, "x", TODAY)), invalid("readings"));
        }

        @Test
        void aReportHasAtMostFiftyReadings() {
            List<IndicatorReading> tooMany = new ArrayList<>();
            for (int i = 0; i < 51; i++) {
                tooMany.add(reading("indicator-1", "1"));
            }
            refused(sharing(new ShareLivedExperience(ID, "r-1", tooMany, "x", TODAY)), invalid("readings"));
        }

        @Test
        void aReportHasANarrative() {
            refused(sharing(new ShareLivedExperience(ID, "r-1", List.of(reading("indicator-1", "5")), " ", TODAY)), invalid("narrative"));
        }

        @Test
        void aReportIsNotOfAFutureDay() {
            refused(sharing(lived("r-1", TODAY.plusDays(1), reading("indicator-1", "5"))), invalid("observedOn"));
        }

        @Test
        void aReportSaysTheDayItDescribes() {
            refused(sharing(lived("r-1", null, reading("indicator-1", "5"))), invalid("observedOn"));
        }

        @Test
        void aReportIsRecordedOnce() {
            refused(fixture.given(STARTED, CONNECTION, reported("r-1", TODAY, true, reading("indicator-1", "4")))
                    .when(lived("r-1", TODAY, reading("indicator-1", "5")), BILL), RuleViolation.class, "report r-1 is already recorded");
        }
    }

    @Nested
    class Contributions {

        static final InitiativeReviewed STOPPED = new InitiativeReviewed(ID, ReviewStatus.STOPPED, "the garden closed", null);

        @Test
        void aPledgeHeardAfterTheStartIsExpected() {
            fixture.given(STARTED).when(new ExpectContribution(ID, VENUE), PLATFORM)
                    .expectEvents(new ContributionExpected(ID, "pledge-2", "chen", null, AssetKind.PLACE, "The staff room on Saturdays", null));
        }

        @Test
        void aPledgeIsExpectedOnce() {
            fixture.given(STARTED, DIGGING_EXPECTED).when(new ExpectContribution(ID, DIGGING), PLATFORM)
                    .expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void aWithdrawnPledgeIsReleased() {
            fixture.given(STARTED, DIGGING_EXPECTED).when(new ReleaseContribution(ID, "pledge-1"), PLATFORM)
                    .expectEvents(new ContributionReleased(ID, "pledge-1"));
        }

        @Test
        void aPledgeIsReleasedOnce() {
            fixture.given(STARTED, DIGGING_EXPECTED, new ContributionReleased(ID, "pledge-1")).when(new ReleaseContribution(ID, "pledge-1"), PLATFORM)
                    .expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void aPledgeNeverExpectedIsNotReleased() {
            fixture.given(STARTED).when(new ReleaseContribution(ID, "pledge-9"), PLATFORM).expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void onlyThePlatformExpectsContributions() {
            refused(fixture.given(STARTED).when(new ExpectContribution(ID, VENUE), DANA), NotPermitted.class,
                    "this is open to [SYSTEM], not to COMMISSIONER");
        }

        @Test
        void onlyThePlatformReleasesContributions() {
            refused(fixture.given(STARTED, DIGGING_EXPECTED).when(new ReleaseContribution(ID, "pledge-1"), AMARA), NotPermitted.class,
                    "this is open to [SYSTEM], not to CITIZEN");
        }

        @Test
        void aClosedInitiativeExpectsNothingMore() {
            fixture.given(STARTED, DIGGING_EXPECTED, STOPPED).when(new ExpectContribution(ID, VENUE), PLATFORM)
                    .expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void aClosedInitiativeReleasesNothing() {
            fixture.given(STARTED, DIGGING_EXPECTED, STOPPED).when(new ReleaseContribution(ID, "pledge-1"), PLATFORM)
                    .expectSuccessfulHandlerExecution().expectNoEvents();
        }
    }

    @Nested
    class AssetsGiven {

        static RecordAssetsGiven given(String pledgeId, String participantId, AssetKind kind, String hours, LocalDate on) {
            return new RecordAssetsGiven(ID, "m-1", pledgeId, participantId, kind, "Dug the raised beds", hours == null ? null : new BigDecimal(hours), on);
        }

        private ResultValidator<Initiative> recording(RecordAssetsGiven command, MetaData recorder) {
            return fixture.given(STARTED, ASSIGNED).when(command, recorder);
        }

        @Test
        void theProviderRecordsAPledgeFulfilledInTheNameThePledgeCarries() {
            fixture.given(STARTED, ASSIGNED, DIGGING_EXPECTED).when(given("pledge-1", null, null, "6.5", TODAY), GREEN)
                    .expectEvents(new AssetsMobilised(ID, "m-1", "pledge-1", "bill", "Bill Turner", AssetKind.TIME, "Dug the raised beds",
                            new BigDecimal("6.5"), TODAY));
        }

        @Test
        void aCoDesignerRecordsWhatTheyGaveWithoutAPledge() {
            fixture.given(STARTED).when(given(null, null, AssetKind.PLACE, null, TODAY.minusDays(3)), AMARA)
                    .expectEvents(new AssetsMobilised(ID, "m-1", null, "amara", null, AssetKind.PLACE, "Dug the raised beds", null,
                            TODAY.minusDays(3)));
        }

        @Test
        void aCoDesignerRecordsWhatSomeoneElseGave() {
            fixture.given(STARTED).when(given(null, "bill", AssetKind.SKILL, null, TODAY), CHEN)
                    .expectEvents(new AssetsMobilised(ID, "m-1", null, "bill", null, AssetKind.SKILL, "Dug the raised beds", null, TODAY));
        }

        @Test
        void aCitizenWhoIsNotACoDesignerRecordsNothing() {
            refused(recording(given(null, null, AssetKind.SKILL, null, TODAY), BILL), NotPermitted.class,
                    "only the assigned provider and the proposal's co-designers record assets given");
        }

        @Test
        void aProviderThatIsNotAssignedRecordsNothing() {
            refused(recording(given(null, null, AssetKind.SKILL, null, TODAY), OTHER_PROVIDER), NotPermitted.class,
                    "only the assigned provider records assets given");
        }

        @Test
        void beforeAProviderIsAssignedNoProviderRecords() {
            refused(fixture.given(STARTED).when(given(null, null, AssetKind.SKILL, null, TODAY), GREEN), NotPermitted.class,
                    "no provider is assigned yet; only the assigned provider records assets given");
        }

        @Test
        void commissionersRecordNothing() {
            refused(recording(given(null, null, AssetKind.SKILL, null, TODAY), DANA), NotPermitted.class,
                    "this is open to [PROVIDER, CITIZEN, STAFF], not to COMMISSIONER");
        }

        @Test
        void auditorsRecordNothing() {
            refused(recording(given(null, null, AssetKind.SKILL, null, TODAY), HANA), NotPermitted.class,
                    "this is open to [PROVIDER, CITIZEN, STAFF], not to AUDITOR");
        }

        @Test
        void thePledgeMustBeExpected() {
            refused(recording(given("pledge-9", null, null, "2", TODAY), GREEN), invalid("pledgeId"));
        }

        @Test
        void aWithdrawnPledgeIsNotFulfilled() {
            refused(fixture.given(STARTED, ASSIGNED, DIGGING_EXPECTED, new ContributionReleased(ID, "pledge-1"))
                    .when(given("pledge-1", null, null, "2", TODAY), GREEN), RuleViolation.class,
                    "pledge pledge-1 was withdrawn; record what was given without it");
        }

        @Test
        void timeGivenIsCountedInHours() {
            refused(recording(given(null, null, AssetKind.TIME, null, TODAY), GREEN), invalid("hours"));
        }

        @Test
        void hoursAreMoreThanZero() {
            refused(recording(given(null, null, AssetKind.TIME, "0", TODAY), GREEN), invalid("hours"));
        }

        @Test
        void hoursHaveAtMostTwoDecimalPlaces() {
            refused(recording(given(null, null, AssetKind.TIME, "1.125", TODAY), GREEN), invalid("hours"));
        }

        @Test
        void hoursHaveAnUpperBound() {
            refused(recording(given(null, null, AssetKind.TIME, "10000.5", TODAY), GREEN), invalid("hours"));
        }

        @Test
        void whatWasGivenHasAKind() {
            refused(recording(given(null, null, null, null, TODAY), GREEN), invalid("kind"));
        }

        @Test
        void whatWasGivenIsNotGivenInTheFuture() {
            refused(recording(given(null, null, AssetKind.SKILL, null, TODAY.plusDays(1)), GREEN), invalid("givenOn"));
        }

        @Test
        void whatWasGivenSaysWhen() {
            refused(recording(given(null, null, AssetKind.SKILL, null, null), GREEN), invalid("givenOn"));
        }

        @Test
        void whatWasGivenIsDescribed() {
            refused(recording(new RecordAssetsGiven(ID, "m-1", null, null, AssetKind.SKILL, " ", null, TODAY), GREEN), invalid("description"));
        }

        @Test
        void whoGaveIsNamedWhenNamed() {
            refused(recording(given(null, " ", AssetKind.SKILL, null, TODAY), GREEN), invalid("participantId"));
        }

        @Test
        void whatWasGivenIsRecordedOnce() {
            refused(fixture.given(STARTED, ASSIGNED, new AssetsMobilised(ID, "m-1", null, "greenshoots", null, AssetKind.PLACE, "Hall", null, TODAY))
                    .when(given(null, null, AssetKind.SKILL, null, TODAY), GREEN), RuleViolation.class, "assets given m-1 are already recorded");
        }
    }

    @Nested
    class Reviews {

        static final ProgressReported CONNECTION_MET = reported("r-1", TODAY.minusDays(2), false, reading("indicator-1", "11"));
        static final ProgressReported LONELINESS_MET = reported("r-2", TODAY.minusDays(2), false, reading("indicator-2", "25"));
        static final ProgressReported LIVED_CONNECTION_MET = reported("r-6", TODAY, true, reading("indicator-1", "40"));
        static final InitiativeReviewed STOPPED = new InitiativeReviewed(ID, ReviewStatus.STOPPED, "the garden closed", null);
        static final String IS_STOPPED = "the initiative is STOPPED; nothing more changes";

        static String unmet(String unmet) {
            return "not every target is met (" + unmet + "); declare ACHIEVED only with an overrideReason";
        }

        @Test
        void aCommissionerReviewsWithAReason() {
            fixture.given(STARTED).when(new ReviewInitiative(ID, ReviewStatus.AT_RISK, "no provider yet", null), DANA)
                    .expectEvents(new InitiativeReviewed(ID, ReviewStatus.AT_RISK, "no provider yet", null));
        }

        @Test
        void aReviewHasAReason() {
            refused(fixture.given(STARTED).when(new ReviewInitiative(ID, ReviewStatus.ON_TRACK, " ", null), DANA), invalid("reason"));
        }

        @Test
        void aReviewHasAStatus() {
            refused(fixture.given(STARTED).when(new ReviewInitiative(ID, null, "fine", null), DANA), invalid("status"));
        }

        @Test
        void anOverrideIsGivenOnlyForAchieved() {
            refused(fixture.given(STARTED).when(new ReviewInitiative(ID, ReviewStatus.ON_TRACK, "fine", "because"), DANA), invalid("overrideReason"));
        }

        @Test
        void providersDoNotReview() {
            refused(fixture.given(STARTED, ASSIGNED).when(new ReviewInitiative(ID, ReviewStatus.ON_TRACK, "fine", null), GREEN), NotPermitted.class,
                    "this is open to [COMMISSIONER], not to PROVIDER");
        }

        @Test
        void auditorsDoNotReview() {
            refused(fixture.given(STARTED).when(new ReviewInitiative(ID, ReviewStatus.ON_TRACK, "fine", null), HANA), NotPermitted.class,
                    "this is open to [COMMISSIONER], not to AUDITOR");
        }

        @Test
        void onlyACommissionerWhoManagesTheInitiativeReviews() {
            refused(fixture.given(STARTED).when(new ReviewInitiative(ID, ReviewStatus.ON_TRACK, "fine", null), FARAH), NotPermitted.class,
                    ONLY_MANAGERS);
        }

        @Test
        void livedExperienceIsNeverTheLatestValue() {
            ProgressReported livedLonelinessMet = reported("r-7", TODAY, true, reading("indicator-2", "10"));
            refused(fixture.given(STARTED, CONNECTION, LONELINESS, LIVED_CONNECTION_MET, livedLonelinessMet)
                            .when(new ReviewInitiative(ID, ReviewStatus.ACHIEVED, "citizens say so", null), DANA), RuleViolation.class,
                    unmet("More connection between neighbours has no reading; Fewer people feeling alone has no reading"));
        }

        @Test
        void livedExperienceIsNeverTheGroundOfAchieved() {
            ProgressReported providerShort = reported("r-8", TODAY.minusDays(5), false, reading("indicator-1", "5"));
            refused(fixture.given(STARTED, CONNECTION, LONELINESS, LONELINESS_MET, providerShort, LIVED_CONNECTION_MET)
                            .when(new ReviewInitiative(ID, ReviewStatus.ACHIEVED, "citizens say so", null), DANA), RuleViolation.class,
                    unmet("More connection between neighbours is at 5 of 10 neighbours known by name"));
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
                            .when(new ReviewInitiative(ID, ReviewStatus.ACHIEVED, "good enough", null), DANA), RuleViolation.class,
                    unmet("Fewer people feeling alone is at 30 of 25 % feeling alone"));
        }

        @Test
        void achievedWithATargetUnmetIsRecordedWithTheOverride() {
            ProgressReported shortOfTarget = reported("r-3", TODAY, false, reading("indicator-2", "30"));
            fixture.given(STARTED, CONNECTION, LONELINESS, CONNECTION_MET, shortOfTarget)
                    .when(new ReviewInitiative(ID, ReviewStatus.ACHIEVED, "good enough", "loneliness fell by a third; the panel accepts it"), DANA)
                    .expectEvents(new InitiativeReviewed(ID, ReviewStatus.ACHIEVED, "good enough",
                            "loneliness fell by a third; the panel accepts it"));
        }

        @Test
        void anIndicatorNotDefinedIsNotMet() {
            refused(fixture.given(STARTED, CONNECTION, CONNECTION_MET)
                            .when(new ReviewInitiative(ID, ReviewStatus.ACHIEVED, "done", null), DANA), RuleViolation.class,
                    unmet("Fewer people feeling alone is not defined"));
        }

        @Test
        void anIndicatorNotReportedIsNotMet() {
            refused(fixture.given(STARTED, CONNECTION, LONELINESS, CONNECTION_MET)
                            .when(new ReviewInitiative(ID, ReviewStatus.ACHIEVED, "done", null), DANA), RuleViolation.class,
                    unmet("Fewer people feeling alone has no reading"));
        }

        @Test
        void aReadingReportedLastOfAnEarlierDayIsNotTheLatestValue() {
            ProgressReported lateAndLow = reported("r-4", TODAY.minusDays(30), false, reading("indicator-1", "4"));
            fixture.given(STARTED, CONNECTION, LONELINESS, CONNECTION_MET, LONELINESS_MET, lateAndLow)
                    .when(new ReviewInitiative(ID, ReviewStatus.ACHIEVED, "every target met", null), DANA)
                    .expectEvents(new InitiativeReviewed(ID, ReviewStatus.ACHIEVED, "every target met", null));
        }

        @Test
        void theLatestValueIsTheOneObservedLast() {
            ProgressReported newerAndLow = reported("r-5", TODAY, false, reading("indicator-1", "4"));
            refused(fixture.given(STARTED, CONNECTION, LONELINESS, CONNECTION_MET, LONELINESS_MET, newerAndLow)
                            .when(new ReviewInitiative(ID, ReviewStatus.ACHIEVED, "done", null), DANA), RuleViolation.class,
                    unmet("More connection between neighbours is at 4 of 10 neighbours known by name"));
        }

        @Test
        void aStoppedInitiativeIsNotReviewedAgain() {
            refused(fixture.given(STARTED, STOPPED).when(new ReviewInitiative(ID, ReviewStatus.ON_TRACK, "reopen", null), DANA),
                    RuleViolation.class, IS_STOPPED);
        }

        @Test
        void anAchievedInitiativeGetsNoProvider() {
            InitiativeReviewed achieved = new InitiativeReviewed(ID, ReviewStatus.ACHIEVED, "done", "accepted");
            refused(fixture.given(STARTED, achieved).when(new AssignProvider(ID, "greenshoots", "Green Shoots CIC"), DANA),
                    RuleViolation.class, "the initiative is ACHIEVED; nothing more changes");
        }

        @Test
        void aStoppedInitiativeTakesNoReport() {
            refused(fixture.given(STARTED, CONNECTION, STOPPED).when(lived("r-9", TODAY, reading("indicator-1", "5")), BILL),
                    RuleViolation.class, IS_STOPPED);
        }

        @Test
        void aStoppedInitiativeDefinesNoIndicator() {
            refused(fixture.given(STARTED, STOPPED).when(new DefineIndicator(ID, "indicator-1", null, "people", BigDecimal.ONE, BigDecimal.TEN,
                    Direction.HIGHER_IS_BETTER), DANA), RuleViolation.class, IS_STOPPED);
        }

        @Test
        void aStoppedInitiativeSchedulesNoReview() {
            refused(fixture.given(STARTED, STOPPED).when(new ScheduleReviewDates(ID, List.of(TODAY)), DANA), RuleViolation.class, IS_STOPPED);
        }

        @Test
        void aStoppedInitiativeRecordsNoAssetsGiven() {
            refused(fixture.given(STARTED, STOPPED).when(AssetsGiven.given(null, null, AssetKind.SKILL, null, TODAY), AMARA),
                    RuleViolation.class, IS_STOPPED);
        }

        @Test
        void anOnTrackReviewKeepsTheInitiativeOpen() {
            fixture.given(STARTED, CONNECTION, new InitiativeReviewed(ID, ReviewStatus.ON_TRACK, "fine", null))
                    .when(lived("r-9", TODAY, reading("indicator-1", "5")), BILL)
                    .expectEvents(reported("r-9", TODAY, true, reading("indicator-1", "5")));
        }
    }
}
