package org.roundtable.events.proposals;

import java.math.BigDecimal;

/** An amount in a currency (ISO 4217 code). */
public record Money(BigDecimal amount, String currency) {
}
