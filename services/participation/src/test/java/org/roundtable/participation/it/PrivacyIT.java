package org.roundtable.participation.it;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.roundtable.kit.names.Pseudonyms;
import org.roundtable.testsupport.ApiClient;
import org.roundtable.testsupport.Eventually;
import org.roundtable.testsupport.TestTokens;
import org.roundtable.testsupport.Topics;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class PrivacyIT extends ParticipationIntegrationTest {

    private static final String SECRET_NAME = "Zelda Quillfeather";
    private static final String SECRET_EMAIL = "zelda.q@example.org";

    @Autowired
    Pseudonyms pseudonyms;

    @Test
    void someoneWithoutNamingConsentNeverAppearsByNameInAnyResponseOrPublishedEvent() throws Exception {
        String zelda = "zelda-" + UUID.randomUUID();
        String token = citizen(zelda);
        expect(204, api().send("PUT", "/api/participation/profile", token, profile(SECRET_NAME, false, true, SECRET_EMAIL)));
        String proposalId = UUID.randomUUID().toString();
        proposal(proposalId, "author-3", true);
        Eventually.within(Duration.ofSeconds(60), () -> assertThat(storedEventTypes(proposalId)).contains("EndorsementsOpened"));
        String base = "/api/participation/proposals/" + proposalId;
        expect(204, api().post(base + "/endorsements", token, Map.of("reason", "I grew up gardening")));
        expect(201, api().post(base + "/pledges", token, Map.of("kind", "SKILL", "description", "composting")));

        ApiClient.Response own = api().get("/api/participation/profile", token);
        assertThat(own.body().get("displayName").asText()).isEqualTo(SECRET_NAME);
        assertThat(own.body().get("contactEmail").asText()).isEqualTo(SECRET_EMAIL);
        String pseudonym = own.body().get("publicName").asText();
        assertThat(pseudonym).startsWith("Neighbour ").isNotEqualTo(SECRET_NAME);

        Eventually.within(Duration.ofSeconds(30), () -> {
            ApiClient.Response summary = api().get(base, citizen("reader"));
            assertThat(summary.body().get("endorsements").get(0).get("name").asText()).isEqualTo(pseudonym);
        });
        String pseudonymousId = pseudonyms.idOf(zelda);
        List<ApiClient.Response> publicAnswers = List.of(
                api().get(base, citizen("reader")),
                api().get("/api/participation/participants/" + pseudonymousId, citizen("reader")),
                api().get("/api/participation/me/activity", token));
        for (ApiClient.Response answer : publicAnswers) {
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body().toString()).doesNotContain(SECRET_NAME).doesNotContain(SECRET_EMAIL).doesNotContain("Token name of");
        }
        ApiClient.Response byPseudonymousId = api().get("/api/participation/participants/" + pseudonymousId, citizen("reader"));
        assertThat(byPseudonymousId.body().get("name").asText()).isEqualTo(pseudonym);
        assertThat(byPseudonymousId.body().get("participantId").asText()).as("never the login beside the pseudonym").isEqualTo(pseudonymousId);
        assertThat(byPseudonymousId.body().toString()).doesNotContain(zelda);
        assertThat(api().get("/api/participation/participants/" + zelda, citizen("reader")).status())
                .as("a login id does not lead to the pseudonym of someone who does not consent").isEqualTo(404);
        assertThat(api().get("/api/participation/participants/" + zelda, token).body().get("participantId").asText())
                .as("her own, by her own login").isEqualTo(zelda);

        List<ConsumerRecord<String, byte[]>> published;
        try (KafkaConsumer<String, byte[]> consumer = Topics.consumer("roundtable.participation")) {
            published = Topics.readUntil(consumer, Duration.ofSeconds(60), record -> record.key().equals(zelda) || record.key().equals(proposalId),
                    kept -> kept.stream().filter(record -> record.key().equals(proposalId)).count() >= 5);
        }
        assertThat(published).anySatisfy(record -> assertThat(record.key()).isEqualTo(zelda));
        for (ConsumerRecord<String, byte[]> record : published) {
            StringBuilder everything = new StringBuilder(new String(record.value(), StandardCharsets.UTF_8));
            for (Header header : record.headers()) {
                everything.append(' ').append(new String(header.value(), StandardCharsets.UTF_8));
            }
            assertThat(everything.toString()).doesNotContain(SECRET_NAME).doesNotContain(SECRET_EMAIL).doesNotContain("Token name of");
        }
    }

    @Test
    void someoneWhoConsentsIsNamedAndWithdrawingConsentHidesTheNameFromThenOn() throws Exception {
        String yan = "yan-" + UUID.randomUUID();
        String token = citizen(yan);
        expect(204, api().send("PUT", "/api/participation/profile", token, profile("Yan Openly", true, false, null)));
        Eventually.within(Duration.ofSeconds(30), () ->
                assertThat(api().get("/api/participation/participants/" + yan, citizen("reader")).body().get("name").asText()).isEqualTo("Yan Openly"));
        assertThat(api().get("/api/participation/participants/" + yan, citizen("reader")).body().get("participantId").asText()).isEqualTo(yan);

        expect(204, api().send("PUT", "/api/participation/profile", token, profile("Yan Openly", false, false, null)));

        Eventually.within(Duration.ofSeconds(30), () ->
                assertThat(api().get("/api/participation/participants/" + yan, citizen("reader")).status()).isEqualTo(404));
        ApiClient.Response shown = api().get("/api/participation/participants/" + pseudonyms.idOf(yan), citizen("reader"));
        assertThat(shown.body().get("name").asText()).startsWith("Neighbour ");
        assertThat(shown.body().get("participantId").asText()).startsWith("neighbour-");
        assertThat(shown.body().toString()).doesNotContain(yan).doesNotContain("Yan Openly");
    }

    @Test
    void aProfileClaimsOnlyRolesTheTokenHolds() throws Exception {
        String bill = "bill-" + UUID.randomUUID();
        long before = storedEvents();
        Map<String, Object> asStaff = profile("Bill Turner", true, false, null);
        asStaff.put("roles", List.of("CITIZEN", "STAFF"));
        asStaff.put("livesLocally", true);
        asStaff.put("usesServices", true);

        ApiClient.Response refused = api().send("PUT", "/api/participation/profile", citizen(bill), asStaff);

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body().get("detail").asText()).contains("does not hold STAFF");
        assertThat(storedEvents()).isEqualTo(before);
        expect(204, api().send("PUT", "/api/participation/profile", citizen(bill), profile("Bill Turner", true, false, null)));
        Eventually.within(Duration.ofSeconds(30), () -> assertThat(api().get("/api/participation/participants/" + bill, citizen("reader"))
                .body().get("roles")).extracting(com.fasterxml.jackson.databind.JsonNode::asText).containsExactly("CITIZEN"));
    }

    @Test
    void aMachineTokenGrantingNoRoleReadsNoProfile() throws Exception {
        String vic = "vic-" + UUID.randomUUID();
        expect(204, api().send("PUT", "/api/participation/profile", citizen(vic), profile("Vic Open", true, false, null)));
        Eventually.within(Duration.ofSeconds(30), () ->
                assertThat(api().get("/api/participation/participants/" + vic, citizen("reader")).status()).isEqualTo(200));

        ApiClient.Response machine = api().get("/api/participation/participants/" + vic,
                TestTokens.shared().mint("roundtable-machine", "Roundtable machine client"));

        assertThat(machine.status()).isEqualTo(403);
        assertThat(machine.contentType()).startsWith("application/problem+json");
        assertThat(machine.body().toString()).doesNotContain("Vic Open");
        assertThat(api().get("/api/participation/participants/" + vic, null).status()).isEqualTo(401);
    }

    @Test
    void profilesRefuseBadInputNamingTheField() {
        String token = citizen("careless-" + UUID.randomUUID());

        assertThat(api().send("PUT", "/api/participation/profile", token, profile(" ", true, false, null)).firstInvalidField()).isEqualTo("displayName");
        assertThat(api().send("PUT", "/api/participation/profile", token, profile("Kit", true, true, "not-an-email")).firstInvalidField())
                .isEqualTo("contactEmail");
        Map<String, Object> precise = profile("Kit", true, false, null);
        precise.put("neighbourhood", "14 Mill Lane");
        assertThat(api().send("PUT", "/api/participation/profile", token, precise).firstInvalidField()).isEqualTo("neighbourhood");
        assertThat(api().get("/api/participation/profile", token).status()).isEqualTo(404);
    }

    private static Map<String, Object> profile(String name, boolean named, boolean contactable, String email) {
        Map<String, Object> profile = new HashMap<>();
        profile.put("displayName", name);
        profile.put("roles", List.of("CITIZEN"));
        profile.put("neighbourhood", "Northfield");
        profile.put("offers", "gardening");
        profile.put("namedPublicly", named);
        profile.put("contactable", contactable);
        if (email != null) {
            profile.put("contactEmail", email);
        }
        return profile;
    }
}
