package org.roundtable.proposals.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.roundtable.events.Actor;
import org.roundtable.events.EventEnvelope;
import org.roundtable.events.IntegrationEvent;
import org.roundtable.events.KafkaEnvelopeCodec;
import org.roundtable.events.Role;
import org.roundtable.events.RoundtableEvents;
import org.roundtable.events.participation.ProfileCorrected;
import org.roundtable.events.participation.ProfileRegistered;
import org.roundtable.testsupport.ApiClient;
import org.roundtable.testsupport.Eventually;
import org.roundtable.testsupport.Topics;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ReadSideIT extends ProposalsIntegrationTest {

    @Autowired
    KafkaEnvelopeCodec codec;

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
        String jo = proposal.get("authorId").asText();
        assertThat(jo).as("a citizen without consent to be named, by her pseudonymous id").startsWith("neighbour-");
        assertThat(proposal.get("authorName").asText()).startsWith("Neighbour ");
        assertThat(proposal.get("revisions").get(0).get("actorId").asText()).isEqualTo(jo);
        assertThat(proposal.get("revisions").get(1).get("actorId").asText()).as("staff acting as staff are named").isEqualTo("staff-kim");
        assertThat(proposal.get("revisions").get(1).get("actorRole").asText()).isEqualTo("STAFF");
        assertThat(proposal.get("revisions").get(1).get("note").asText()).isEqualTo("say what grows");
        assertThat(proposal.get("coDesigners")).extracting(c -> c.get("participantId").asText() + "/" + c.get("state").asText())
                .containsExactly(jo + "/JOINED", "staff-kim/JOINED");
        assertThat(proposal.toString()).doesNotContain("citizen-jo");
        assertThat(api().get("/api/proposals/" + id, citizen("citizen-jo")).body().get("authorId").asText())
                .as("she sees herself by her own id").isEqualTo("citizen-jo");
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
    void textSearchFindsAnyPartOfTheTitleOrAspirationInAnyCaseAndTakesWildcardsLiterally() throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> titled = new HashMap<>(CONTENT);
        titled.put("title", "Seed swap " + marker + " at the library");
        Map<String, Object> described = new HashMap<>(CONTENT);
        described.put("aspiration", "Neighbours run a 100% volunteer seed_swap " + marker);
        String token = citizen("citizen-sam");
        expect(201, api().post("/api/proposals", token, titled));
        expect(201, api().post("/api/proposals", token, described));
        Eventually.within(Duration.ofSeconds(30), () -> assertThat(found(marker, token)).isEqualTo(2));

        assertThat(found("SEED SWAP " + marker.toUpperCase(), token)).as("in the title, in any case").isEqualTo(1);
        assertThat(found(marker.substring(1, 7), token)).as("inside a word").isEqualTo(2);
        assertThat(found("volunteer seed_swap " + marker, token)).as("in the aspiration").isEqualTo(1);
        assertThat(found("seed%swap " + marker, token)).as("% is a character, not a wildcard").isZero();
        assertThat(found("seed_swap " + marker, token)).as("_ is a character, not a wildcard").isEqualTo(1);
        assertThat(found(marker + " at the library and more", token)).isZero();
    }

    @Test
    void textSearchIsAnsweredByTrigramIndexesNotByReadingEveryProposal() {
        String plan = jdbc.execute((java.sql.Connection connection) -> {
            try (var statement = connection.createStatement()) {
                statement.execute("set enable_seqscan = off");
                StringBuilder lines = new StringBuilder();
                try (var rows = statement.executeQuery("explain select proposal_id from proposal_view "
                        + "where lower(title) like '%orchard%' escape '\\' or lower(aspiration) like '%orchard%' escape '\\'")) {
                    while (rows.next()) {
                        lines.append(rows.getString(1)).append('\n');
                    }
                }
                statement.execute("reset enable_seqscan");
                return lines.toString();
            }
        });

        assertThat(plan).contains("proposal_view_title_trigrams", "proposal_view_aspiration_trigrams").doesNotContain("Seq Scan");
    }

    private int found(String text, String token) {
        return api().get("/api/proposals?q=" + java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8), token)
                .expect(200).body().get("totalItems").asInt();
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

    @Test
    void citizensAreShownByLoginIdAndNameOnlyWhileTheyConsent() throws Exception {
        String ola = "citizen-ola-" + UUID.randomUUID();
        String id = draft(citizen(ola));
        Eventually.within(Duration.ofSeconds(30), () -> expect(200, api().get("/api/proposals/" + id, citizen("reader"))));
        assertThat(api().get("/api/proposals/" + id, citizen("reader")).body().toString()).doesNotContain(ola);

        Topics.send(codec.encode(profile(ola, new ProfileRegistered(ola, "Ola Nordmann", true, List.of(Role.CITIZEN), "Northfield",
                null, null, null, false))));
        Eventually.within(Duration.ofSeconds(30), () -> {
            JsonNode proposal = api().get("/api/proposals/" + id, citizen("reader")).body();
            assertThat(proposal.get("authorId").asText()).isEqualTo(ola);
            assertThat(proposal.get("authorName").asText()).isEqualTo("Ola Nordmann");
            assertThat(proposal.get("coDesigners").get(0).get("name").asText()).isEqualTo("Ola Nordmann");
        });
        assertThat(api().get("/api/proposals?size=100&sort=createdAt,desc", citizen("reader")).body().get("items"))
                .anySatisfy(item -> assertThat(item.get("authorName").asText()).isEqualTo("Ola Nordmann"));

        Topics.send(codec.encode(profile(ola, new ProfileCorrected(ola, "Neighbour ABCDEF", false, List.of(Role.CITIZEN), "Northfield",
                null, null, null, false))));
        Eventually.within(Duration.ofSeconds(30), () -> assertThat(api().get("/api/proposals/" + id, citizen("reader")).body().toString())
                .doesNotContain(ola).doesNotContain("Ola Nordmann"));
        assertThat(api().get("/api/proposals?size=100&sort=createdAt,desc", citizen("reader")).body().toString()).doesNotContain(ola)
                .doesNotContain("Ola Nordmann");
    }

    private static EventEnvelope profile(String participantId, IntegrationEvent event) {
        return new EventEnvelope(UUID.randomUUID().toString(), RoundtableEvents.CATALOG.typeOf(event.getClass()), participantId, Instant.now(),
                Actor.of(participantId, Role.CITIZEN), "corr-" + participantId, null, 0L, event);
    }
}
