package org.roundtable.gateway;

import org.springframework.boot.health.contributor.CompositeReactiveHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /actuator/health} shows each downstream service under {@code downstream}, from its own
 * {@code /actuator/health}: one service down makes the gateway's overall health DOWN, because the platform as a whole
 * is not fully served. The liveness and readiness probes ({@code /actuator/health/liveness}, {@code /readiness}) look at
 * the gateway alone, so an outage downstream never restarts the gateway or stops it routing to the services that
 * still work.
 */
@Configuration(proxyBeanMethods = false)
class DownstreamHealth {

    @Bean
    CompositeReactiveHealthContributor downstream(GatewayProperties properties) {
        WebClient http = WebClient.create();
        Map<String, ReactiveHealthIndicator> services = new LinkedHashMap<>();
        properties.services().forEach((name, url) -> services.put(name, indicator(http, url, properties.healthTimeout())));
        return CompositeReactiveHealthContributor.fromMap(services);
    }

    static ReactiveHealthIndicator indicator(WebClient http, String baseUrl, Duration timeout) {
        String url = baseUrl + "/actuator/health";
        return () -> http.get().uri(url).accept(MediaType.APPLICATION_JSON)
                .exchangeToMono(response -> response.bodyToMono(Map.class).defaultIfEmpty(Map.of())
                        .map(body -> {
                            Object status = body.get("status");
                            Health.Builder health = response.statusCode().is2xxSuccessful() && "UP".equals(status)
                                    ? Health.up() : Health.down();
                            return health.withDetail("status", String.valueOf(status))
                                    .withDetail("httpStatus", response.statusCode().value()).build();
                        }))
                .timeout(timeout)
                .onErrorResume(failure -> Mono.just(Health.down().withDetail("error", failure.getClass().getSimpleName()
                        + (failure.getMessage() == null ? "" : ": " + failure.getMessage())).build()));
    }
}
