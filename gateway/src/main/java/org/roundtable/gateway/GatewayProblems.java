package org.roundtable.gateway;

import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Every error the gateway answers itself is RFC 9457 problem+json: a refusal its filters end without a body (429 past
 * the rate limit, 411, 413), a request the security firewall rejects (an encoded slash or {@code ..} in its path) and
 * any failure that reaches the error handler (503 with {@code Retry-After} for a service that cannot be reached or
 * when the gateway's own database cannot be, 502 for a service that stopped before answering, 404 for no route, 500
 * for anything else, its message kept in the log).
 * Answers relayed from the services are left as they are.
 */
final class GatewayProblems {

    private static final Logger log = LoggerFactory.getLogger(GatewayProblems.class);

    /** How long a caller is asked to wait when the gateway's database (request budgets, sessions) cannot be reached. */
    static final long DATABASE_RETRY_SECONDS = 5;
    /** How long a caller is asked to wait when the service behind an address cannot be reached. */
    static final long UPSTREAM_RETRY_SECONDS = 5;
    static final String DATABASE_UNREACHABLE = "the gateway cannot reach its database (request budgets, sessions) right now; try again shortly";

    private GatewayProblems() {
    }

    static Mono<Void> write(ServerHttpResponse response, HttpStatusCode status, String detail) {
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        HttpStatus known = HttpStatus.resolve(status.value());
        String title = known == null ? "Error" : known.getReasonPhrase();
        String body = "{\"type\":\"/problems/" + title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + "\",\"title\":\"" + title
                + "\",\"status\":" + status.value() + ",\"detail\":\"" + detail + "\"}";
        DataBuffer buffer = response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8));
        return response.writeWith(Mono.just(buffer));
    }

    static String detailFor(HttpStatusCode status) {
        return switch (status.value()) {
            case 429 -> "too many requests: wait for the seconds given in Retry-After, then try again";
            case 413 -> "the request body is larger than the gateway accepts";
            case 411 -> "a request with a body states its Content-Length";
            case 404 -> "there is nothing at this address";
            case 503 -> "the service that answers this address cannot be reached; try again in " + UPSTREAM_RETRY_SECONDS + " seconds";
            case 502 -> "the service that answers this address stopped before it answered; whether the request was carried out "
                    + "is not known: send it again with the same Idempotency-Key, or read what it would have changed";
            default -> status.is5xxServerError() ? "the gateway could not answer this request" : "the request was refused";
        };
    }

    /** Gives a body to error responses the gateway's own filters complete without one. */
    @Component
    static class BodilessErrors implements WebFilter, Ordered {

        @Override
        public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
            ServerHttpResponse response = exchange.getResponse();
            ServerHttpResponseDecorator withProblem = new ServerHttpResponseDecorator(response) {
                @Override
                public Mono<Void> setComplete() {
                    HttpStatusCode status = getStatusCode();
                    if (status != null && status.isError() && !isCommitted() && getHeaders().getContentType() == null) {
                        return write(getDelegate(), status, detailFor(status));
                    }
                    return super.setComplete();
                }
            };
            return chain.filter(exchange.mutate().response(withProblem).build());
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }

    /**
     * A request the security firewall rejects before any filter of ours could see it through: the firewall only sets
     * the status, and the response is completed outside the filter chain, so the body is written here.
     */
    @Component
    static class Rejected implements ServerExchangeRejectedHandler {

        @Override
        public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException rejected) {
            log.debug("rejected {} {}: {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath().value(), rejected.getMessage());
            return write(exchange.getResponse(), HttpStatus.BAD_REQUEST,
                    "the request's address or headers are not accepted: no encoded slash, no '..' segment, no control characters");
        }
    }

    /** Any failure that reaches the error handler, answered before Spring Boot's default error body would be. */
    @Component
    @Order(-2)
    static class Failures implements ErrorWebExceptionHandler {

        @Override
        public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
            ServerHttpResponse response = exchange.getResponse();
            if (response.isCommitted()) {
                return Mono.error(failure);
            }
            if (failure instanceof DataAccessException) {
                log.warn("{} {} refused, the gateway's database cannot be reached: {}", exchange.getRequest().getMethod(),
                        exchange.getRequest().getPath().value(), failure.getMessage());
                response.getHeaders().clearContentHeaders();
                response.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(DATABASE_RETRY_SECONDS));
                return write(response, HttpStatus.SERVICE_UNAVAILABLE, DATABASE_UNREACHABLE);
            }
            HttpStatusCode status = failure instanceof ErrorResponse known ? known.getStatusCode() : HttpStatus.INTERNAL_SERVER_ERROR;
            if (status.is5xxServerError()) {
                log.warn("{} {} failed with {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath().value(), status, failure);
            }
            response.getHeaders().clearContentHeaders();
            if (status.value() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
                response.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(UPSTREAM_RETRY_SECONDS));
            }
            return write(response, status, detailFor(status));
        }
    }
}
