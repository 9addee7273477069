package org.roundtable.events.outcomes;

import java.math.BigDecimal;

/** The value of one indicator in a progress report. */
public record IndicatorReading(String indicatorId, BigDecimal value) {
}
