package org.roundtable.events.outcomes;

/** An intended outcome of the proposal, taken over as an indicator still to be defined (unit, baseline, target). */
public record DraftIndicator(String indicatorId, String name) {
}
