package org.roundtable.gateway;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.roundtable.testsupport.ApiClient;
import org.roundtable.testsupport.Eventually;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The gateway's health follows its downstream services; its probes follow the gateway alone. */
@Tag("local-stack")
class DownstreamHealthIT {

    static LocalStack stack;
    static ApiClient gateway;

    @BeforeAll
    static void stack() {
        stack = LocalStack.shared();
        gateway = new ApiClient(stack.gatewayUrl());
    }

    @Test
    void healthIsDownWhileAServiceIsDownAndUpOnceItIsBack() throws Exception {
        assertHealth(200, "UP");

        stack.stopProposals();
        try {
            ApiClient.Response down = gateway.get("/actuator/health", null);
            assertThat(down.status()).isEqualTo(503);
            assertThat(down.body().get("status").asText()).isEqualTo("DOWN");
            for (String service : LocalStack.SERVICES) {
                assertThat(down.body().at("/components/downstream/components/" + service + "/status").asText())
                        .as(service).isEqualTo("DOWN");
            }
            assertThat(gateway.get("/actuator/health/liveness", null).status()).isEqualTo(200);
            assertThat(gateway.get("/actuator/health/readiness", null).status()).isEqualTo(200);
            assertThat(gateway.get("/api/proposals", ThroughTheGatewayIT.machineTokenFrom(stack)).status())
                    .as("a route to a stopped service").isEqualTo(503);
        } finally {
            stack.startProposals();
        }

        Eventually.within(Duration.ofSeconds(30), () -> assertHealth(200, "UP"));
    }

    private static void assertHealth(int status, String expected) {
        ApiClient.Response health = gateway.get("/actuator/health", null);
        assertThat(health.status()).as(String.valueOf(health.body())).isEqualTo(status);
        assertThat(health.body().get("status").asText()).isEqualTo(expected);
        for (String service : LocalStack.SERVICES) {
            assertThat(health.body().at("/components/downstream/components/" + service + "/status").asText())
                    .as(service).isEqualTo(expected);
        }
    }
}
