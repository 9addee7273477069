package org.roundtable.proposals.domain;

import java.util.EnumSet;
import java.util.Set;

/** {@code DRAFT → SUBMITTED → UNDER_DECISION → COMMISSIONED | DECLINED}, and {@code WITHDRAWN} from any open state. */
public enum ProposalStatus {
    DRAFT, SUBMITTED, UNDER_DECISION, COMMISSIONED, DECLINED, WITHDRAWN;

    private static final Set<ProposalStatus> OPEN = EnumSet.of(DRAFT, SUBMITTED, UNDER_DECISION);

    public boolean isOpen() {
        return OPEN.contains(this);
    }
}
