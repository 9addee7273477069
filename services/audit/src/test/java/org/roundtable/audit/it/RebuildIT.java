package org.roundtable.audit.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.roundtable.audit.AuditApplication;
import org.roundtable.testsupport.ApiClient;
import org.roundtable.testsupport.Eventually;
import org.roundtable.local.PostgresServer;
import org.roundtable.testsupport.TestTokens;
import org.roundtable.testsupport.SharedInfrastructure;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A second audit service on a second, empty database rebuilds the ledger from the beginning of the topics while the
 * live one keeps running. "Equal" means: for every topic partition the two ledgers hold the same number of entries
 * with the same entry hashes in the same chain order, so the same head hash and Merkle root per chain, and therefore
 * the same root over all chain heads ({@code GET /api/audit/heads}). Positions and times of recording are not compared:
 * they follow the order in which partitions happened to be read; the log's tree commits positions, so a rebuilt ledger
 * signs checkpoints of its own log, which verify against its own entries.
 */
class RebuildIT extends AuditIntegrationTest {

    private static final String REBUILD_DATABASE = "audit_rebuild";

    @Test
    void aLedgerRebuiltFromTheTopicsIntoAnEmptyDatabaseHasTheLiveHeadsAndRoot() throws Exception {
        publishJourney();
        publishJourney();
        PostgresServer postgres = SharedInfrastructure.postgres();
        JdbcTemplate rebuiltDatabase = new JdbcTemplate(new DriverManagerDataSource(postgres.jdbcUrl(REBUILD_DATABASE),
                postgres.username(), postgres.password()));
        rebuiltDatabase.execute("drop table if exists ledger_entry, ledger_chain, ledger_checkpoint, ledger_log_node, ledger_log_checkpoint");

        try (ConfigurableApplicationContext rebuilt = new SpringApplicationBuilder(AuditApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + postgres.jdbcUrl(REBUILD_DATABASE),
                "--spring.datasource.username=" + postgres.username(),
                "--spring.datasource.password=" + postgres.password(),
                "--spring.kafka.bootstrap-servers=" + SharedInfrastructure.kafka().bootstrapServers(),
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + TestTokens.shared().issuer(),
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + TestTokens.shared().jwkSetUri(),
                "--roundtable.audit.ledger.start-automatically=false",
                "--roundtable.audit.signing-key=target/audit-it/rebuilt-ledger-signing-key.pem",
                "--roundtable.audit.generate-signing-key=true")) {
            ApiClient rebuild = ApiClient.onPort(((WebServerApplicationContext) rebuilt).getWebServer().getPort());

            ApiClient.Response waiting = rebuild.get("/api/audit/rebuild", auditor());
            expect(200, waiting);
            assertThat(waiting.body().get("state").asText()).isEqualTo("WAITING_FOR_REBUILD");
            assertThat(waiting.body().get("entries").asLong()).isZero();
            expect(403, rebuild.post("/api/audit/rebuild", citizen("citizen-ivy"), null));

            ApiClient.Response started = rebuild.post("/api/audit/rebuild", auditor(), null);
            expect(202, started);
            assertThat(started.body().get("rebuilding").asBoolean()).isTrue();
            assertThat(started.body().get("group").asText()).startsWith("roundtable-audit-ledger-rebuild-");
            expect(409, rebuild.post("/api/audit/rebuild", auditor(), null));

            Eventually.within(Duration.ofSeconds(120), () -> {
                JsonNode progress = rebuild.get("/api/audit/rebuild", auditor()).body();
                JsonNode live = api().get("/api/audit/rebuild", auditor()).body();
                assertThat(progress.get("state").asText()).as(progress.toString()).isEqualTo("CAUGHT_UP");
                assertThat(live.get("state").asText()).as(live.toString()).isEqualTo("CAUGHT_UP");
                assertThat(progress.get("partitions")).hasSize(12);
                JsonNode rebuiltHeads = rebuild.get("/api/audit/heads", auditor()).body();
                JsonNode liveHeads = api().get("/api/audit/heads", auditor()).body();
                assertThat(rebuiltHeads).isEqualTo(liveHeads);
            });

            String entriesByChain = "select topic || '/' || kafka_partition || '#' || chain_index || '=' || hash from ledger_entry "
                    + "order by topic, kafka_partition, chain_index";
            assertThat(rebuiltDatabase.queryForList(entriesByChain, String.class)).isEqualTo(jdbc.queryForList(entriesByChain, String.class));

            JsonNode liveHeads = api().get("/api/audit/heads", auditor()).body();
            ApiClient.Response rebuiltCheckpoint = rebuild.post("/api/audit/checkpoints", auditor(), null);
            expect(201, rebuiltCheckpoint);
            assertThat(rebuiltCheckpoint.body().get("treeSize").asLong()).isEqualTo(liveHeads.get("treeSize").asLong());
            JsonNode verified = rebuild.get("/api/audit/verification", auditor()).body();
            assertThat(verified.get("intact").asBoolean()).as(verified.toString()).isTrue();
        }
    }
}
