package org.roundtable.participation.it;

import org.junit.jupiter.api.Test;
import org.roundtable.testsupport.ApiClient;
import org.roundtable.testsupport.Eventually;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Input the read model could not store is refused at the door, so the projection never meets it. */
class HostileInputIT extends ParticipationIntegrationTest {

    @Test
    void aProfileRepeatingItsRoleOrHoldingANulIsRefusedAndTheNextProfileStillReachesTheReadModel() throws Exception {
        long before = storedEvents();

        ApiClient.Response repeated = api().send("PUT", "/api/participation/profile", citizen("hostile-roles"),
                profile("Rae", List.of("CITIZEN", "CITIZEN", "CITIZEN", "CITIZEN", "CITIZEN", "CITIZEN"), "gardening"));
        ApiClient.Response nul = api().send("PUT", "/api/participation/profile", citizen("hostile-nul"),
                profile("Nell", List.of("CITIZEN"), "bread\u0000making"));
        ApiClient.Response loneSurrogate = api().send("PUT", "/api/participation/profile", citizen("hostile-surrogate"),
                "{\"displayName\":\"Sue \\ud800\",\"roles\":[\"CITIZEN\"],\"namedPublicly\":true,\"contactable\":false}");

        assertField(repeated, "roles[1]");
        assertField(nul, "offers");
        assertField(loneSurrogate, "displayName");
        assertThat(storedEvents()).isEqualTo(before);

        String next = "after-hostile-" + UUID.randomUUID();
        expect(204, api().send("PUT", "/api/participation/profile", citizen(next), profile("Ola", List.of("CITIZEN"), "carpentry")));
        Eventually.within(Duration.ofSeconds(30), () ->
                assertThat(api().get("/api/participation/participants/" + next, citizen("reader")).status()).isEqualTo(200));
    }

    @Test
    void workshopsOutsideTheCenturyAndFractionalHoursAreRefused() throws Exception {
        String proposalId = UUID.randomUUID().toString();
        String base = "/api/participation/proposals/" + proposalId;
        proposal(proposalId, "author-hostile", true);
        Eventually.within(Duration.ofSeconds(60), () -> assertThat(storedEventTypes(proposalId)).contains("EndorsementsOpened"));
        List<String> before = storedEventTypes(proposalId);

        assertField(api().post(base + "/workshops", citizen("author-hostile"), workshop("+300000-01-01T10:00:00Z")), "startsAt");
        assertField(api().post(base + "/workshops", citizen("author-hostile"), workshop("1900-05-01T10:00:00Z")), "startsAt");
        ApiClient.Response fractional = api().post(base + "/pledges", citizen("pledger-hostile"),
                "{\"kind\":\"TIME\",\"hoursPerMonth\":6.9}");

        assertField(fractional, "hoursPerMonth");
        assertThat(fractional.body().get("errors").get(0).get("message").asText()).contains("whole number");
        assertThat(storedEventTypes(proposalId)).isEqualTo(before);

        String key = UUID.randomUUID().toString();
        ApiClient.Response pledged = api().send("POST", base + "/pledges", citizen("pledger-flaky"), Map.of("kind", "TIME", "hoursPerMonth", 6),
                "Idempotency-Key", key);
        ApiClient.Response retried = api().send("POST", base + "/pledges", citizen("pledger-flaky"), Map.of("kind", "TIME", "hoursPerMonth", 6),
                "Idempotency-Key", key);
        expect(201, pledged);
        expect(201, retried);
        assertThat(retried.body().get("id")).isEqualTo(pledged.body().get("id"));
        assertThat(storedEventTypes(proposalId)).containsExactlyElementsOf(
                java.util.stream.Stream.concat(before.stream(), java.util.stream.Stream.of("AssetPledged")).toList());
    }

    private static Map<String, Object> profile(String name, List<String> roles, String offers) {
        Map<String, Object> profile = new HashMap<>();
        profile.put("displayName", name);
        profile.put("roles", roles);
        profile.put("offers", offers);
        profile.put("namedPublicly", true);
        profile.put("contactable", false);
        return profile;
    }

    private static Map<String, Object> workshop(String startsAt) {
        return Map.of("title", "Planting day", "startsAt", startsAt, "place", "Library garden", "online", false);
    }
}
