package org.roundtable.web.pages;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** Workshop times as people type them (a date and time where Roundtable's people live) and as the services keep them. */
final class WorkshopTimes {

    static final ZoneId LOCAL = ZoneId.of("Europe/London");

    private WorkshopTimes() {
    }

    /** {@code 2030-01-15T16:00} (what a datetime-local field sends), or {@code null} when it is not one. */
    static Instant parse(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(typed.strip()).atZone(LOCAL).toInstant();
        } catch (DateTimeParseException notATime) {
            return null;
        }
    }
}
