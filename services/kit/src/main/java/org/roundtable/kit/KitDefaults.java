package org.roundtable.kit;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Adds the kit's defaults (Axon without Axon Server, Jackson, the bytea dialect, ...) below every other setting. */
public class KitDefaults implements EnvironmentPostProcessor {

    private static final String DEFAULTS = "roundtable-kit-defaults.properties";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            environment.getPropertySources().addLast(new ResourcePropertySource("roundtableKitDefaults", new ClassPathResource(DEFAULTS)));
        } catch (IOException missing) {
            throw new UncheckedIOException("the kit's " + DEFAULTS + " is missing", missing);
        }
    }
}
