package org.roundtable.witness;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * A witness of the audit ledger's log, run as its own process with its own key and its own state: it fetches the
 * log's latest checkpoint, checks it against the last one it cosigned, and sends its cosignature back to the log,
 * which publishes it with the checkpoint. What it refuses it alerts on (log, metric and {@code GET /witness}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class WitnessApplication {

    public static void main(String[] args) {
        SpringApplication.run(WitnessApplication.class, args);
    }
}
