package org.roundtable.gateway;

import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.PrematureCloseException;

import java.net.ConnectException;

import static org.assertj.core.api.Assertions.assertThat;

/** What the caller is told when the service behind an address cannot be reached or stops before it answers. */
class UpstreamUnavailableTest {

    @Test
    void aServiceThatRefusesTheConnectionIsUnavailableAndTheCallerIsToldWhenToTryAgain() {
        MockServerWebExchange exchange = answered(new ConnectException("Connection refused"));

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(exchange.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(exchange.getResponse().getHeaders().getFirst("Retry-After")).isEqualTo("5");
        assertThat(exchange.getResponse().getBodyAsString().block())
                .contains("\"status\":503", "cannot be reached; try again in 5 seconds");
    }

    @Test
    void aServiceThatClosesTheConnectionBeforeAnsweringIsABadGatewayNotAFaultOfTheGateway() {
        MockServerWebExchange exchange = answered(PrematureCloseException.TEST_EXCEPTION);

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.BAD_GATEWAY);
        assertThat(exchange.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(exchange.getResponse().getHeaders().getFirst("Retry-After")).isNull();
        assertThat(exchange.getResponse().getBodyAsString().block())
                .contains("\"status\":502", "whether the request was carried out is not known");
    }

    /** The exchange as the gateway answers it when the route's call to the service fails with {@code failure}. */
    private static MockServerWebExchange answered(Throwable failure) {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/api/proposals"));
        GatewayFilterChain failing = ignored -> Mono.error(failure);
        Throwable mapped = new UpstreamUnavailable().filter(exchange, failing)
                .then(Mono.<Throwable>empty()).onErrorResume(Mono::just).block();
        assertThat(mapped).isInstanceOf(ResponseStatusException.class);
        new GatewayProblems.Failures().handle(exchange, mapped).block();
        return exchange;
    }
}
