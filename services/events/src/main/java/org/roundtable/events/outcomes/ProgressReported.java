package org.roundtable.events.outcomes;

import org.roundtable.events.IntegrationEvent;
import org.roundtable.events.Published;
import org.roundtable.events.Source;

import java.time.LocalDate;
import java.util.List;

/**
 * Indicator values with a narrative, from the assigned provider or from a citizen's lived experience
 * ({@code livedExperience}). {@code observedOn} is the day the values describe; {@code reportedOn} the day they were
 * reported, so a late report keeps its real date.
 */
@Published(source = Source.OUTCOMES, version = 1)
public record ProgressReported(String initiativeId, String reportId, List<IndicatorReading> readings, String narrative,
                               LocalDate observedOn, LocalDate reportedOn, boolean livedExperience) implements IntegrationEvent {

    public ProgressReported {
        readings = readings == null ? List.of() : List.copyOf(readings);
    }
}
