package org.roundtable.participation.it;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roundtable.kit.authority.Authorities;
import org.roundtable.participation.domain.ParticipationCommands.Endorse;
import org.roundtable.participation.domain.ParticipationCommands.PledgeAsset;
import org.roundtable.participation.domain.ParticipationCommands.RegisterProfile;
import org.roundtable.participation.domain.ParticipationCommands.ScheduleWorkshop;
import org.roundtable.testsupport.ApiClient;
import org.roundtable.testsupport.Eventually;
import org.roundtable.testsupport.TestTokens;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Every refusal of the participation API answers with problem+json and leaves the event store as it was. */
class ApiRefusalsIT extends ParticipationIntegrationTest {

    private static final String AUTHOR = "author-refusals";

    private String proposalId;
    private String base;

    @BeforeEach
    void aSubmittedProposal() throws Exception {
        proposalId = UUID.randomUUID().toString();
        base = "/api/participation/proposals/" + proposalId;
        proposal(proposalId, AUTHOR, true);
        Eventually.within(Duration.ofSeconds(60), () -> assertThat(storedEventTypes(proposalId)).contains("EndorsementsOpened"));
    }

    @Test
    void withoutAValidTokenNothingIsDone() {
        List<String> before = storedEventTypes(proposalId);

        assertRefused(api().post(base + "/endorsements", null, Map.of("reason", "anonymous")), 401);
        assertRefused(api().post(base + "/endorsements", TestTokens.shared().mintExpired("late", "CITIZEN"), Map.of()), 401);
        assertRefused(api().post(base + "/pledges", TestTokens.shared().mintWithUnknownKey("forger", "CITIZEN"),
                Map.of("kind", "TIME", "hoursPerMonth", 4)), 401);

        assertThat(storedEventTypes(proposalId)).isEqualTo(before);
    }

    @Test
    void onlyCitizensAndStaffParticipateAndOnlyCoDesignersRunWorkshops() {
        List<String> before = storedEventTypes(proposalId);

        assertRefused(api().post(base + "/endorsements", TestTokens.shared().mint("com-1", "A commissioner", "COMMISSIONER"),
                Map.of("reason", "I hold the budget")), 403);
        assertRefused(api().post(base + "/pledges", TestTokens.shared().mint("aud-1", "An auditor", "AUDITOR"),
                Map.of("kind", "TIME", "hoursPerMonth", 2)), 403);
        assertRefused(api().post(base + "/workshops", citizen("not-a-co-designer"), workshop()), 403);

        assertThat(storedEventTypes(proposalId)).isEqualTo(before);
    }

    @Test
    void eachEndpointIsOpenOnlyToTheRolesItsCommandDeclares() {
        assertOpenOnlyTo(Authorities.rolesOf(Endorse.class), "POST", base + "/endorsements", Map.of("reason", "I care"));
        assertOpenOnlyTo(Authorities.rolesOf(PledgeAsset.class), "POST", base + "/pledges", Map.of("kind", "TIME", "hoursPerMonth", 2));
        assertOpenOnlyTo(Authorities.rolesOf(ScheduleWorkshop.class), "POST", base + "/workshops", workshop());
        assertOpenOnlyTo(Authorities.rolesOf(RegisterProfile.class), "PUT", "/api/participation/profile",
                Map.of("displayName", "Someone", "named", true, "reachable", false));
    }

    @Test
    void onlyWhoMayKeepAProfileReadsTheirOwn() {
        ApiClient.Response profile = api().get("/api/participation/profile", auditor("aud-own"));
        ApiClient.Response activity = api().get("/api/participation/me/activity", commissioner("com-own"));

        assertRefused(profile, 403);
        assertThat(profile.body().get("detail").asText()).isEqualTo("this action is open to [CITIZEN, STAFF]; the token holds [AUDITOR]");
        assertRefused(activity, 403);
        assertThat(activity.body().get("detail").asText()).isEqualTo("this action is open to [CITIZEN, STAFF]; the token holds [COMMISSIONER]");
    }

    @Test
    void onlyWhoPledgedWithdrawsAPledge() throws Exception {
        ApiClient.Response pledged = api().post(base + "/pledges", citizen("pledger"), Map.of("kind", "TIME", "hoursPerMonth", 3));
        expect(201, pledged);
        String pledgeId = pledged.body().get("id").asText();
        List<String> before = storedEventTypes(proposalId);

        assertRefused(api().send("DELETE", base + "/pledges/" + pledgeId, citizen("someone-else"), null), 403);

        assertThat(storedEventTypes(proposalId)).isEqualTo(before);
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        List<String> before = storedEventTypes(proposalId);

        assertInvalid(api().post(base + "/pledges", citizen("p1"), Map.of("description", "no kind")), "kind");
        assertInvalid(api().post(base + "/pledges", citizen("p1"), Map.of("kind", "MAGIC", "description", "?")), "kind");
        assertInvalid(api().post(base + "/pledges", citizen("p1"), Map.of("kind", "TIME", "hoursPerMonth", 0)), "hoursPerMonth");
        assertInvalid(api().post(base + "/pledges", citizen("p1"), Map.of("kind", "TIME", "hoursPerMonth", 201)), "hoursPerMonth");
        assertInvalid(api().post(base + "/pledges", citizen("p1"),
                Map.of("kind", "SKILL", "description", "carpentry", "hoursPerMonth", 5)), "hoursPerMonth");
        assertInvalid(api().post(base + "/pledges", citizen("p1"), Map.of("kind", "PLACE")), "description");
        assertInvalid(api().post(base + "/endorsements", citizen("p1"), Map.of("reason", "x".repeat(1001))), "reason");
        Map<String, Object> noStart = workshop();
        noStart.remove("startsAt");
        assertInvalid(api().post(base + "/workshops", citizen(AUTHOR), noStart), "startsAt");
        Map<String, Object> noPlace = workshop();
        noPlace.remove("place");
        assertInvalid(api().post(base + "/workshops", citizen(AUTHOR), noPlace), "place");
        assertInvalid(api().post("/api/participation/proposals/not-a-uuid/endorsements", citizen("p1"), Map.of()), "proposalId");

        assertThat(storedEventTypes(proposalId)).isEqualTo(before);
    }

    @Test
    void unknownThingsAreNotFoundAndBrokenRulesConflict() {
        String unknown = UUID.randomUUID().toString();
        assertRefused(api().post("/api/participation/proposals/" + unknown + "/pledges", citizen("p2"),
                Map.of("kind", "TIME", "hoursPerMonth", 2)), 404);
        assertRefused(api().get("/api/participation/proposals/" + unknown, citizen("p2")), 404);
        assertRefused(api().get("/api/participation/participants/nobody-" + unknown, citizen("p2")), 404);
        assertThat(storedEventTypes(unknown)).isEmpty();

        ApiClient.Response scheduled = api().post(base + "/workshops", citizen(AUTHOR), workshop());
        expect(201, scheduled);
        String workshopId = scheduled.body().get("id").asText();
        List<String> before = storedEventTypes(proposalId);
        assertRefused(api().post(base + "/workshops/" + UUID.randomUUID() + "/attendance", citizen(AUTHOR),
                Map.of("participantId", "anyone")), 404);
        assertRefused(api().send("DELETE", base + "/endorsements/mine", citizen("never-endorsed"), null), 409);
        assertRefused(api().post(base + "/workshops/" + workshopId + "/attendance", citizen(AUTHOR),
                Map.of("participantId", "not-registered")), 409);
        assertThat(storedEventTypes(proposalId)).isEqualTo(before);
    }

    private static Map<String, Object> workshop() {
        Map<String, Object> form = new HashMap<>();
        form.put("title", "What should we grow first?");
        form.put("startsAt", "2030-05-01T17:00:00Z");
        form.put("place", "Central Library garden room");
        form.put("online", false);
        return form;
    }

    /** A refusal with this status; problem+json unless the token itself was refused (401). */
    private static void assertRefused(ApiClient.Response response, int status) {
        assertThat(response.status()).as("status of %s", response.body()).isEqualTo(status);
        if (status != 401) {
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
    }

    private static void assertInvalid(ApiClient.Response response, String field) {
        assertRefused(response, 400);
        assertThat(response.body().get("errors")).extracting(error -> error.get("field").asText()).contains(field);
    }
}
