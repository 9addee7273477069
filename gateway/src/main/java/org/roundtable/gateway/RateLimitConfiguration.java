package org.roundtable.gateway;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import reactor.core.publisher.Mono;

import java.net.InetSocketAddress;

/** The rate limiter and the key it counts by, named in the {@code RequestRateLimiter} default filter. */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    @Bean
    PerUserRateLimiter perUserRateLimiter(GatewayProperties properties, JdbcTemplate jdbc, MeterRegistry meters) {
        return new PerUserRateLimiter(properties.rateLimit(), jdbc, meters);
    }

    /** The token's subject; an anonymous request (API documents) counts against its remote address instead. */
    @Bean
    KeyResolver perUserKeyResolver() {
        return exchange -> exchange.getPrincipal()
                .map(principal -> "user:" + principal.getName())
                .switchIfEmpty(Mono.fromSupplier(() -> {
                    InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
                    return "address:" + (remote == null ? "unknown" : remote.getAddress().getHostAddress());
                }));
    }
}
