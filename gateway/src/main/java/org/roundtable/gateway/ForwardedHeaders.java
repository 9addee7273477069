package org.roundtable.gateway;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;

/**
 * What the applications behind the gateway are told about the original request, said by the gateway alone: the public
 * host, scheme and port are the configured origin of the pages ({@code roundtable.gateway.web-origin}), never the
 * {@code Host} a caller sent, and any {@code Forwarded} or {@code X-Forwarded-*} header a caller sent is dropped, so no
 * forged host reaches a link, a feed or a redirect downstream. Runs after the gateway's own forwarded-header filters.
 */
@Component
class ForwardedHeaders implements HttpHeadersFilter, Ordered {

    static final List<String> FORWARDING = List.of("Forwarded", "X-Forwarded-Host", "X-Forwarded-Port", "X-Forwarded-Proto",
            "X-Forwarded-Prefix", "X-Forwarded-For");

    private final URI origin;

    ForwardedHeaders(GatewayProperties properties) {
        this.origin = URI.create(properties.webOrigin());
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        HttpHeaders told = new HttpHeaders();
        told.putAll(input);
        FORWARDING.forEach(told::remove);
        int port = origin.getPort() != -1 ? origin.getPort() : "https".equals(origin.getScheme()) ? 443 : 80;
        told.set("X-Forwarded-Host", origin.getPort() == -1 ? origin.getHost() : origin.getHost() + ":" + origin.getPort());
        told.set("X-Forwarded-Proto", origin.getScheme());
        told.set("X-Forwarded-Port", Integer.toString(port));
        InetSocketAddress caller = exchange.getRequest().getRemoteAddress();
        if (caller != null && caller.getAddress() != null) {
            told.set("X-Forwarded-For", caller.getAddress().getHostAddress());
        }
        return told;
    }

    @Override
    public boolean supports(Type type) {
        return type == Type.REQUEST;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
