package org.roundtable.events.commissioning;

public enum Vote {
    APPROVE, REJECT, ABSTAIN
}
