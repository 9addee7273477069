package org.roundtable.kit.sample;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Optional;

/** Reads the sample read model inside a read-only transaction, the way every service's queries do. */
@Service
@Transactional(readOnly = true)
class SampleQueries {

    private final SampleViews views;

    SampleQueries(SampleViews views) {
        this.views = views;
    }

    Optional<String> title(String sampleId) {
        return views.findById(sampleId).map(SampleView::getTitle);
    }
}
