package org.roundtable.audit.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.roundtable.audit.verifier.HashChain;
import org.roundtable.audit.verifier.Json;
import org.roundtable.events.Actor;
import org.roundtable.events.EventEnvelope;
import org.roundtable.events.Role;
import org.roundtable.events.participation.EndorsementGiven;
import org.roundtable.audit.verifier.LedgerRecord;
import org.roundtable.testsupport.ApiClient;
import org.roundtable.testsupport.Eventually;
import org.roundtable.testsupport.TestTokens;
import org.roundtable.testsupport.Topics;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class LedgerIT extends AuditIntegrationTest {

    @Test
    void eventsOfAllFourTopicsAreAppendedWithWhoWhatWhenAndTheirHashes() throws Exception {
        Journey journey = publishJourney();

        for (EventEnvelope sent : journey.events()) {
            Map<String, Object> row = jdbc.queryForMap("select * from ledger_entry where event_id = ?", sent.id());
            assertThat(row.get("source")).isEqualTo(sent.source().service());
            assertThat(row.get("type")).isEqualTo(sent.type().value());
            assertThat(row.get("event_name")).isEqualTo(sent.type().name());
            assertThat(row.get("subject")).isEqualTo(sent.subject());
            assertThat(row.get("actor_id")).isEqualTo(sent.actor().subjectId());
            assertThat(row.get("actor_role")).isEqualTo(sent.actor().role().name());
            assertThat(row.get("actor_name")).isEqualTo(sent.actor().displayName());
            assertThat(row.get("correlation_id")).isEqualTo(sent.correlationId());
            assertThat(row.get("sequence")).isEqualTo(sent.sequence());
            assertThat(((java.sql.Timestamp) row.get("occurred_at")).toInstant()).isEqualTo(sent.time().truncatedTo(ChronoUnit.MICROS));
            assertThat(row.get("topic")).isEqualTo(sent.topic());
            String value = new String(codec.encode(sent).value(), StandardCharsets.UTF_8);
            assertThat(row.get("payload")).isEqualTo(Json.canonical(value));
            assertThat(row.get("headers").toString()).contains("[\"ce_id\",\"" + sent.id() + "\"]");
            assertThat((String) row.get("hash")).hasSize(64).isNotEqualTo(row.get("previous_hash"));
        }
        assertThat(jdbc.queryForObject("select payload_json ->> 'proposalId' from ledger_entry where event_id = ?", String.class,
                journey.events().get(5).id())).isEqualTo(journey.proposalId());
        assertThat(jdbc.queryForList("select distinct source from ledger_entry where event_id = any(?)", String.class,
                (Object) journey.events().stream().map(EventEnvelope::id).toArray(String[]::new)))
                .containsExactlyInAnyOrder("proposals", "participation", "commissioning", "outcomes");
    }

    @Test
    void eachEntryChainsToThePreviousEntryOfItsPartitionAndPositionsHaveNoGaps() throws Exception {
        publishJourney();

        List<Map<String, Object>> rows = jdbc.queryForList("select position, topic, kafka_partition, chain_index, previous_hash, hash "
                + "from ledger_entry order by topic, kafka_partition, chain_index");
        String previousTopic = null;
        Integer previousPartition = null;
        String head = null;
        for (Map<String, Object> row : rows) {
            boolean newChain = !row.get("topic").equals(previousTopic) || !row.get("kafka_partition").equals(previousPartition);
            assertThat(row.get("previous_hash")).isEqualTo(newChain ? HashChain.GENESIS : head);
            head = (String) row.get("hash");
            previousTopic = (String) row.get("topic");
            previousPartition = (Integer) row.get("kafka_partition");
        }
        assertThat(jdbc.queryForObject("select max(position) = count(*) from ledger_entry", Boolean.class)).isTrue();
    }

    @Test
    void aRedeliveredEventIsRecordedOnce() throws Exception {
        String proposalId = UUID.randomUUID().toString();
        EventEnvelope endorsed = envelope(proposalId, Actor.of("citizen-di", Role.CITIZEN),
                new EndorsementGiven(proposalId, "citizen-di", "Di", "a good idea"));
        EventEnvelope after = envelope(proposalId, Actor.of("citizen-ed", Role.CITIZEN),
                new EndorsementGiven(proposalId, "citizen-ed", null, "me too"));

        publish(endorsed, endorsed, endorsed, after, endorsed);
        awaitLedgerHolds(endorsed, after);
        awaitLedgerCaughtUp();

        assertThat(jdbc.queryForObject("select count(*) from ledger_entry where event_id = ?", Long.class, endorsed.id())).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from ledger_entry where subject = ?", Long.class, proposalId)).isEqualTo(2);
    }

    @Test
    void anEventTypeTheCatalogDoesNotKnowIsRecordedAsItCame() throws Exception {
        String id = UUID.randomUUID().toString();
        String subject = UUID.randomUUID().toString();
        ProducerRecord<String, byte[]> record = KafkaMessageFactory.<String>createWriter("roundtable.outcomes", subject).writeBinary(
                CloudEventBuilder.v1().withId(id).withSource(URI.create("/roundtable/outcomes"))
                        .withType("org.roundtable.outcomes.InitiativeCelebrated.v2").withSubject(subject)
                        .withTime(OffsetDateTime.of(2026, 5, 1, 12, 0, 0, 123_456_789, ZoneOffset.UTC))
                        .withDataContentType("application/json")
                        .withData("{ \"initiativeId\": \"x\", \"guests\": 40 }".getBytes(StandardCharsets.UTF_8))
                        .withExtension("actorid", "staff-fay").withExtension("actorrole", "STAFF").build());

        Topics.send(record);

        Eventually.within(LEDGER_WAIT, () -> assertThat(jdbc.queryForList("select event_name from ledger_entry where event_id = ?",
                String.class, id)).containsExactly("InitiativeCelebrated"));
        Map<String, Object> row = jdbc.queryForMap("select * from ledger_entry where event_id = ?", id);
        assertThat(row.get("type")).isEqualTo("org.roundtable.outcomes.InitiativeCelebrated.v2");
        assertThat(row.get("payload")).isEqualTo("{\"guests\":40,\"initiativeId\":\"x\"}");
        assertThat(row.get("correlation_id")).isNull();
        assertThat(((java.sql.Timestamp) row.get("occurred_at")).toInstant()).isEqualTo(Instant.parse("2026-05-01T12:00:00.123456Z"));
    }

    @Test
    void aRecordThatIsNotARoundtableEventIsAppendedChainedAndListedAsUndecodableAndLaterRecordsKeepFlowing() throws Exception {
        String key = "garbage-" + UUID.randomUUID();
        byte[] poison = {'n', 'o', 't', 0, ' ', (byte) 0xff, (byte) 0xfe, 'a', 'n', ' ', 'e', 'v', 'e', 'n', 't'};
        EventEnvelope next = publishLater();
        Topics.send(new ProducerRecord<>("roundtable.commissioning", key, poison));
        publish(next);

        awaitLedgerHolds(next);
        Map<String, Object> row = jdbc.queryForMap("select * from ledger_entry where type = ? and payload like ?",
                LedgerRecord.UNDECODABLE_TYPE, "%\"key\":\"" + key + "\"%");
        assertThat(row.get("event_name")).isEqualTo("Undecodable");
        assertThat(row.get("payload_json")).isNull();
        Map<String, Object> payload = payloadOf(row.get("payload"));
        assertThat(Base64.getDecoder().decode((String) payload.get("value"))).isEqualTo(poison);
        assertThat((String) payload.get("reason")).contains("not a CloudEvents");
        assertThat((Long) row.get("position")).isLessThan(jdbc.queryForObject("select position from ledger_entry where event_id = ?",
                Long.class, next.id()));

        ApiClient.Response listed = api().get("/api/audit/ledger?undecodable=true&size=500", auditor());
        expect(200, listed);
        assertThat(listed.body().get("items").findValuesAsText("eventId")).contains((String) row.get("event_id"));
        listed.body().get("items").forEach(item -> assertThat(item.get("undecodable").asBoolean()).isTrue());
        assertVerifies();
    }

    @Test
    void anEventWhosePayloadJsonbCannotHoldIsAppendedUnindexedAndDoesNotStallTheLedger() throws Exception {
        String nul = UUID.randomUUID().toString();
        String huge = UUID.randomUUID().toString();
        Topics.send(rawEvent(nul, "{\"initiativeId\":\"" + nul + "\",\"note\":\"a\\u0000b\"}"),
                rawEvent(huge, "{\"initiativeId\":\"" + huge + "\",\"guests\":1e131072}"));
        EventEnvelope next = publishLater();
        publish(next);

        awaitLedgerHolds(next);
        for (String id : List.of(nul, huge)) {
            Map<String, Object> row = jdbc.queryForMap("select * from ledger_entry where event_id = ?", id);
            assertThat(row.get("event_name")).isEqualTo("InitiativeCelebrated");
            assertThat(row.get("payload_json")).isNull();
            assertThat((String) row.get("payload")).contains(id);
        }
        assertThat(jdbc.queryForObject("select payload_json ->> 'caseId' from ledger_entry where event_id = ?", String.class, next.id()))
                .isEqualTo(next.subject());
        assertVerifies();
    }

    private static ProducerRecord<String, byte[]> rawEvent(String id, String data) {
        return KafkaMessageFactory.<String>createWriter("roundtable.outcomes", id).writeBinary(
                CloudEventBuilder.v1().withId(id).withSource(URI.create("/roundtable/outcomes"))
                        .withType("org.roundtable.outcomes.InitiativeCelebrated.v1").withSubject(id).withTime(OffsetDateTime.now())
                        .withDataContentType("application/json").withData(data.getBytes(StandardCharsets.UTF_8)).build());
    }

    private void assertVerifies() throws Exception {
        expect(201, api().post("/api/audit/checkpoints", auditor(), null));
        ApiClient.Response verified = api().get("/api/audit/verification", auditor());
        expect(200, verified);
        assertThat(verified.body().get("intact").asBoolean()).as(verified.body().toString()).isTrue();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> payloadOf(Object json) {
        return (Map<String, Object>) Json.parse((String) json);
    }

    private EventEnvelope publishLater() {
        String caseId = UUID.randomUUID().toString();
        return envelope(caseId, Actor.of("commissioner-gus", Role.COMMISSIONER),
                new org.roundtable.events.commissioning.VoteCast(caseId, "commissioner-gus",
                        org.roundtable.events.commissioning.Vote.REJECT, "not yet", null, "p-1"));
    }

    @Test
    void auditorsReadEntriesPageByPageAndByEventId() throws Exception {
        Journey journey = publishJourney();
        EventEnvelope drafted = journey.events().get(0);

        ApiClient.Response entry = api().get("/api/audit/ledger/" + drafted.id(), auditor());
        expect(200, entry);
        assertThat(entry.body().get("eventName").asText()).isEqualTo("ProposalDrafted");
        assertThat(entry.body().get("actorName").asText()).isEqualTo("Ada");
        assertThat(entry.body().get("hash").asText()).hasSize(64);

        ApiClient.Response first = api().get("/api/audit/ledger?size=2", auditor());
        expect(200, first);
        assertThat(first.body().get("items")).hasSize(2);
        assertThat(first.body().get("items").get(0).get("position").asLong()).isEqualTo(1);
        long after = first.body().get("nextAfterPosition").asLong();
        ApiClient.Response second = api().get("/api/audit/ledger?size=2&afterPosition=" + after, auditor());
        assertThat(second.body().get("items").get(0).get("position").asLong()).isEqualTo(after + 1);
    }

    /** The ledger's endpoints and the dead letters, open to AUDITOR once on their controllers: every other role is refused, and so is an auditor acting in another role. */
    @Test
    void everyAuditorsEndpointRefusesEveryOtherRoleAndAnAuditorActingInAnother() {
        String eventId = UUID.randomUUID().toString();
        List<List<String>> endpoints = List.of(List.of("GET", "/api/audit/ledger"), List.of("GET", "/api/audit/ledger/" + eventId),
                List.of("GET", "/api/audit/ledger/" + eventId + "/proof"), List.of("GET", "/api/audit/verification"),
                List.of("POST", "/api/audit/checkpoints"), List.of("GET", "/api/audit/heads"), List.of("GET", "/api/audit/export"),
                List.of("POST", "/api/audit/rebuild"), List.of("GET", "/api/audit/rebuild"), List.of("GET", "/api/audit/operations/dead-letters"));
        String citizenAndAuditor = TestTokens.shared().mint("hana-acting", "Hana Sato", "CITIZEN", "AUDITOR");

        for (List<String> endpoint : endpoints) {
            assertOpenOnlyTo(List.of(Role.AUDITOR), endpoint.get(0), endpoint.get(1), null);
            ApiClient.Response actingAsCitizen = api().send(endpoint.get(0), endpoint.get(1), citizenAndAuditor, null, "X-Acting-Role", "CITIZEN");
            assertProblem(actingAsCitizen, 403);
            assertThat(actingAsCitizen.body().get("detail").asText()).as("%s", endpoint)
                    .isEqualTo("this action is not open to the role CITIZEN; it is open to [AUDITOR]");
        }
    }

    @Test
    void onlyAuditorsReadTheLedgerAndBadPagingIsRefusedNamingTheField() {
        expect(401, api().get("/api/audit/ledger", null));
        expect(403, api().get("/api/audit/ledger", citizen("citizen-hal")));
        expect(403, api().get("/api/audit/verification", citizen("citizen-hal")));
        expect(403, api().get("/api/audit/export", citizen("citizen-hal")));
        expect(403, api().post("/api/audit/checkpoints", citizen("citizen-hal"), null));
        expect(403, api().post("/api/audit/rebuild", citizen("citizen-hal"), null));
        expect(404, api().get("/api/audit/ledger/" + UUID.randomUUID(), auditor()));

        ApiClient.Response tooBig = api().get("/api/audit/ledger?size=100000", auditor());
        expect(400, tooBig);
        assertThat(tooBig.firstInvalidField()).isEqualTo("size");
        ApiClient.Response negative = api().get("/api/audit/ledger?afterPosition=-1", auditor());
        expect(400, negative);
        assertThat(negative.firstInvalidField()).isEqualTo("afterPosition");
    }

    @Test
    void newEntriesAreCommittedByAPeriodicallySignedCheckpointWithoutAnyRequest() throws Exception {
        Journey journey = publishJourney();
        long last = jdbc.queryForObject("select max(position) from ledger_entry where event_id = any(?)", Long.class,
                (Object) journey.events().stream().map(EventEnvelope::id).toArray(String[]::new));

        Eventually.within(Duration.ofSeconds(30), () -> {
            ApiClient.Response latest = api().get("/api/audit/log/checkpoints?limit=1000", null);
            expect(200, latest);
            JsonNode newest = latest.body().get(latest.body().size() - 1);
            assertThat(newest.get("treeSize").asLong()).isGreaterThanOrEqualTo(last);
            assertThat(newest.get("note").asText()).contains("\n\n\u2014 roundtable.local/ledger ");
        });
    }

    @Test
    void theLedgerApiIsDocumented() {
        ApiClient.Response docs = api().get("/v3/api-docs", null);
        expect(200, docs);
        for (String path : List.of("/api/audit/ledger", "/api/audit/ledger/{eventId}", "/api/audit/ledger/{eventId}/proof",
                "/api/audit/verification", "/api/audit/checkpoints", "/api/audit/heads", "/api/audit/export", "/api/audit/rebuild",
                "/api/audit/receipts/{eventId}", "/api/audit/log/checkpoint", "/api/audit/log/checkpoints", "/api/audit/log/checkpoints/{size}",
                "/api/audit/log/key", "/api/audit/log/proof/inclusion", "/api/audit/log/proof/consistency", "/api/audit/log/leaves",
                "/api/audit/log/cosignatures")) {
            assertThat(docs.body().get("paths").has(path)).as(path).isTrue();
        }
    }

    @Test
    void theLiveLedgerRefusesARebuild() {
        ApiClient.Response refused = api().post("/api/audit/rebuild", auditor(), null);
        expect(409, refused);
        assertThat(refused.body().get("detail").asText()).contains("already reading");
    }
}
