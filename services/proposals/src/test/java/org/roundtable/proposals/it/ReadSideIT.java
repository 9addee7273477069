package org.roundtable.proposals.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.roundtable.testsupport.ApiClient;
import org.roundtable.testsupport.Eventually;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ReadSideIT extends ProposalsIntegrationTest {

    @Test
    void detailKeepsEveryRevisionWithItsAuthorAndNote() throws Exception {
        String id = draft(citizen("citizen-jo"));
        expect(204, api().post("/api/proposals/" + id + "/invitations", citizen("citizen-jo"), Map.of("inviteeId", "staff-kim")));
        expect(204, api().send("POST", "/api/proposals/" + id + "/co-designers", staff("staff-kim"),
                Map.of("brings", "knows the opening hours"), "X-Acting-Role", "STAFF"));
        Map<String, Object> amended = new HashMap<>(CONTENT);
        amended.put("title", "Library food garden");
        expect(204, api().send("POST", "/api/proposals/" + id + "/revisions", staff("staff-kim"),
                Map.of("content", amended, "note", "say what grows"), "X-Acting-Role", "STAFF"));

        Eventually.within(Duration.ofSeconds(30), () ->
                assertThat(api().get("/api/proposals/" + id, citizen("reader")).body().get("revisions")).hasSize(2));
        JsonNode proposal = api().get("/api/proposals/" + id, citizen("reader")).body();

        assertThat(proposal.get("current").get("revision").asInt()).isEqualTo(2);
        assertThat(proposal.get("current").get("content").get("title").asText()).isEqualTo("Library food garden");
        assertThat(proposal.get("revisions").get(0).get("content").get("title").asText()).isEqualTo("Library garden");
        assertThat(proposal.get("revisions").get(0).get("actorId").asText()).isEqualTo("citizen-jo");
        assertThat(proposal.get("revisions").get(1).get("actorId").asText()).isEqualTo("staff-kim");
        assertThat(proposal.get("revisions").get(1).get("actorRole").asText()).isEqualTo("STAFF");
        assertThat(proposal.get("revisions").get(1).get("note").asText()).isEqualTo("say what grows");
        assertThat(proposal.get("coDesigners")).extracting(c -> c.get("participantId").asText() + "/" + c.get("state").asText())
                .containsExactly("citizen-jo/JOINED", "staff-kim/JOINED");
        assertThat(api().get("/api/proposals/" + id + "/revisions/1", citizen("reader")).body().get("content").get("title").asText())
                .isEqualTo("Library garden");
    }

    @Test
    void listsFilterByStatusServiceAreaAndTextAndPage() throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> parks = new HashMap<>(CONTENT);
        parks.put("serviceArea", "Parks " + marker);
        parks.put("title", "Orchard " + marker);
        String token = citizen("citizen-lee");
        for (int i = 0; i < 3; i++) {
            expect(201, api().post("/api/proposals", token, parks));
        }
        String submittedId = submitted("citizen-lee", "staff-max");

        Eventually.within(Duration.ofSeconds(30), () -> assertThat(
                api().get("/api/proposals?serviceArea=parks%20" + marker, token).body().get("totalItems").asInt()).isEqualTo(3));
        ApiClient.Response firstPage = api().get("/api/proposals?serviceArea=parks%20" + marker + "&size=2&sort=createdAt,asc", token);
        ApiClient.Response secondPage = api().get("/api/proposals?serviceArea=parks%20" + marker + "&size=2&page=1&sort=createdAt,asc", token);
        ApiClient.Response byText = api().get("/api/proposals?q=ORCHARD%20" + marker, token);

        assertThat(firstPage.body().get("items")).hasSize(2);
        assertThat(firstPage.body().get("totalPages").asInt()).isEqualTo(2);
        assertThat(secondPage.body().get("items")).hasSize(1);
        assertThat(byText.body().get("totalItems").asInt()).isEqualTo(3);
        Eventually.within(Duration.ofSeconds(30), () -> {
            JsonNode submittedList = api().get("/api/proposals?status=SUBMITTED&size=100", token).body();
            assertThat(submittedList.get("items")).extracting(item -> item.get("id").asText()).contains(submittedId);
            assertThat(submittedList.get("items")).allSatisfy(item -> assertThat(item.get("status").asText()).isEqualTo("SUBMITTED"));
        });
    }

    @Test
    void framingGuidancePointsOutDeficitOnlyLanguageAndNeverBlocks() {
        ApiClient.Response deficit = api().post("/api/proposals/framing-check", citizen("citizen-ned"),
                Map.of("text", "Isolated older people in need, who lack support and depend on services"));
        ApiClient.Response assets = api().post("/api/proposals/framing-check", citizen("citizen-ned"),
                Map.of("text", "Older neighbours share their skills and networks"));

        assertThat(deficit.status()).isEqualTo(200);
        assertThat(deficit.body().get("deficitOnly").asBoolean()).isTrue();
        assertThat(deficit.body().get("findings")).extracting(f -> f.get("deficit").asText())
                .containsExactly("isolation", "need", "lack");
        assertThat(deficit.body().get("findings").get(0).get("assetBased").toString()).contains("networks");
        assertThat(assets.body().get("deficitOnly").asBoolean()).isFalse();
        assertThat(assets.body().get("findings")).isEmpty();
        assertThat(List.of(assets.body().get("strengthsNamed").toString())).anySatisfy(s -> assertThat(s).contains("skills"));
    }

    @Test
    void theApiIsDocumentedWithOpenApi() {
        ApiClient.Response docs = api().get("/v3/api-docs", null);

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body().get("paths").has("/api/proposals")).isTrue();
        assertThat(docs.body().get("paths").has("/api/proposals/{id}/submission")).isTrue();
        assertThat(docs.body().get("components").get("securitySchemes").has("bearer")).isTrue();
    }
}
