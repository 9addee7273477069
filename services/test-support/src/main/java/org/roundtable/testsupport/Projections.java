package org.roundtable.testsupport;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;

/** Rebuilding a projection, as an operator would, to show that it comes back from the service's own event store. */
public final class Projections {

    private Projections() {
    }

    /**
     * Stops a projection's processor and resets it to the start of the event store, so that it forgets what it kept
     * (its reset handler runs); it reads everything again once started.
     */
    public static TrackingEventProcessor resetToStart(EventProcessingConfiguration processing, String processingGroup) {
        TrackingEventProcessor processor = processing.eventProcessor(processingGroup, TrackingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no tracking processor for " + processingGroup));
        processor.shutDown();
        processor.resetTokens();
        return processor;
    }
}
