package org.roundtable.outcomes.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.roundtable.kit.actor.Commands;
import org.roundtable.kit.authority.Sends;
import org.roundtable.kit.domain.NotFound;
import org.roundtable.kit.domain.Require;
import org.roundtable.kit.web.PageOf;
import org.roundtable.outcomes.api.OutcomeRequests.AssetsGiven;
import org.roundtable.outcomes.api.OutcomeRequests.Created;
import org.roundtable.outcomes.api.OutcomeRequests.IndicatorDefinition;
import org.roundtable.outcomes.api.OutcomeRequests.ProgressReport;
import org.roundtable.outcomes.api.OutcomeRequests.ProviderAssignment;
import org.roundtable.outcomes.api.OutcomeRequests.Review;
import org.roundtable.outcomes.api.OutcomeRequests.ReviewDates;
import org.roundtable.outcomes.domain.InitiativeCommands.AssignProvider;
import org.roundtable.outcomes.domain.InitiativeCommands.DefineIndicator;
import org.roundtable.outcomes.domain.InitiativeCommands.RecordAssetsGiven;
import org.roundtable.outcomes.domain.InitiativeCommands.ReportProgress;
import org.roundtable.outcomes.domain.InitiativeCommands.ReviewInitiative;
import org.roundtable.outcomes.domain.InitiativeCommands.ScheduleReviewDates;
import org.roundtable.outcomes.domain.InitiativeCommands.ShareLivedExperience;
import org.roundtable.outcomes.domain.InitiativeStatus;
import org.roundtable.outcomes.query.InitiativeDetail;
import org.roundtable.outcomes.query.InitiativeQueries;
import org.roundtable.outcomes.query.InitiativeSummary;
import org.roundtable.outcomes.query.ServiceAreaSummary;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * Outcomes: the commissioners who manage an initiative assign its provider, define indicators, schedule and record
 * reviews; the assigned provider reports progress, citizens and staff their lived experience; the provider and
 * co-designers record assets given; every authenticated role reads.
 * Writes are accepted once stored; the read side follows within moments.
 */
@RestController
@RequestMapping("/api/outcomes")
@Tag(name = "outcomes", description = "Initiatives, indicators, progress, assets mobilised and reviews")
public class OutcomesController {

    private static final String MANAGED = "Managed by the holders of the fund that paid for the initiative and the commissioners "
            + "who sat on the panel that approved it and were not recused; any other commissioner is refused with 403.";

    private final Commands commands;
    private final InitiativeQueries queries;

    OutcomesController(Commands commands, InitiativeQueries queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @Operation(summary = "List initiatives, filtered by service area and status, most recently started first, paged")
    @GetMapping("/initiatives")
    PageOf<InitiativeSummary> list(@RequestParam(required = false) String serviceArea,
                                   @RequestParam(required = false) InitiativeStatus status,
                                   @RequestParam(defaultValue = "0") int page,
                                   @RequestParam(defaultValue = "20") int size) {
        PageOf.requireBounds(page, size);
        return queries.list(serviceArea, status, page, size);
    }

    @Operation(summary = "An initiative: indicators with their time series and progress toward target, assets pledged and given, reviews",
            description = "Each indicator's series is ordered by the day observed, so a late report lands in its place. Progress is "
                    + "(latest - baseline) / (target - baseline), read in the indicator's direction of good and clamped to [0, 1]; "
                    + "where the target equals the baseline it is 1 while the latest value is at least as good, else 0.")
    @GetMapping("/initiatives/{id}")
    InitiativeDetail detail(@PathVariable UUID id) {
        return queries.detail(id.toString()).orElseThrow(() -> new NotFound("no initiative " + id));
    }

    @Operation(summary = "What grows in each service area: initiatives, indicators, lived experience and assets, summed up")
    @GetMapping("/service-areas")
    List<ServiceAreaSummary> serviceAreas() {
        return queries.serviceAreas();
    }

    @Operation(summary = "What grows in one service area")
    @GetMapping("/service-areas/{serviceArea}")
    ServiceAreaSummary serviceArea(@PathVariable String serviceArea) {
        return queries.serviceArea(serviceArea).orElseThrow(() -> new NotFound("no initiatives in service area " + Require.excerpt(serviceArea)));
    }

    @Operation(summary = "A commissioner who manages the initiative assigns the provider who delivers it and reports on it",
            description = MANAGED)
    @PutMapping("/initiatives/{id}/provider")
    @Sends(AssignProvider.class)
    ResponseEntity<Void> assignProvider(@PathVariable UUID id, @RequestBody ProviderAssignment assignment) {
        commands.send(new AssignProvider(id.toString(), assignment.providerId(), assignment.providerName()));
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "A commissioner who manages the initiative defines an indicator: unit, baseline, target and direction of good",
            description = MANAGED)
    @PutMapping("/initiatives/{id}/indicators/{indicatorId}")
    @Sends(DefineIndicator.class)
    ResponseEntity<Void> defineIndicator(@PathVariable UUID id, @PathVariable String indicatorId, @RequestBody IndicatorDefinition definition) {
        commands.send(new DefineIndicator(id.toString(), indicatorId, definition.name(), definition.unit(), definition.baseline(),
                definition.target(), definition.direction()));
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "A commissioner who manages the initiative sets the review dates; the list replaces any earlier one",
            description = MANAGED)
    @PutMapping("/initiatives/{id}/review-dates")
    @Sends(ScheduleReviewDates.class)
    ResponseEntity<Void> scheduleReviews(@PathVariable UUID id, @RequestBody ReviewDates dates) {
        commands.send(new ScheduleReviewDates(id.toString(), dates.reviewDates()));
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "The assigned provider reports progress: indicator values and a narrative")
    @PostMapping("/initiatives/{id}/progress-reports")
    @Sends(ReportProgress.class)
    ResponseEntity<Created> report(@PathVariable UUID id, @RequestBody ProgressReport report) {
        String reportId = UUID.randomUUID().toString();
        commands.send(new ReportProgress(id.toString(), reportId, report.readings(), report.narrative(), report.observedOn()));
        return ResponseEntity.created(URI.create("/api/outcomes/initiatives/" + id + "#report-" + reportId)).body(new Created(reportId));
    }

    @Operation(summary = "A citizen or staff member reports their lived experience: values and a narrative",
            description = "Kept as each indicator's livedExperience series, shown beside the provider's; never the indicator's "
                    + "latest value nor the ground of an ACHIEVED review.")
    @PostMapping("/initiatives/{id}/lived-experience")
    @Sends(ShareLivedExperience.class)
    ResponseEntity<Created> livedExperience(@PathVariable UUID id, @RequestBody ProgressReport report) {
        String reportId = UUID.randomUUID().toString();
        commands.send(new ShareLivedExperience(id.toString(), reportId, report.readings(), report.narrative(), report.observedOn()));
        return ResponseEntity.created(URI.create("/api/outcomes/initiatives/" + id + "#report-" + reportId)).body(new Created(reportId));
    }

    @Operation(summary = "The assigned provider or a co-designer records assets given: hours, skills used, places opened")
    @PostMapping("/initiatives/{id}/assets-given")
    @Sends(RecordAssetsGiven.class)
    ResponseEntity<Created> assetsGiven(@PathVariable UUID id, @RequestBody AssetsGiven given) {
        String mobilisationId = UUID.randomUUID().toString();
        commands.send(new RecordAssetsGiven(id.toString(), mobilisationId, given.pledgeId(), given.participantId(), given.kind(),
                given.description(), given.hours(), given.givenOn()));
        return ResponseEntity.created(URI.create("/api/outcomes/initiatives/" + id + "#assets-" + mobilisationId))
                .body(new Created(mobilisationId));
    }

    @Operation(summary = "A commissioner who manages the initiative reviews it: ON_TRACK, AT_RISK, ACHIEVED (the provider's "
            + "latest values meet every target, or with an override reason) or STOPPED", description = MANAGED)
    @PostMapping("/initiatives/{id}/reviews")
    @Sends(ReviewInitiative.class)
    ResponseEntity<Void> review(@PathVariable UUID id, @RequestBody Review review) {
        commands.send(new ReviewInitiative(id.toString(), review.status(), review.reason(), review.overrideReason()));
        return ResponseEntity.noContent().build();
    }
}
