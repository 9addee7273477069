package org.roundtable.kit.sample;

import org.roundtable.events.IntegrationEvent;
import org.roundtable.events.Published;
import org.roundtable.events.Source;

import java.util.List;

/** A small published language of the test-only sample service. */
public final class SampleEvents {

    @Published(source = Source.PROPOSALS, version = 1)
    public record SampleCreated(String sampleId, String title, String creatorId) implements IntegrationEvent {
    }

    @Published(source = Source.PROPOSALS, version = 1)
    public record SampleRenamed(String sampleId, String title) implements IntegrationEvent {
    }

    @Published(source = Source.PROPOSALS, version = 1)
    public record SampleMarked(String sampleId, String decisionId) implements IntegrationEvent {
    }

    /** What another service (here: commissioning) publishes and the sample service reacts to. */
    @Published(source = Source.COMMISSIONING, version = 1)
    public record SampleDecided(String sampleId, String decisionId, boolean refuse) implements IntegrationEvent {
    }

    public static final List<Class<? extends IntegrationEvent>> ALL =
            List.of(SampleCreated.class, SampleRenamed.class, SampleMarked.class, SampleDecided.class);

    private SampleEvents() {
    }
}
