package org.roundtable.events.commissioning;

import org.roundtable.events.IntegrationEvent;
import org.roundtable.events.Published;
import org.roundtable.events.Source;
import org.roundtable.events.proposals.Money;

import java.time.Instant;
import java.util.List;

/**
 * A fund holder assembled the case's panel: its members, its chair, its deadline, the fund an approval draws on and
 * the amount it would allocate.
 */
@Published(source = Source.COMMISSIONING, version = 1)
public record PanelAssembled(String caseId, List<PanelMember> members, String chairId, Instant deadline, String fundId,
                             Money amount) implements IntegrationEvent {
}
