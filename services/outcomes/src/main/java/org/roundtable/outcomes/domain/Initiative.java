package org.roundtable.outcomes.domain;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
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
import org.roundtable.kit.domain.InvalidInput;
import org.roundtable.kit.domain.NotFound;
import org.roundtable.kit.domain.NotPermitted;
import org.roundtable.kit.domain.Require;
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
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.roundtable.kit.authority.Authorities.actorOf;

/**
 * A commissioned proposal being delivered: its provider, its indicators and their readings, the assets expected and
 * given, and its reviews. It is started by the platform, once per approving decision. Every refusal happens before
 * an event is applied, so it leaves nothing behind.
 */
@Aggregate
public class Initiative {

    static final int NAME_MAX = 200;
    static final int UNIT_MAX = 40;
    static final int TEXT_MAX = 4000;
    static final int SHORT_TEXT_MAX = 500;
    static final int READINGS_MAX = 50;
    static final int REVIEW_DATES_MAX = 24;
    static final BigDecimal MAGNITUDE_MAX = new BigDecimal("1000000000000");
    static final BigDecimal HOURS_MAX = new BigDecimal("10000");

    @AggregateIdentifier
    private String initiativeId;
    private String providerId;
    private InitiativeStatus status;
    private final Set<String> coDesignerIds = new HashSet<>();
    private final Set<String> managerIds = new HashSet<>();
    private final Map<String, Indicator> indicators = new LinkedHashMap<>();
    private final Map<String, Pledge> expected = new LinkedHashMap<>();
    private final Set<String> released = new HashSet<>();
    private final Set<String> reports = new HashSet<>();
    private final Set<String> mobilisations = new HashSet<>();

    protected Initiative() {
    }

    /** The one initiative of a decision case: the same case always gives the same id, so it starts once. */
    public static String idFor(String caseId) {
        return UUID.nameUUIDFromBytes(("roundtable-initiative:" + caseId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Starting an initiative that has already started changes nothing. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(StartInitiative command, MetaData metadata) {
        actorOf(command, metadata);
        if (initiativeId != null) {
            return;
        }
        List<DraftIndicator> drafts = new ArrayList<>();
        for (String outcome : command.intendedOutcomes()) {
            drafts.add(new DraftIndicator("indicator-" + (drafts.size() + 1), outcome));
        }
        apply(new InitiativeStarted(command.initiativeId(), command.proposalId(), command.caseId(), command.title(),
                command.serviceArea(), command.funding(), drafts, command.coDesignerIds(), command.managerIds()));
        command.pledges().forEach(this::expect);
    }

    @CommandHandler
    public void handle(AssignProvider command, MetaData metadata) {
        requireManager(actorOf(command, metadata));
        requireOpen();
        String id = Require.text(command.providerId(), "providerId", NAME_MAX);
        String name = Require.text(command.providerName(), "providerName", NAME_MAX);
        apply(new ProviderAssigned(initiativeId, id, name));
    }

    @CommandHandler
    public void handle(DefineIndicator command, MetaData metadata) {
        requireManager(actorOf(command, metadata));
        Indicator indicator = indicators.get(command.indicatorId());
        if (indicator == null) {
            throw new NotFound("no indicator " + Require.excerpt(command.indicatorId()) + " in initiative " + initiativeId);
        }
        requireOpen();
        String name = command.name() == null ? indicator.name : Require.text(command.name(), "name", NAME_MAX);
        String unit = Require.text(command.unit(), "unit", UNIT_MAX);
        BigDecimal baseline = amount(command.baseline(), "baseline");
        BigDecimal target = amount(command.target(), "target");
        Direction direction = Require.present(command.direction(), "direction");
        if (direction == Direction.HIGHER_IS_BETTER && target.compareTo(baseline) < 0) {
            throw new InvalidInput("target", "where higher is better, the target must not be below the baseline");
        }
        if (direction == Direction.LOWER_IS_BETTER && target.compareTo(baseline) > 0) {
            throw new InvalidInput("target", "where lower is better, the target must not be above the baseline");
        }
        apply(new IndicatorDefined(initiativeId, command.indicatorId(), name, unit, baseline, target, direction));
    }

    @CommandHandler
    public void handle(ScheduleReviewDates command, MetaData metadata, Clock clock) {
        requireManager(actorOf(command, metadata));
        requireOpen();
        List<LocalDate> dates = Require.present(command.reviewDates(), "reviewDates");
        Require.that(!dates.isEmpty(), "reviewDates", "reviewDates must hold at least one date");
        Require.atMost(dates, REVIEW_DATES_MAX, "reviewDates");
        LocalDate today = LocalDate.now(clock);
        TreeSet<LocalDate> sorted = new TreeSet<>();
        for (int i = 0; i < dates.size(); i++) {
            String field = "reviewDates[" + i + "]";
            LocalDate date = Require.date(dates.get(i), field);
            Require.that(!date.isBefore(today), field, field + " must not be in the past");
            Require.that(sorted.add(date), field, field + " repeats " + date);
        }
        apply(new ReviewDatesScheduled(initiativeId, new ArrayList<>(sorted)));
    }

    /**
     * The assigned provider reports progress. The day it is reported on comes from the clock; the day the values
     * describe from the reporter.
     */
    @CommandHandler
    public void handle(ReportProgress command, MetaData metadata, Clock clock) {
        requireAssignedProvider(actorOf(command, metadata), "reports progress");
        report(command.reportId(), command.readings(), command.narrative(), command.observedOn(), clock, false);
    }

    /** Citizens and staff report their lived experience: its own series, never the provider's latest value. */
    @CommandHandler
    public void handle(ShareLivedExperience command, MetaData metadata, Clock clock) {
        actorOf(command, metadata);
        report(command.reportId(), command.readings(), command.narrative(), command.observedOn(), clock, true);
    }

    private void report(String id, List<IndicatorReading> given, String text, LocalDate observed, Clock clock, boolean livedExperience) {
        requireOpen();
        String reportId = Require.text(id, "reportId", 100);
        if (reports.contains(reportId)) {
            throw new RuleViolation("report " + reportId + " is already recorded");
        }
        List<IndicatorReading> readings = readings(given);
        String narrative = Require.text(text, "narrative", TEXT_MAX);
        LocalDate today = LocalDate.now(clock);
        LocalDate observedOn = notAfter(observed, today, "observedOn");
        apply(new ProgressReported(initiativeId, reportId, readings, narrative, observedOn, today, livedExperience));
    }

    /** A pledge already expected, or one withdrawn before it reached here, changes nothing; so does a closed initiative. */
    @CommandHandler
    public void handle(ExpectContribution command, MetaData metadata) {
        actorOf(command, metadata);
        if (!status.isClosed()) {
            expect(command.pledge());
        }
    }

    /** Releasing a pledge that is not expected (any more) changes nothing. */
    @CommandHandler
    public void handle(ReleaseContribution command, MetaData metadata) {
        actorOf(command, metadata);
        if (!status.isClosed() && expected.containsKey(command.pledgeId()) && !released.contains(command.pledgeId())) {
            apply(new ContributionReleased(initiativeId, command.pledgeId()));
        }
    }

    /** The assigned provider and the proposal's co-designers record what was actually given. */
    @CommandHandler
    public void handle(RecordAssetsGiven command, MetaData metadata, Clock clock) {
        Actor recorder = actorOf(command, metadata);
        if (recorder.role() == Role.PROVIDER) {
            requireAssignedProvider(recorder, "records assets given");
        } else if (!coDesignerIds.contains(recorder.subjectId())) {
            throw new NotPermitted("only the assigned provider and the proposal's co-designers record assets given");
        }
        requireOpen();
        String mobilisationId = Require.text(command.mobilisationId(), "mobilisationId", 100);
        if (mobilisations.contains(mobilisationId)) {
            throw new RuleViolation("assets given " + mobilisationId + " are already recorded");
        }
        String pledgeId = Require.optionalText(command.pledgeId(), "pledgeId", 100);
        Pledge pledge = null;
        if (pledgeId != null) {
            pledge = expected.get(pledgeId);
            if (pledge == null) {
                throw new InvalidInput("pledgeId", "no pledge " + pledgeId + " is expected by this initiative");
            }
            if (released.contains(pledgeId)) {
                throw new RuleViolation("pledge " + pledgeId + " was withdrawn; record what was given without it");
            }
        }
        AssetKind kind = command.kind() != null ? command.kind() : Require.present(pledge == null ? null : pledge.kind(), "kind");
        String description = Require.text(command.description(), "description", SHORT_TEXT_MAX);
        BigDecimal hours = hours(command.hours(), kind);
        LocalDate givenOn = notAfter(command.givenOn(), LocalDate.now(clock), "givenOn");
        String participantId = pledge != null ? pledge.participantId()
                : command.participantId() == null ? recorder.subjectId() : Require.text(command.participantId(), "participantId", NAME_MAX);
        String publicName = pledge == null ? null : pledge.publicName();
        apply(new AssetsMobilised(initiativeId, mobilisationId, pledgeId, participantId, publicName, kind, description,
                hours, givenOn));
    }

    /**
     * {@code ACHIEVED} only when every indicator is defined and its latest value (the one the assigned provider observed
     * last; lived experience is never it) has met its target, or with an explicit override reason.
     */
    @CommandHandler
    public void handle(ReviewInitiative command, MetaData metadata) {
        requireManager(actorOf(command, metadata));
        requireOpen();
        ReviewStatus reviewStatus = Require.present(command.status(), "status");
        String reason = Require.text(command.reason(), "reason", TEXT_MAX);
        String overrideReason = Require.optionalText(command.overrideReason(), "overrideReason", TEXT_MAX);
        if (reviewStatus != ReviewStatus.ACHIEVED) {
            Require.that(overrideReason == null, "overrideReason", "an overrideReason is given only when declaring ACHIEVED");
        } else {
            List<String> unmet = unmetIndicators();
            if (unmet.isEmpty()) {
                overrideReason = null;
            } else if (overrideReason == null) {
                throw new RuleViolation("not every target is met (" + String.join("; ", unmet)
                        + "); declare ACHIEVED only with an overrideReason");
            }
        }
        apply(new InitiativeReviewed(initiativeId, reviewStatus, reason, overrideReason));
    }

    private void expect(Pledge pledge) {
        if (pledge == null || pledge.pledgeId() == null || expected.containsKey(pledge.pledgeId())) {
            return;
        }
        apply(new ContributionExpected(initiativeId, pledge.pledgeId(), pledge.participantId(), pledge.publicName(), pledge.kind(),
                pledge.description(), pledge.hoursPerMonth()));
    }

    private List<String> unmetIndicators() {
        if (indicators.isEmpty()) {
            return List.of("the initiative has no indicators");
        }
        List<String> unmet = new ArrayList<>();
        indicators.forEach((id, indicator) -> {
            if (!indicator.isDefined()) {
                unmet.add(indicator.name + " is not defined");
            } else if (indicator.latest == null) {
                unmet.add(indicator.name + " has no reading");
            } else if (!Progress.toward(indicator.baseline, indicator.target, indicator.direction, indicator.latest).met()) {
                unmet.add(indicator.name + " is at " + indicator.latest + " of " + indicator.target
                        + " " + indicator.unit);
            }
        });
        return unmet;
    }

    private List<IndicatorReading> readings(List<IndicatorReading> given) {
        Require.present(given, "readings");
        Require.that(!given.isEmpty(), "readings", "readings must hold at least one indicator value");
        Require.atMost(given, READINGS_MAX, "readings");
        Set<String> seen = new HashSet<>();
        List<IndicatorReading> readings = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            String field = "readings[" + i + "]";
            IndicatorReading reading = Require.present(given.get(i), field);
            String indicatorId = Require.text(reading.indicatorId(), field + ".indicatorId", 100);
            Indicator indicator = indicators.get(indicatorId);
            if (indicator == null) {
                throw new InvalidInput(field + ".indicatorId", "no indicator " + indicatorId + " in this initiative");
            }
            if (!indicator.isDefined()) {
                throw new RuleViolation("indicator " + indicatorId + " (" + indicator.name
                        + ") is not defined yet: a commissioner sets its unit, baseline and target first");
            }
            Require.that(seen.add(indicatorId), field + ".indicatorId", "indicator " + indicatorId + " appears twice in one report");
            readings.add(new IndicatorReading(indicatorId, amount(reading.value(), field + ".value")));
        }
        return readings;
    }

    private static BigDecimal amount(BigDecimal value, String field) {
        Require.present(value, field);
        Require.that(value.abs().compareTo(MAGNITUDE_MAX) < 0, field, field + " is too large");
        BigDecimal stripped = value.stripTrailingZeros();
        Require.that(stripped.scale() <= 4, field, field + " has at most four decimal places");
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static BigDecimal hours(BigDecimal hours, AssetKind kind) {
        if (hours == null) {
            Require.that(kind != AssetKind.TIME, "hours", "hours are required when time was given");
            return null;
        }
        Require.that(hours.signum() > 0, "hours", "hours must be more than zero");
        Require.that(hours.compareTo(HOURS_MAX) <= 0, "hours", "hours must be at most " + HOURS_MAX);
        Require.that(hours.stripTrailingZeros().scale() <= 2, "hours", "hours has at most two decimal places");
        return hours;
    }

    private static LocalDate notAfter(LocalDate date, LocalDate today, String field) {
        Require.date(date, field);
        Require.that(!date.isAfter(today), field, field + " must not be in the future");
        return date;
    }

    private void requireManager(Actor actor) {
        if (!managerIds.contains(actor.subjectId())) {
            throw new NotPermitted("only the holders of the fund that paid for this initiative, and the commissioners who sat on "
                    + "the panel that approved it and were not recused, manage it");
        }
    }

    private void requireAssignedProvider(Actor actor, String action) {
        if (providerId == null) {
            throw new NotPermitted("no provider is assigned yet; only the assigned provider " + action);
        }
        if (!providerId.equals(actor.subjectId())) {
            throw new NotPermitted("only the assigned provider " + action);
        }
    }

    private void requireOpen() {
        if (status.isClosed()) {
            throw new RuleViolation("the initiative is " + status + "; nothing more changes");
        }
    }

    @EventSourcingHandler
    void on(InitiativeStarted event) {
        initiativeId = event.initiativeId();
        status = InitiativeStatus.IN_DELIVERY;
        coDesignerIds.addAll(event.coDesignerIds());
        managerIds.addAll(event.managerIds());
        event.indicators().forEach(draft -> indicators.put(draft.indicatorId(), new Indicator(draft.name())));
    }

    @EventSourcingHandler
    void on(ProviderAssigned event) {
        providerId = event.providerId();
    }

    @EventSourcingHandler
    void on(IndicatorDefined event) {
        Indicator indicator = indicators.computeIfAbsent(event.indicatorId(), id -> new Indicator(event.name()));
        indicator.name = event.name();
        indicator.unit = event.unit();
        indicator.baseline = event.baseline();
        indicator.target = event.target();
        indicator.direction = event.direction();
    }

    @EventSourcingHandler
    void on(ProgressReported event) {
        reports.add(event.reportId());
        if (event.livedExperience()) {
            return;
        }
        for (IndicatorReading reading : event.readings()) {
            Indicator indicator = indicators.get(reading.indicatorId());
            if (indicator != null && (indicator.latestOn == null || !event.observedOn().isBefore(indicator.latestOn))) {
                indicator.latestOn = event.observedOn();
                indicator.latest = reading.value();
            }
        }
    }

    @EventSourcingHandler
    void on(ContributionExpected event) {
        expected.put(event.pledgeId(), new Pledge(event.pledgeId(), event.participantId(), event.publicName(), event.kind(),
                event.description(), event.hoursPerMonth()));
    }

    @EventSourcingHandler
    void on(ContributionReleased event) {
        released.add(event.pledgeId());
    }

    @EventSourcingHandler
    void on(AssetsMobilised event) {
        mobilisations.add(event.mobilisationId());
    }

    @EventSourcingHandler
    void on(InitiativeReviewed event) {
        status = InitiativeStatus.of(event.status());
    }

    /** An indicator as the rules need it: defined once it has a unit; its latest value is the one observed last. */
    private static final class Indicator {
        private String name;
        private String unit;
        private BigDecimal baseline;
        private BigDecimal target;
        private Direction direction;
        private LocalDate latestOn;
        private BigDecimal latest;

        private Indicator(String name) {
            this.name = name;
        }

        private boolean isDefined() {
            return unit != null;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Indicator that && Objects.equals(name, that.name) && Objects.equals(unit, that.unit)
                    && Objects.equals(baseline, that.baseline) && Objects.equals(target, that.target) && direction == that.direction
                    && Objects.equals(latestOn, that.latestOn) && Objects.equals(latest, that.latest);
        }

        @Override
        public int hashCode() {
            return Objects.hash(name, unit, baseline, target, direction, latestOn, latest);
        }
    }
}
