package org.roundtable.gateway;

import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Mono;

import java.net.InetSocketAddress;

/** The rate limiter and the key it counts by, named in the {@code RequestRateLimiter} default filter. */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    @Bean
    PerUserRateLimiter perUserRateLimiter(GatewayProperties properties) {
        return new PerUserRateLimiter(properties.rateLimit(), System::nanoTime);
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
