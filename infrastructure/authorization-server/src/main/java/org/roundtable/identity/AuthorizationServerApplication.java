package org.roundtable.identity;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The local OAuth2 authorization server: demo accounts, the gateway, command-line and machine clients, JWTs
 * carrying subject, name and roles. Its configuration file is {@code authorization-server.properties}, so that it can
 * share a JVM with another Spring application.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AuthorizationServerApplication {

    public static final String CONFIG_NAME = "authorization-server";

    public static void main(String[] args) {
        start(args);
    }

    public static ConfigurableApplicationContext start(String... args) {
        return new SpringApplicationBuilder(AuthorizationServerApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME)
                .run(args);
    }
}
