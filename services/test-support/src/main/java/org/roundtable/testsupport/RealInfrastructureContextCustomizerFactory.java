package org.roundtable.testsupport;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

import java.util.List;
import java.util.Map;

/** Points a test's Spring context at the shared PostgreSQL, Kafka broker and token issuer. */
public class RealInfrastructureContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        return MergedAnnotations.from(testClass, MergedAnnotations.SearchStrategy.TYPE_HIERARCHY)
                .get(RealInfrastructure.class)
                .synthesize(annotation -> annotation.isPresent())
                .map(annotation -> (ContextCustomizer) new Customizer(annotation.database()))
                .orElse(null);
    }

    private record Customizer(String database) implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration configuration) {
            PostgresServer postgres = PostgresServer.shared();
            KafkaBroker kafka = KafkaBroker.shared();
            TestTokens tokens = TestTokens.shared();
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("roundtableRealInfrastructure", Map.of(
                    "spring.datasource.url", postgres.jdbcUrl(database),
                    "spring.datasource.username", postgres.username(),
                    "spring.datasource.password", postgres.password(),
                    "spring.kafka.bootstrap-servers", kafka.bootstrapServers(),
                    "spring.security.oauth2.resourceserver.jwt.issuer-uri", tokens.issuer(),
                    "spring.security.oauth2.resourceserver.jwt.jwk-set-uri", tokens.jwkSetUri())));
        }
    }
}
