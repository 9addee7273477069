package org.roundtable.outcomes.query;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.MetaData;
import org.roundtable.events.Actor;
import org.roundtable.events.Role;
import org.roundtable.events.outcomes.AssetsMobilised;
import org.roundtable.events.outcomes.ContributionExpected;
import org.roundtable.events.outcomes.ContributionReleased;
import org.roundtable.events.outcomes.IndicatorDefined;
import org.roundtable.events.outcomes.IndicatorReading;
import org.roundtable.events.outcomes.InitiativeReviewed;
import org.roundtable.events.outcomes.InitiativeStarted;
import org.roundtable.events.outcomes.ProgressReported;
import org.roundtable.events.outcomes.ProviderAssigned;
import org.roundtable.events.outcomes.ReviewDatesScheduled;
import org.roundtable.kit.actor.ActorMetadata;
import org.roundtable.outcomes.domain.InitiativeStatus;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.stream.Collectors;

/**
 * Builds the initiatives read model from the initiative events. It runs on a tracking processor, so it can be rebuilt
 * from the event store at any time: reset the processor and the tables are emptied and filled again.
 */
@Component
@ProcessingGroup("initiative-views")
public class InitiativeProjection {

    private final InitiativeViews initiatives;
    private final IndicatorViews indicators;
    private final ReportViews reports;
    private final ReadingViews readings;
    private final ContributionViews contributions;
    private final MobilisationViews mobilisations;
    private final ReviewViews reviews;

    InitiativeProjection(InitiativeViews initiatives, IndicatorViews indicators, ReportViews reports, ReadingViews readings,
                         ContributionViews contributions, MobilisationViews mobilisations, ReviewViews reviews) {
        this.initiatives = initiatives;
        this.indicators = indicators;
        this.reports = reports;
        this.readings = readings;
        this.contributions = contributions;
        this.mobilisations = mobilisations;
        this.reviews = reviews;
    }

    @EventHandler
    void on(InitiativeStarted event, @Timestamp Instant at) {
        initiatives.save(new InitiativeView(event.initiativeId(), event.proposalId(), event.caseId(), event.title(), event.serviceArea(),
                event.funding() == null ? null : event.funding().amount(), event.funding() == null ? null : event.funding().currency(), at));
        event.indicators().forEach(draft -> indicators.save(new IndicatorView(event.initiativeId(), draft.indicatorId(), draft.name())));
    }

    @EventHandler
    void on(ProviderAssigned event, @Timestamp Instant at) {
        initiatives.findById(event.initiativeId()).ifPresent(view -> view.provider(event.providerId(), event.providerName(), at));
    }

    @EventHandler
    void on(IndicatorDefined event, @Timestamp Instant at) {
        IndicatorView indicator = indicators.findByInitiativeIdAndIndicatorId(event.initiativeId(), event.indicatorId())
                .orElseGet(() -> new IndicatorView(event.initiativeId(), event.indicatorId(), event.name()));
        indicator.define(event.name(), event.unit(), event.baseline(), event.target(), event.direction());
        indicators.save(indicator);
        touch(event.initiativeId(), at);
    }

    @EventHandler
    void on(ReviewDatesScheduled event, @Timestamp Instant at) {
        String dates = event.reviewDates().stream().map(LocalDate::toString).collect(Collectors.joining(","));
        initiatives.findById(event.initiativeId()).ifPresent(view -> view.reviewDates(dates, at));
    }

    @EventHandler
    void on(ProgressReported event, MetaData metadata, @Timestamp Instant at) {
        Actor reporter = actor(metadata);
        reports.save(new ReportView(event.initiativeId(), event.reportId(), event.narrative(), event.observedOn(), event.reportedOn(),
                event.livedExperience(), reporter.subjectId(), reporter.role()));
        for (IndicatorReading reading : event.readings()) {
            readings.save(new ReadingView(event.initiativeId(), reading.indicatorId(), event.reportId(), reading.value(),
                    event.observedOn(), event.reportedOn(), event.livedExperience()));
        }
        touch(event.initiativeId(), at);
    }

    @EventHandler
    void on(ContributionExpected event, @Timestamp Instant at) {
        contributions.save(new ContributionView(event.initiativeId(), event.pledgeId(), event.participantId(), event.publicName(),
                event.kind(), event.description(), event.hoursPerMonth()));
        touch(event.initiativeId(), at);
    }

    @EventHandler
    void on(ContributionReleased event, @Timestamp Instant at) {
        contributions.findByInitiativeIdAndPledgeId(event.initiativeId(), event.pledgeId()).ifPresent(ContributionView::released);
        touch(event.initiativeId(), at);
    }

    @EventHandler
    void on(AssetsMobilised event, MetaData metadata, @Timestamp Instant at) {
        Actor recorder = actor(metadata);
        mobilisations.save(new MobilisationView(event.initiativeId(), event.mobilisationId(), event.pledgeId(), event.participantId(),
                event.publicName(), event.kind(), event.description(), event.hours(), event.givenOn(), recorder.subjectId(), recorder.role()));
        touch(event.initiativeId(), at);
    }

    @EventHandler
    void on(InitiativeReviewed event, MetaData metadata, @Timestamp Instant at) {
        reviews.save(new ReviewView(event.initiativeId(), event.status(), event.reason(), event.overrideReason(),
                actor(metadata).subjectId(), at));
        initiatives.findById(event.initiativeId()).ifPresent(view -> view.status(InitiativeStatus.of(event.status()), at));
    }

    @ResetHandler
    void reset() {
        reviews.deleteAllInBatch();
        mobilisations.deleteAllInBatch();
        contributions.deleteAllInBatch();
        readings.deleteAllInBatch();
        reports.deleteAllInBatch();
        indicators.deleteAllInBatch();
        initiatives.deleteAllInBatch();
    }

    private void touch(String initiativeId, Instant at) {
        initiatives.findById(initiativeId).ifPresent(view -> view.touched(at));
    }

    private static Actor actor(MetaData metadata) {
        return ActorMetadata.actorOf(metadata).orElse(new Actor("unknown", Role.SYSTEM, null));
    }
}
