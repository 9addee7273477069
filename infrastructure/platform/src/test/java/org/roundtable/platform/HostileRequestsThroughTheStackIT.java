package org.roundtable.platform;

import com.fasterxml.jackson.databind.JsonNode;
import net.jqwik.api.Arbitraries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.roundtable.identity.DemoLogin;
import org.roundtable.testsupport.ApiClient;
import org.roundtable.testsupport.Eventually;
import org.roundtable.local.PostgresServer;
import org.roundtable.testsupport.hostile.HostileChecks;
import org.roundtable.testsupport.hostile.HostileRequests;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated hostile requests sent through the gateway, with real tokens, at every write operation of the four services
 * that take commands: every answer is a success or a problem, no processor stalls, and every event an accepted request
 * stored reaches the audit ledger, which still verifies.
 */
@ExtendWith(SharedPlatform.class)
class HostileRequestsThroughTheStackIT {

    private static final Ports PORTS = SharedPlatform.PORTS;
    private static final int REQUESTS_PER_SERVICE = 60;
    private static final Duration LEDGER_PATIENCE = Duration.ofSeconds(90);

    private final DemoLogin login = new DemoLogin(PORTS.issuer());
    private final Map<String, String> tokens = new LinkedHashMap<>();
    private final ApiClient api = new ApiClient(PORTS.gatewayUrl());

    @Test
    void whatTheStackAcceptsReachesTheLedgerAndTheLedgerStillVerifies(LocalStack stack) throws Exception {
        List<String> drafts = List.of(draft(), draft());
        List<String> recorded = new ArrayList<>();

        recorded.addAll(run(stack, Application.PROPOSALS, HostileRequests.from(document("proposals"))
                .pathValues("id", Arbitraries.of(drafts))
                .fieldValues("inviteeId", HostileRequests.jsonStrings(Arbitraries.of("chen", "bill")))
                .tokens(Arbitraries.of(token("amara"), token("bill"), token("hana")))));
        recorded.addAll(run(stack, Application.COMMISSIONING, HostileRequests.from(document("commissioning"))
                .fieldValues("holderIds", Arbitraries.of("[\"eli\"]", "[]"))
                .fieldValues("periodStart", HostileRequests.jsonStrings(Arbitraries.just("2026-04-01")))
                .fieldValues("periodEnd", HostileRequests.jsonStrings(Arbitraries.just("2027-03-31")))
                .fieldValues("currency", HostileRequests.jsonStrings(Arbitraries.just("GBP")))
                .tokens(Arbitraries.of(token("dana"), token("eli"), token("bill")))));
        recorded.addAll(run(stack, Application.PARTICIPATION, HostileRequests.from(document("participation"))
                .pathValues("proposalId", Arbitraries.of(drafts))
                .tokens(Arbitraries.of(token("bill"), token("chen"), token("hana")))));
        recorded.addAll(run(stack, Application.OUTCOMES, HostileRequests.from(document("outcomes"))
                .tokens(Arbitraries.of(token("greenshoots"), token("dana"), token("bill")))));

        assertThat(recorded).as("events stored by accepted hostile requests").hasSizeGreaterThanOrEqualTo(3);
        List<String> missing = new ArrayList<>(recorded);
        Eventually.within(LEDGER_PATIENCE, () -> {
            missing.removeIf(eventId -> api.get("/api/audit/ledger/" + eventId, token("hana")).status() == 200);
            assertThat(missing).as("events accepted through the gateway but not in the ledger after " + LEDGER_PATIENCE).isEmpty();
        });
        System.out.println(recorded.size() + " events stored by accepted hostile requests are all in the ledger");

        JsonNode verification = api.get("/api/audit/verification", token("hana")).expect(200).body();
        assertThat(verification.path("intact").asBoolean()).as(verification.toString()).isTrue();
        assertThat(verification.hasNonNull("firstMismatch")).isFalse();
    }

    private List<String> run(LocalStack stack, Application service, HostileRequests requests) {
        HostileChecks checks = new HostileChecks(service.name() + " through the gateway", api, jdbc(stack.database(), service),
                Duration.ofSeconds(30));
        requests.arbitrary().sampleStream().limit(REQUESTS_PER_SERVICE).forEach(checks::check);
        System.out.println(checks.report());
        assertThat(checks.serverErrors()).isZero();
        assertThat(checks.stalls()).isZero();
        assertThat(checks.refused()).as("refusals among " + service.name() + "'s hostile requests").isPositive();
        return checks.recordedEvents();
    }

    private String draft() {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("title", "Seed library at the community hall");
        content.put("aspiration", "Neighbours swapping seeds and growing advice every month");
        content.put("serviceArea", "libraries");
        content.put("assets", List.of(Map.of("kind", "SKILL", "description", "Allotment growers who teach", "holder", "Hall growers")));
        content.put("ask", Map.of("money", Map.of("amount", "300.00", "currency", "GBP"), "otherResources", List.of("shelves")));
        content.put("intendedOutcomes", List.of("More households growing food"));
        ApiClient.Response created = api.post("/api/proposals", token("amara"), content);
        assertThat(created.status() / 100).as(String.valueOf(created.body())).isEqualTo(2);
        return created.body().get("id").asText();
    }

    private JsonNode document(String service) {
        return api.get("/api-docs/" + service, null).expect(200).body();
    }

    private String token(String username) {
        return tokens.computeIfAbsent(username, name -> login.accessToken(name, DemoJourney.PASSWORD));
    }

    private static JdbcTemplate jdbc(PostgresServer database, Application service) {
        return new JdbcTemplate(new DriverManagerDataSource(database.jdbcUrl(service.database()), database.username(), database.password()));
    }
}
