package org.roundtable.kit.sample;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.roundtable.events.EventEnvelope;
import org.roundtable.kit.inbox.InboxHandler;
import org.roundtable.kit.sample.SampleCommands.MarkSample;
import org.roundtable.kit.sample.SampleEvents.SampleDecided;
import org.springframework.stereotype.Component;

@Component
class CommissioningEventsListener {

    private final CommandGateway commands;

    CommissioningEventsListener(CommandGateway commands) {
        this.commands = commands;
    }

    @InboxHandler
    void on(SampleDecided decided, EventEnvelope envelope) {
        if (decided.refuse()) {
            throw new IllegalStateException("sample " + decided.sampleId() + " refuses decision " + decided.decisionId());
        }
        commands.sendAndWait(new MarkSample(decided.sampleId(), decided.decisionId()));
    }
}
