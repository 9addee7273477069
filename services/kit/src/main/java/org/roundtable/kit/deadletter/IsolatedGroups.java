package org.roundtable.kit.deadletter;

import org.axonframework.springboot.EventProcessorProperties;

/**
 * The processing groups whose failing events are set aside as dead letters: every group handled by a streaming
 * processor (tracking or pooled), which is every projection and the relay. A subscribing processor handles events in
 * the transaction that stored them, so its failure is the command's failure and it keeps Axon's own error handling.
 */
final class IsolatedGroups {

    private final EventProcessorProperties processors;

    IsolatedGroups(EventProcessorProperties processors) {
        this.processors = processors;
    }

    boolean isolated(String group) {
        EventProcessorProperties.ProcessorSettings settings = processors.getProcessors().get(group);
        return settings == null || settings.getMode() != EventProcessorProperties.Mode.SUBSCRIBING;
    }
}
