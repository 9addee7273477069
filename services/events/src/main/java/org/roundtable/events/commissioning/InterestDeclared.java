package org.roundtable.events.commissioning;

import org.roundtable.events.IntegrationEvent;
import org.roundtable.events.Published;
import org.roundtable.events.Source;

/** A panel member declared an interest, or none; a declared interest recuses them. */
@Published(source = Source.COMMISSIONING, version = 1)
public record InterestDeclared(String caseId, String memberId, boolean hasInterest, String description, boolean recused)
        implements IntegrationEvent {
}
