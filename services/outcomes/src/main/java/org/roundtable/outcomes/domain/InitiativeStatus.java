package org.roundtable.outcomes.domain;

import org.roundtable.events.outcomes.ReviewStatus;

/** Where an initiative stands: in delivery until its first review, then as its latest review says. */
public enum InitiativeStatus {
    IN_DELIVERY, ON_TRACK, AT_RISK, ACHIEVED, STOPPED;

    public static InitiativeStatus of(ReviewStatus review) {
        return valueOf(review.name());
    }

    /** Achieved or stopped: nothing more is reported, given or reviewed. */
    public boolean isClosed() {
        return this == ACHIEVED || this == STOPPED;
    }
}
