package org.roundtable.gateway;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.session.config.annotation.web.server.EnableSpringWebSession;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Browser sessions through Spring Session's WebFlux support, stored in PostgreSQL. The signed-in person's OAuth2 tokens
 * (the access token TokenRelay forwards, the refresh token) are kept in the session too, not in one instance's memory,
 * so that every gateway instance, and a restarted one, can relay them.
 */
@Configuration(proxyBeanMethods = false)
@EnableSpringWebSession
class SessionConfiguration {

    @Bean
    PostgresSessionRepository sessionRepository(JdbcTemplate jdbc, TransactionTemplate transactions, GatewayProperties properties) {
        return new PostgresSessionRepository(jdbc, transactions, properties.sessionTimeout());
    }

    @Bean
    ServerOAuth2AuthorizedClientRepository authorizedClientRepository() {
        return new WebSessionServerOAuth2AuthorizedClientRepository();
    }
}
