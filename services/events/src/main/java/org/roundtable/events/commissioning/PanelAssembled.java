package org.roundtable.events.commissioning;

import org.roundtable.events.IntegrationEvent;
import org.roundtable.events.Published;
import org.roundtable.events.Source;
import org.roundtable.events.proposals.Money;

import java.time.Instant;
import java.util.List;

/**
 * A holder of fund {@code fundId} (the envelope's actor) assembled the panel of case {@code caseId}, deciding proposal
 * {@code proposalId} in {@code serviceArea}: its members with the role each sits in, its chair, its deadline, the fund
 * an approval draws on and the amount it would allocate ({@code null}: the proposal asks for no money).
 */
@Published(source = Source.COMMISSIONING, version = 1)
public record PanelAssembled(String caseId, List<PanelMember> members, String chairId, Instant deadline, String fundId,
                             Money amount, String proposalId, String serviceArea) implements IntegrationEvent {

    /** A panel without its proposal id and service area, as first published. */
    public PanelAssembled(String caseId, List<PanelMember> members, String chairId, Instant deadline, String fundId, Money amount) {
        this(caseId, members, chairId, deadline, fundId, amount, null, null);
    }
}
