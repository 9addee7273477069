package org.roundtable.gateway;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.PrematureCloseException;

import java.net.ConnectException;

/**
 * A service that cannot be reached is unavailable (503), not a fault of the gateway (500); a service that ends the
 * connection before it answers (its instance stopped mid-request) is a bad gateway (502): whether the request was
 * carried out is not known, so the caller is not told to wait and send it again as if it had not been.
 */
@Component
class UpstreamUnavailable implements GlobalFilter, Ordered {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return chain.filter(exchange)
                .onErrorMap(ConnectException.class, refused ->
                        new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, service(exchange) + " cannot be reached", refused))
                .onErrorMap(PrematureCloseException.class, closed ->
                        new ResponseStatusException(HttpStatus.BAD_GATEWAY, service(exchange) + " closed the connection before answering", closed));
    }

    private static String service(ServerWebExchange exchange) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        return route == null ? "the service" : route.getId();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
