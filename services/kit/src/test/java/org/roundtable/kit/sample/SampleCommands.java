package org.roundtable.kit.sample;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.roundtable.events.Role;
import org.roundtable.kit.authority.Authority;

public final class SampleCommands {

    @Authority(roles = {Role.CITIZEN, Role.STAFF}, relationship = "become its creator")
    public record CreateSample(String sampleId, String title) {
    }

    @Authority(roles = {Role.CITIZEN, Role.STAFF}, relationship = "created the sample")
    public record RenameSample(@TargetAggregateIdentifier String sampleId, String title) {
    }

    @Authority(roles = Role.SYSTEM, relationship = "are the platform, on hearing of a decision")
    public record MarkSample(@TargetAggregateIdentifier String sampleId, String decisionId) {
    }

    private SampleCommands() {
    }
}
