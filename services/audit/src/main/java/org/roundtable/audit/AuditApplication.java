package org.roundtable.audit;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The platform's memory of who decided what: an append-only, hash-chained and signed ledger of every event on the
 * four Roundtable topics, and the views auditors read from it. It publishes nothing; it only consumes.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class AuditApplication {

    public static void main(String[] args) {
        SpringApplication.run(AuditApplication.class, args);
    }
}
