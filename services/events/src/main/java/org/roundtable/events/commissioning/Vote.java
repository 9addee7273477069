package org.roundtable.events.commissioning;

/** A panel member's vote; abstaining counts towards quorum but neither for nor against. */
public enum Vote {
    APPROVE, REJECT, ABSTAIN
}
