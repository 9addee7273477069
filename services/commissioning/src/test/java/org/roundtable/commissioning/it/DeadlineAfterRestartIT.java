package org.roundtable.commissioning.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.roundtable.commissioning.CommissioningApplication;
import org.roundtable.commissioning.domain.CommissioningCommands.OpenDecisionCase;
import org.roundtable.commissioning.domain.DecisionCase;
import org.roundtable.events.Actor;
import org.roundtable.events.Role;
import org.roundtable.events.commissioning.DecisionOutcome;
import org.roundtable.events.commissioning.DecisionReached;
import org.roundtable.kit.actor.ActorMetadata;
import org.roundtable.testsupport.ApiClient;
import org.roundtable.testsupport.Eventually;
import org.roundtable.local.PostgresServer;
import org.roundtable.testsupport.TestTokens;
import org.roundtable.testsupport.SharedInfrastructure;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roundtable.commissioning.it.CommissioningIntegrationTest.ASKED;
import static org.roundtable.commissioning.it.CommissioningIntegrationTest.commissioner;
import static org.roundtable.commissioning.it.CommissioningIntegrationTest.citizen;
import static org.roundtable.commissioning.it.CommissioningIntegrationTest.expect;
import static org.roundtable.commissioning.it.CommissioningIntegrationTest.fundForm;
import static org.roundtable.commissioning.it.CommissioningIntegrationTest.member;

/**
 * The service is stopped before a case's deadline and started again after it, on the same database: the restarted
 * service closes the case. The first run never looks for due cases (its check interval is an hour), so only the
 * restarted one can have closed it. Runs its own two application contexts, on a database of their own, with their
 * own consumer group and relay transaction id so that they never meet the shared test context.
 */
class DeadlineAfterRestartIT {

    static final String DATABASE = "commissioning_restart";
    static final Duration PATIENCE = Duration.ofSeconds(60);

    @Test
    void aDeadlinePassedWhileTheServiceWasStoppedClosesTheCaseAfterRestart() throws Exception {
        String proposalId = UUID.randomUUID().toString();
        String caseId = DecisionCase.caseIdFor(proposalId);
        Instant deadline;
        try (ConfigurableApplicationContext first = start("1h")) {
            ApiClient api = ApiClient.onPort(port(first));
            ApiClient.Response created = api.post("/api/commissioning/funds", commissioner("ali"), fundForm("5000.00"));
            expect(201, created);
            String fundId = created.body().get("id").asText();
            first.getBean(CommandGateway.class).sendAndWait(GenericCommandMessage.asCommandMessage(
                            new OpenDecisionCase(caseId, proposalId, "Library garden", "libraries", ASKED))
                    .andMetaData(ActorMetadata.of(Actor.system("commissioning"), "corr-" + proposalId, null)));

            deadline = Instant.now().plusSeconds(15).truncatedTo(ChronoUnit.MILLIS);
            Map<String, Object> panel = new HashMap<>();
            panel.put("fundId", fundId);
            panel.put("members", List.of(member("ali", "COMMISSIONER"), member("cal", "CITIZEN")));
            panel.put("chairId", "ali");
            panel.put("deadline", deadline.toString());
            expect(204, api.post("/api/commissioning/cases/" + caseId + "/panel", commissioner("ali"), panel));
            for (String token : List.of(commissioner("ali"), citizen("cal"))) {
                expect(204, api.post("/api/commissioning/cases/" + caseId + "/declarations", token, Map.of("hasInterest", false)));
                expect(204, api.post("/api/commissioning/cases/" + caseId + "/votes", token,
                        Map.of("vote", "APPROVE", "rationale", "the garden is already there")));
            }
        }
        assertThat(Instant.now()).as("the first run stopped before the deadline").isBefore(deadline);

        // what is waited for here is time itself: the deadline must pass while no instance of the service runs
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), deadline).toMillis()) + 500);
        assertThat(storedEventTypes(caseId)).as("nothing closed the case while the service was stopped")
                .doesNotContain("DecisionReached");

        try (ConfigurableApplicationContext second = start("500ms")) {
            ApiClient api = ApiClient.onPort(port(second));
            Eventually.within(PATIENCE, () -> {
                JsonNode view = api.get("/api/commissioning/cases/" + caseId, TestTokens.shared().mint("aud", "Auditor", "AUDITOR")).body();
                assertThat(view.get("status").asText()).isEqualTo("CLOSED");
                assertThat(view.get("outcome").asText()).isEqualTo("APPROVED");
            });
        }
        assertThat(storedEventTypes(caseId)).containsExactly("DecisionCaseOpened", "PanelAssembled", "InterestDeclared", "VoteCast",
                "InterestDeclared", "VoteCast", "DecisionReached");
        DecisionReached decision = lastDecision(caseId);
        assertThat(decision.outcome()).isEqualTo(DecisionOutcome.APPROVED);
        assertThat(decision.note()).isEqualTo("closed at its deadline");
        assertThat(decision.allocation().amount()).isEqualTo(ASKED);
        assertThat(decisionActorRole(caseId)).isEqualTo(Role.SYSTEM.name());
    }

    private static ConfigurableApplicationContext start(String deadlineCheck) {
        PostgresServer postgres = SharedInfrastructure.postgres();
        TestTokens tokens = TestTokens.shared();
        return new SpringApplicationBuilder(CommissioningApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + postgres.jdbcUrl(DATABASE),
                "--spring.datasource.username=" + postgres.username(),
                "--spring.datasource.password=" + postgres.password(),
                "--spring.kafka.bootstrap-servers=" + SharedInfrastructure.kafka().bootstrapServers(),
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + tokens.issuer(),
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + tokens.jwkSetUri(),
                "--roundtable.inbox.group=roundtable-commissioning-restart",
                "--roundtable.relay.transaction-id-prefix=roundtable-commissioning-restart-relay-",
                "--roundtable.commissioning.deadline-poll=" + deadlineCheck);
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    private static List<String> storedEventTypes(String aggregateId) throws Exception {
        return query("select payload_type from domain_event_entry where aggregate_identifier = ? order by sequence_number", aggregateId)
                .stream().map(type -> type.substring(type.lastIndexOf('.') + 1)).toList();
    }

    private static DecisionReached lastDecision(String caseId) throws Exception {
        List<String> payloads = query("select convert_from(payload, 'UTF8') from domain_event_entry where aggregate_identifier = ? "
                + "and payload_type like '%DecisionReached' order by sequence_number", caseId);
        return org.roundtable.events.EventJson.newMapper().readValue(payloads.get(payloads.size() - 1), DecisionReached.class);
    }

    private static String decisionActorRole(String caseId) throws Exception {
        List<String> metadata = query("select convert_from(meta_data, 'UTF8') from domain_event_entry where aggregate_identifier = ? "
                + "and payload_type like '%DecisionReached'", caseId);
        return org.roundtable.events.EventJson.newMapper().readTree(metadata.get(0)).get(ActorMetadata.ACTOR_ROLE).asText();
    }

    private static List<String> query(String sql, String parameter) throws Exception {
        PostgresServer postgres = SharedInfrastructure.postgres();
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(DATABASE), postgres.username(), postgres.password());
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                List<String> values = new java.util.ArrayList<>();
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
                return values;
            }
        }
    }
}
