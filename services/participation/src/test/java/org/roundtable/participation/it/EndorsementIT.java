package org.roundtable.participation.it;

import org.junit.jupiter.api.Test;
import org.roundtable.events.Source;
import org.roundtable.events.EventEnvelope;
import org.roundtable.testsupport.ApiClient;
import org.roundtable.testsupport.Eventually;
import org.roundtable.testsupport.Topics;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class EndorsementIT extends ParticipationIntegrationTest {

    @Test
    void anEndorsementIsPossibleOnlyOnceProposalSubmittedHasArrived() throws Exception {
        String proposalId = UUID.randomUUID().toString();
        String path = "/api/participation/proposals/" + proposalId + "/endorsements";

        ApiClient.Response unknown = api().post(path, citizen("eli"), Map.of("reason", "early"));
        assertThat(unknown.status()).isEqualTo(404);

        proposal(proposalId, "author-1", false);
        Eventually.within(Duration.ofSeconds(60), () -> assertThat(storedEventTypes(proposalId)).contains("ProposalFollowed"));
        ApiClient.Response drafted = api().post(path, citizen("eli"), Map.of("reason", "still early"));
        assertThat(drafted.status()).isEqualTo(409);
        assertThat(drafted.body().get("detail").asText()).contains("not submitted yet");

        EventEnvelope[] events = proposal(proposalId, "author-1", true);
        Eventually.within(Duration.ofSeconds(60), () -> assertThat(storedEventTypes(proposalId)).contains("EndorsementsOpened"));
        expect(204, api().post(path, citizen("eli"), Map.of("reason", "my children would grow food")));
        assertThat(api().post(path, citizen("eli"), Map.of("reason", "twice")).status()).isEqualTo(409);

        Topics.send(codec.encode(events[1]), codec.encode(events[0]), codec.encode(events[1]));
        awaitInboxHandled(Source.PROPOSALS.topic());
        assertThat(storedEventTypes(proposalId)).containsExactly("ProposalFollowed", "CoDesignerRecognised", "EndorsementsOpened",
                "EndorsementGiven");
        Eventually.within(Duration.ofSeconds(30), () -> {
            ApiClient.Response summary = api().get("/api/participation/proposals/" + proposalId, citizen("reader"));
            assertThat(summary.body().get("endorsementCount").asInt()).isEqualTo(1);
            assertThat(summary.body().get("endorsements").get(0).get("reason").asText()).isEqualTo("my children would grow food");
            assertThat(summary.body().get("stage").asText()).isEqualTo("OPEN");
        });
    }

    @Test
    void pledgesAreSummedByKindAndWorkshopsShowAttendanceAndContributions() throws Exception {
        String proposalId = UUID.randomUUID().toString();
        proposal(proposalId, "author-2", true);
        Eventually.within(Duration.ofSeconds(60), () -> assertThat(storedEventTypes(proposalId)).contains("EndorsementsOpened"));
        String base = "/api/participation/proposals/" + proposalId;

        expect(201, api().post(base + "/pledges", citizen("fay"), Map.of("kind", "TIME", "hoursPerMonth", 4)));
        expect(201, api().post(base + "/pledges", citizen("gus"), Map.of("kind", "TIME", "hoursPerMonth", 6)));
        expect(201, api().post(base + "/pledges", citizen("gus"), Map.of("kind", "SKILL", "description", "joinery")));
        expect(201, api().post(base + "/pledges", citizen("hal"), Map.of("kind", "PLACE", "description", "church hall on Tuesdays")));
        String withdrawn = api().post(base + "/pledges", citizen("hal"), Map.of("kind", "TIME", "hoursPerMonth", 50)).body().get("id").asText();
        expect(204, api().send("DELETE", base + "/pledges/" + withdrawn, citizen("hal"), null));
        assertThat(api().post(base + "/pledges", citizen("hal"), Map.of("kind", "GOLD")).firstInvalidField()).isEqualTo("kind");

        ApiClient.Response scheduled = api().post(base + "/workshops", citizen("author-2"),
                Map.of("title", "Planting plan", "startsAt", "2026-12-01T18:00:00Z", "place", "Central Library"));
        expect(201, scheduled);
        String workshop = scheduled.body().get("id").asText();
        assertThat(api().post(base + "/workshops", citizen("fay"), Map.of("title", "Mine", "startsAt", "2026-12-01T18:00:00Z",
                "online", true)).status()).isEqualTo(403);
        expect(204, api().post(base + "/workshops/" + workshop + "/registrations", citizen("fay"), null));
        expect(204, api().post(base + "/workshops/" + workshop + "/registrations", citizen("gus"), null));
        expect(204, api().post(base + "/workshops/" + workshop + "/attendance", citizen("author-2"), Map.of("participantId", "fay")));
        expect(201, api().post(base + "/workshops/" + workshop + "/contributions", citizen("fay"), Map.of("idea", "raised beds for wheelchairs")));

        Eventually.within(Duration.ofSeconds(30), () -> {
            ApiClient.Response summary = api().get(base, citizen("reader"));
            assertThat(summary.body().get("pledgeTotals").get("hoursPerMonth").asInt()).isEqualTo(10);
            assertThat(summary.body().get("pledgeTotals").get("skills").asInt()).isEqualTo(1);
            assertThat(summary.body().get("pledgeTotals").get("places").asInt()).isEqualTo(1);
            assertThat(summary.body().get("pledgeTotals").get("pledges").asInt()).isEqualTo(4);
            assertThat(summary.body().get("workshops")).hasSize(1);
            assertThat(summary.body().get("workshops").get(0).get("registered").asInt()).isEqualTo(2);
            assertThat(summary.body().get("workshops").get(0).get("attended").asInt()).isEqualTo(1);
            assertThat(summary.body().get("workshops").get(0).get("contributions").get(0).get("idea").asText())
                    .isEqualTo("raised beds for wheelchairs");
        });
        Eventually.within(Duration.ofSeconds(30), () ->
                assertThat(api().get("/api/participation/me/activity", citizen("gus")).body()).hasSize(3));
    }

    @Test
    void aProposalEndorsedManyTimesIsLoadedFromItsSnapshotAndStillKnowsEachEndorser() throws Exception {
        String proposalId = UUID.randomUUID().toString();
        proposal(proposalId, "author-snap", true);
        Eventually.within(Duration.ofSeconds(60), () -> assertThat(storedEventTypes(proposalId)).contains("EndorsementsOpened"));
        String path = "/api/participation/proposals/" + proposalId + "/endorsements";
        for (int i = 0; i < 60; i++) {
            expect(204, api().post(path, citizen("snap-" + i), Map.of("reason", "number " + i)));
        }

        Long snapshotAt = jdbc.queryForObject("select max(sequence_number) from snapshot_event_entry where aggregate_identifier = ?",
                Long.class, proposalId);
        assertThat(snapshotAt).as("a snapshot taken after the first fifty events").isNotNull().isGreaterThanOrEqualTo(49L);
        String snapshot = jdbc.queryForObject("select convert_from(payload, 'UTF8') from snapshot_event_entry where aggregate_identifier = ? "
                + "order by sequence_number desc limit 1", String.class, proposalId);
        assertThat(snapshot).as("the aggregate's state, its endorsers among it").contains("\"endorsers\"", "\"snap-7\"", "\"stage\":\"OPEN\"");

        ApiClient.Response again = api().post(path, citizen("snap-7"), Map.of("reason", "twice"));
        assertThat(again.status()).as("an endorser from before the snapshot is still known").isEqualTo(409);
        assertThat(again.body().get("detail").asText()).contains("already endorse");
        expect(204, api().send("DELETE", path + "/mine", citizen("snap-3"), null));
        assertThat(api().send("DELETE", path + "/mine", citizen("snap-3"), null).status()).isEqualTo(409);
        expect(204, api().post(path, citizen("snap-after"), Map.of("reason", "after the snapshot")));
        Eventually.within(Duration.ofSeconds(30), () -> assertThat(
                api().get("/api/participation/proposals/" + proposalId, citizen("reader")).body().get("endorsementCount").asInt()).isEqualTo(60));
    }
}
