package org.roundtable.events.commissioning;

/** How a decision case ended. */
public enum DecisionOutcome {
    /** Approvals outnumbered rejections among a quorate panel. */
    APPROVED,
    /** A quorate panel did not approve. */
    REJECTED,
    /** Too few members voted, or no citizen member voted: nothing was decided for or against the proposal. */
    NO_QUORUM,
    /** The proposal was withdrawn before a decision: the case closed without one and allocated nothing. */
    WITHDRAWN
}
