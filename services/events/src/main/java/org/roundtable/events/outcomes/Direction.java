package org.roundtable.events.outcomes;

/** Which way an indicator has to move for things to be getting better. */
public enum Direction {
    /** More is better: hours volunteered, people connected, well-being scores. */
    HIGHER_IS_BETTER,
    /** Less is better: people reporting loneliness, days waited. */
    LOWER_IS_BETTER
}
