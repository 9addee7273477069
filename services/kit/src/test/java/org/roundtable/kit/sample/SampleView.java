package org.roundtable.kit.sample;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A test-only read model whose title column is narrower than what the sample aggregate accepts (40 against 100): the
 * shape of a projection that cannot store an event the command side took.
 */
@Entity
@Table(name = "sample_view")
public class SampleView {

    @Id
    @Column(length = 100)
    String sampleId;
    @Column(length = 40, nullable = false)
    String title;
    int revisions;

    protected SampleView() {
    }

    SampleView(String sampleId) {
        this.sampleId = sampleId;
    }

    public String getTitle() {
        return title;
    }

    public int getRevisions() {
        return revisions;
    }
}
