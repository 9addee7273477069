package org.roundtable.events.commissioning;

import org.roundtable.events.proposals.Money;

/** Money allocated from a fund by an approving decision. */
public record Allocation(String fundId, Money amount) {
}
