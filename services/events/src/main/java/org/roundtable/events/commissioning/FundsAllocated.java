package org.roundtable.events.commissioning;

import org.roundtable.events.IntegrationEvent;
import org.roundtable.events.Published;
import org.roundtable.events.Source;
import org.roundtable.events.proposals.Money;

/** An approving decision took money from a fund; {@code remaining} is what the fund holds afterwards. */
@Published(source = Source.COMMISSIONING, version = 1)
public record FundsAllocated(String fundId, String caseId, String proposalId, Money amount, Money remaining) implements IntegrationEvent {
}
