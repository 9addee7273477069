package org.roundtable.outcomes;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import java.time.Clock;

/** Initiatives that deliver commissioned proposals: indicators, progress, assets mobilised and reviews. */
@SpringBootApplication
public class OutcomesApplication {

    public static void main(String[] args) {
        SpringApplication.run(OutcomesApplication.class, args);
    }

    /** The day a report is recorded on comes from here, never from the client. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
