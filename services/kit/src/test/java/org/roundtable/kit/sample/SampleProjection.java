package org.roundtable.kit.sample;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.roundtable.kit.sample.SampleEvents.SampleCreated;
import org.roundtable.kit.sample.SampleEvents.SampleRenamed;
import org.springframework.stereotype.Component;

/** A test-only projection, written the way every service writes its own. */
@Component
@ProcessingGroup(SampleProjection.PROCESSING_GROUP)
class SampleProjection {

    static final String PROCESSING_GROUP = "sample-views";

    private final SampleViews views;

    SampleProjection(SampleViews views) {
        this.views = views;
    }

    @EventHandler
    void on(SampleCreated event) {
        SampleView view = new SampleView(event.sampleId());
        view.title = event.title();
        views.save(view);
    }

    @EventHandler
    void on(SampleRenamed event) {
        SampleView view = views.findById(event.sampleId()).orElseThrow(() -> new IllegalStateException("no sample " + event.sampleId()));
        view.title = event.title();
        view.revisions++;
    }
}
