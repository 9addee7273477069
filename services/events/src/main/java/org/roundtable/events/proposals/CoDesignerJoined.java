package org.roundtable.events.proposals;

import org.roundtable.events.IntegrationEvent;
import org.roundtable.events.Published;
import org.roundtable.events.Source;

/** An invited person joined as co-designer, in the role they act in, saying what they bring. */
@Published(source = Source.PROPOSALS, version = 1)
public record CoDesignerJoined(String proposalId, CoDesigner coDesigner) implements IntegrationEvent {
}
