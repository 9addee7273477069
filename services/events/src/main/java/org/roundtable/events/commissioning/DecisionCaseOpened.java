package org.roundtable.events.commissioning;

import org.roundtable.events.IntegrationEvent;
import org.roundtable.events.Published;
import org.roundtable.events.Source;

/** A decision case was opened for a submitted proposal. */
@Published(source = Source.COMMISSIONING, version = 1)
public record DecisionCaseOpened(String caseId, String proposalId, String serviceArea) implements IntegrationEvent {
}
