package org.roundtable.events.commissioning;

import org.roundtable.events.IntegrationEvent;
import org.roundtable.events.Published;
import org.roundtable.events.Source;
import org.roundtable.events.proposals.Money;

import java.time.LocalDate;
import java.util.List;

/**
 * A commissioner (the envelope's actor, always among the holders) created a budget of {@code amount} for a service
 * area and period, held by the named commissioners: only they assemble panels that draw on it.
 */
@Published(source = Source.COMMISSIONING, version = 1)
public record FundCreated(String fundId, String name, String serviceArea, LocalDate periodStart, LocalDate periodEnd, Money amount,
                          List<String> holderIds) implements IntegrationEvent {
}
