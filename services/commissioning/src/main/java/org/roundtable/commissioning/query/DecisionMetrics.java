package org.roundtable.commissioning.query;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.roundtable.events.commissioning.DecisionReached;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;

/**
 * Times how long cases take from opening to decision, as {@code roundtable.decision.duration} tagged with the
 * outcome. Its processing group is a subscribing one, so it hears decisions as they are reached and never again on a
 * replay; a case whose opening the read model has not seen is left out rather than guessed.
 */
@Component
@ProcessingGroup(DecisionMetrics.PROCESSING_GROUP)
public class DecisionMetrics {

    static final String PROCESSING_GROUP = "decision-metrics";

    private final CaseViews cases;
    private final MeterRegistry registry;

    DecisionMetrics(CaseViews cases, MeterRegistry registry) {
        this.cases = cases;
        this.registry = registry;
    }

    @EventHandler
    void on(DecisionReached decision, @Timestamp Instant decidedAt) {
        cases.findById(decision.caseId())
                .filter(view -> view.openedAt != null && !view.openedAt.isAfter(decidedAt))
                .ifPresent(view -> Timer.builder("roundtable.decision.duration")
                        .description("From a decision case's opening to its decision, by outcome")
                        .tag("outcome", decision.outcome().name())
                        .register(registry)
                        .record(Duration.between(view.openedAt, decidedAt)));
    }
}
