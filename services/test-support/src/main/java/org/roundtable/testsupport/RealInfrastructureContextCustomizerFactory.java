package org.roundtable.testsupport;

import org.roundtable.local.PostgresServer;
import org.roundtable.local.KafkaBroker;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

import java.util.List;
import java.util.Map;

/**
 * Points the Spring context of a test class carrying {@link RealInfrastructure} (directly, on a superclass, an
 * enclosing class or through a meta-annotation) at the shared PostgreSQL, Kafka broker and token issuer.
 */
public class RealInfrastructureContextCustomizerFactory implements ContextCustomizerFactory {

    static final String PROPERTY_SOURCE_NAME = "roundtableRealInfrastructure";

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        RealInfrastructure annotation = TestContextAnnotationUtils.findMergedAnnotation(testClass, RealInfrastructure.class);
        return annotation == null ? null : new Customizer(annotation.database());
    }

    /** Equal for equal databases, so that Spring's context cache gives such test classes one application context. */
    record Customizer(String database) implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration configuration) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, properties(database)));
        }
    }

    /** The settings that point an application at the shared infrastructure and the given database. */
    static Map<String, Object> properties(String database) {
        PostgresServer postgres = SharedInfrastructure.postgres();
        KafkaBroker kafka = SharedInfrastructure.kafka();
        TestTokens tokens = TestTokens.shared();
        return Map.of(
                "spring.datasource.url", postgres.jdbcUrl(database),
                "spring.datasource.username", postgres.username(),
                "spring.datasource.password", postgres.password(),
                "spring.kafka.bootstrap-servers", kafka.bootstrapServers(),
                "spring.security.oauth2.resourceserver.jwt.issuer-uri", tokens.issuer(),
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri", tokens.jwkSetUri());
    }
}
