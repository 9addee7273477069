package org.roundtable.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The single entry point: routes the five services' APIs, checks and relays JWTs, logs browsers in, limits each
 * user's request rate and request sizes, answers CORS for the web origin, gathers the API documents into one Swagger
 * UI and reports the downstream services' health.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }
}
