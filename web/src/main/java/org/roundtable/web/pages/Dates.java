package org.roundtable.web.pages;

import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Times as the pages show them ({@code ${@dates.when(instant)}}), where Roundtable's people live. */
@Component("dates")
public class Dates {

    /** Where Roundtable's people live: times typed into forms are read there. */
    static final ZoneId LOCAL = ZoneId.of("Europe/London");

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK).withZone(LOCAL);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.UK).withZone(LOCAL);

    public String day(Instant instant) {
        return instant == null ? "" : DAY.format(instant);
    }

    public String when(Instant instant) {
        return instant == null ? "" : WHEN.format(instant);
    }

    /** For a {@code datetime-local} field. */
    public String field(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ISO_LOCAL_DATE_TIME.withZone(LOCAL).format(instant).substring(0, 16);
    }

}
