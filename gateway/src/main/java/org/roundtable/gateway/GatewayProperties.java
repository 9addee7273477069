package org.roundtable.gateway;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.Map;

/**
 * @param services     each downstream service's base URL, by name (proposals, participation, ...)
 * @param webOrigin    the origin of the web UI, the only one CORS admits
 * @param rateLimit    the per-user request budget
 * @param healthTimeout how long a downstream health check may take before the service counts as down
 * @param sessionTimeout how long a browser session lasts without a request
 */
@ConfigurationProperties("roundtable.gateway")
public record GatewayProperties(Map<String, String> services, String webOrigin, RateLimit rateLimit, Duration healthTimeout,
                                Duration sessionTimeout) {

    /** A token bucket per user, shared by every gateway instance: {@code burst} requests at once, refilled at {@code requestsPerSecond}. */
    public record RateLimit(double requestsPerSecond, int burst) {
    }
}
