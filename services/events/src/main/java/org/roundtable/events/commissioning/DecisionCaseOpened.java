package org.roundtable.events.commissioning;

import org.roundtable.events.IntegrationEvent;
import org.roundtable.events.Published;
import org.roundtable.events.Source;
import org.roundtable.events.proposals.Money;

/**
 * The platform (role {@code SYSTEM}) opened a decision case, once, for a submitted proposal in a service area, on
 * hearing {@code ProposalSubmitted}; {@code asked} is the money the proposal asks for, if any.
 */
@Published(source = Source.COMMISSIONING, version = 1)
public record DecisionCaseOpened(String caseId, String proposalId, String title, String serviceArea, Money asked)
        implements IntegrationEvent {
}
