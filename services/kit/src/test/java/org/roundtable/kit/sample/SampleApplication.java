package org.roundtable.kit.sample;

import org.roundtable.events.EventCatalog;
import org.roundtable.events.RoundtableEvents;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** A test-only service standing on the kit, the way every Roundtable service does. */
@SpringBootApplication
public class SampleApplication {

    @Bean
    EventCatalog eventCatalog() {
        return RoundtableEvents.CATALOG.with(SampleEvents.ALL);
    }
}
