package org.roundtable.events.outcomes;

import org.roundtable.events.IntegrationEvent;
import org.roundtable.events.Published;
import org.roundtable.events.Source;

import java.math.BigDecimal;

/** A commissioner set (or reset) how an indicator is measured: its unit, where it starts, where it should get to. */
@Published(source = Source.OUTCOMES, version = 1)
public record IndicatorDefined(String initiativeId, String indicatorId, String name, String unit, BigDecimal baseline,
                               BigDecimal target, Direction direction) implements IntegrationEvent {
}
