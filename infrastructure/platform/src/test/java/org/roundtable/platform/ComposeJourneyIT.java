package org.roundtable.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same journey against {@code docker-compose.yml}: images built from the project, Kafka, PostgreSQL, Keycloak with
 * the realm, the services and the gateway. Needs Docker; skipped where there is none.
 */
@Testcontainers(disabledWithoutDocker = true)
class ComposeJourneyIT {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent().getParent();

    @Container
    private static final ComposeContainer COMPOSE = new ComposeContainer(ROOT.resolve("docker-compose.yml").toFile())
            .withBuild(true)
            .withRemoveVolumes(true)
            .withExposedService("gateway", 8080, Wait.forHealthcheck().withStartupTimeout(Duration.ofMinutes(15)))
            .withExposedService("keycloak", 8080, Wait.forHealthcheck().withStartupTimeout(Duration.ofMinutes(5)));

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void theJourneyEndsWithAVerifiedLedgerAndTheRightPowerMap() {
        String gateway = "http://" + COMPOSE.getServiceHost("gateway", 8080) + ":" + COMPOSE.getServicePort("gateway", 8080);
        String keycloak = "http://" + COMPOSE.getServiceHost("keycloak", 8080) + ":" + COMPOSE.getServicePort("keycloak", 8080);

        DemoJourney.Result journey = new DemoJourney(gateway, username -> keycloakToken(keycloak, username), System.out).play();

        assertThat(journey.proposal().path("status").asText()).isEqualTo("COMMISSIONED");
        assertThat(journey.verification().path("intact").asBoolean()).isTrue();
        assertThat(DemoJourney.find(journey.powerMap().path("decisions"), "caseId", journey.caseId()).path("recused").asInt()).isEqualTo(1);
        assertThat(DemoJourney.find(journey.powerMap().path("decisions"), "caseId", journey.caseId()).path("citizensAtTable").asInt())
                .isEqualTo(1);
    }

    /** A demo account's token from the realm's command-line client (the password grant it allows for terminals). */
    private static String keycloakToken(String keycloak, String username) {
        String form = "grant_type=password&client_id=roundtable-cli&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + DemoJourney.PASSWORD;
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(keycloak + "/realms/roundtable/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("Keycloak login of %s: %s", username, response.body()).isEqualTo(200);
            return new ObjectMapper().readTree(response.body()).path("access_token").asText();
        } catch (IOException failure) {
            throw new IllegalStateException("cannot reach Keycloak at " + keycloak, failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while logging in " + username, interrupted);
        }
    }
}
