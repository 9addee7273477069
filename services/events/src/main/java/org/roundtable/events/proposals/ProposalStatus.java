package org.roundtable.events.proposals;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a proposal stands: {@code DRAFT → SUBMITTED → UNDER_DECISION → COMMISSIONED | DECLINED}, and {@code WITHDRAWN}
 * from any open state. Each status is reached by one published fact, so the proposal itself, its read model and
 * whoever follows its events elsewhere tell a proposal's status the same way.
 */
public enum ProposalStatus {
    DRAFT(ProposalDrafted.class),
    SUBMITTED(ProposalSubmitted.class),
    UNDER_DECISION(ProposalUnderDecision.class),
    COMMISSIONED(ProposalCommissioned.class),
    DECLINED(ProposalDeclined.class),
    WITHDRAWN(ProposalWithdrawn.class);

    private static final Set<ProposalStatus> OPEN = EnumSet.of(DRAFT, SUBMITTED, UNDER_DECISION);

    private final Class<? extends ProposalStatusChange> reachedWith;

    ProposalStatus(Class<? extends ProposalStatusChange> reachedWith) {
        this.reachedWith = reachedWith;
    }

    public boolean isOpen() {
        return OPEN.contains(this);
    }

    /** The status the fact puts its proposal in. */
    public static ProposalStatus reachedBy(ProposalStatusChange change) {
        for (ProposalStatus status : values()) {
            if (status.reachedWith == change.getClass()) {
                return status;
            }
        }
        throw new IllegalArgumentException(change.getClass().getName() + " puts a proposal in no status");
    }
}
