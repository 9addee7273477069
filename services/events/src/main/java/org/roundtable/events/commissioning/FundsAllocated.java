package org.roundtable.events.commissioning;

import org.roundtable.events.IntegrationEvent;
import org.roundtable.events.Published;
import org.roundtable.events.Source;
import org.roundtable.events.proposals.Money;

/**
 * An approving decision of case {@code caseId} took {@code amount} from a fund for proposal {@code proposalId};
 * {@code remaining} is what the fund holds afterwards, {@code serviceArea} the fund's. The envelope's actor is whoever
 * closed the case: its chair, or the platform at the deadline.
 */
@Published(source = Source.COMMISSIONING, version = 1)
public record FundsAllocated(String fundId, String caseId, String proposalId, Money amount, Money remaining, String serviceArea)
        implements IntegrationEvent {

    /** An allocation without its service area, as first published. */
    public FundsAllocated(String fundId, String caseId, String proposalId, Money amount, Money remaining) {
        this(fundId, caseId, proposalId, amount, remaining, null);
    }
}
