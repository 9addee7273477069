package org.roundtable.testsupport;

import org.roundtable.local.PostgresServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

@SpringJUnitConfig(RealInfrastructureIT.Empty.class)
@RealInfrastructure(database = "support_context")
class RealInfrastructureIT {

    @Configuration(proxyBeanMethods = false)
    static class Empty {
    }

    @Autowired
    Environment environment;

    @Test
    void pointsTheContextAtTheSharedInfrastructure() throws Exception {
        PostgresServer postgres = SharedInfrastructure.postgres();
        TestTokens tokens = TestTokens.shared();

        assertThat(environment.getProperty("spring.datasource.url")).isEqualTo(postgres.jdbcUrl("support_context"));
        assertThat(environment.getProperty("spring.datasource.username")).isEqualTo(postgres.username());
        assertThat(environment.getProperty("spring.kafka.bootstrap-servers")).isEqualTo(SharedInfrastructure.kafka().bootstrapServers());
        assertThat(environment.getProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri")).isEqualTo(tokens.issuer());
        assertThat(environment.getProperty("spring.security.oauth2.resourceserver.jwt.jwk-set-uri")).isEqualTo(tokens.jwkSetUri());
        try (Connection connection = DriverManager.getConnection(environment.getProperty("spring.datasource.url"),
                environment.getProperty("spring.datasource.username"), environment.getProperty("spring.datasource.password"));
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("select current_database()")) {
            result.next();
            assertThat(result.getString(1)).isEqualTo("support_context");
        }
    }
}
