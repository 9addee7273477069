package org.roundtable.gateway;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;

import java.util.List;

/**
 * The web application's pages: every path that is not the gateway's own (the APIs and their documents, the Swagger UI
 * and its assets, the actuator, OAuth2 login and sign-out). Checked after every API route, with the same filters: the
 * signed-in person's token relayed, their request budget, the size limit.
 */
@Configuration(proxyBeanMethods = false)
class WebRoute {

    private static final List<String> GATEWAY_OWN = List.of("/api", "/api-docs", "/webjars", "/swagger-ui", "/swagger-ui.html",
            "/v3/api-docs", "/actuator", "/oauth2", "/login", "/logout");

    @Bean
    RouteLocator webPages(RouteLocatorBuilder routes, @Value("${roundtable.gateway.web-url}") String webUrl,
                          PerUserRateLimiter perUserRateLimiter, KeyResolver perUserKeyResolver,
                          @Value("${roundtable.gateway.max-request-size}") DataSize maxRequestSize) {
        return routes.routes()
                .route("web", route -> route.order(1000).predicate(WebRoute::isPage)
                        .filters(filters -> filters.tokenRelay()
                                .requestRateLimiter(limit -> limit.setRateLimiter(perUserRateLimiter).setKeyResolver(perUserKeyResolver))
                                .setRequestSize(maxRequestSize))
                        .uri(webUrl))
                .build();
    }

    static boolean isPage(ServerWebExchange exchange) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        return GATEWAY_OWN.stream().noneMatch(own -> path.equals(own) || path.startsWith(own + "/"));
    }
}
