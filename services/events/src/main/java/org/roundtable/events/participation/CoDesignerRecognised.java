package org.roundtable.events.participation;

import org.roundtable.events.IntegrationEvent;
import org.roundtable.events.Published;
import org.roundtable.events.Source;

/** Participation learned that someone joined a proposal as co-designer: they may schedule its workshops. */
@Published(source = Source.PARTICIPATION, version = 1)
public record CoDesignerRecognised(String proposalId, String participantId) implements IntegrationEvent {
}
