package org.roundtable.audit.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.roundtable.events.RoundtableEvents;
import org.roundtable.testsupport.ApiClient;
import org.roundtable.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

class SchemasIT extends AuditIntegrationTest {

    @Test
    void everyPublishedTypeHasItsSchemaAtTheUriItsRecordsNameAsDataschema() {
        String citizen = TestTokens.shared().mint("schema-reader", "Schema Reader", "CITIZEN");

        JsonNode all = api().get("/api/audit/schemas", citizen).expect(200).body();

        assertThat(all).hasSize(RoundtableEvents.CATALOG.types().size());
        for (JsonNode link : all) {
            String type = link.get("type").asText();
            assertThat(link.get("schema").asText()).endsWith("/api/audit/schemas/" + type + ".json");
            ApiClient.Response schema = api().get("/api/audit/schemas/" + type + ".json", citizen);
            assertThat(schema.status()).as(type).isEqualTo(200);
            assertThat(schema.contentType()).startsWith("application/schema+json");
            assertThat(schema.body().get("$id").asText()).isEqualTo(link.get("schema").asText());
            assertThat(schema.body().get("type").asText()).isEqualTo("object");
        }
    }

    @Test
    void anUnknownTypeIs404AndNoTokenIs401() {
        assertProblem(api().get("/api/audit/schemas/org.roundtable.outcomes.Unheard.v1.json", auditor()), 404);
        assertProblem(api().get("/api/audit/schemas", null), 401);
    }
}
