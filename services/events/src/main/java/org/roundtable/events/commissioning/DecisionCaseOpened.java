package org.roundtable.events.commissioning;

import org.roundtable.events.IntegrationEvent;
import org.roundtable.events.Published;
import org.roundtable.events.Source;
import org.roundtable.events.proposals.Money;

/** A decision case was opened, once, for a submitted proposal; {@code asked} is the money the proposal asks for, if any. */
@Published(source = Source.COMMISSIONING, version = 1)
public record DecisionCaseOpened(String caseId, String proposalId, String title, String serviceArea, Money asked)
        implements IntegrationEvent {
}
