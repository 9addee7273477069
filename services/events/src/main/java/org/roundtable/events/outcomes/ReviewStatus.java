package org.roundtable.events.outcomes;

/** A commissioner's judgement of how an initiative is going. */
public enum ReviewStatus {
    ON_TRACK,
    AT_RISK,
    /** Every target met, or declared achieved with an explicit override reason. */
    ACHIEVED,
    STOPPED
}
