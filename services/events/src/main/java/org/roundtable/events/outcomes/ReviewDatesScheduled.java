package org.roundtable.events.outcomes;

import org.roundtable.events.IntegrationEvent;
import org.roundtable.events.Published;
import org.roundtable.events.Source;

import java.time.LocalDate;
import java.util.List;

/** A commissioner set the dates on which the initiative will be reviewed; the list replaces any earlier one. */
@Published(source = Source.OUTCOMES, version = 1)
public record ReviewDatesScheduled(String initiativeId, List<LocalDate> reviewDates) implements IntegrationEvent {

    public ReviewDatesScheduled {
        reviewDates = reviewDates == null ? List.of() : List.copyOf(reviewDates);
    }
}
