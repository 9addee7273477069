package org.roundtable.kit.sample;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public final class SampleCommands {

    public record CreateSample(String sampleId, String title) {
    }

    public record RenameSample(@TargetAggregateIdentifier String sampleId, String title) {
    }

    public record MarkSample(@TargetAggregateIdentifier String sampleId, String decisionId) {
    }

    private SampleCommands() {
    }
}
