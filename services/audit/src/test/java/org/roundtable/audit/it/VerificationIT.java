package org.roundtable.audit.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.roundtable.audit.verifier.Checkpoint;
import org.roundtable.audit.verifier.LedgerKeys;
import org.roundtable.audit.verifier.NoteKey;
import org.roundtable.audit.verifier.Receipt;
import org.roundtable.audit.verifier.Sha256;
import org.roundtable.events.EventEnvelope;
import org.roundtable.testsupport.ApiClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The verification endpoint on the real database: intact, then each kind of tampering done directly in PostgreSQL
 * (one payload byte, a deleted row, rows swapped within and across partitions, a truncated tail, a checkpoint re-signed
 * with another key), each reported with the first entry or checkpoint that does not match; and another view of a
 * signed size is refused.
 * Every tampering is undone before the test ends, so the shared ledger stays intact for the other tests.
 */
class VerificationIT extends AuditIntegrationTest {

    private JsonNode verify() {
        ApiClient.Response report = api().get("/api/audit/verification", auditor());
        expect(200, report);
        return report.body();
    }

    private long positionOf(EventEnvelope envelope) {
        return jdbc.queryForObject("select position from ledger_entry where event_id = ?", Long.class, envelope.id());
    }

    private void assertIntactAgainstAFreshCheckpoint() {
        ApiClient.Response signed = api().post("/api/audit/checkpoints", auditor(), null);
        expect(201, signed);
        JsonNode report = verify();
        assertThat(report.get("intact").asBoolean()).as(report.toString()).isTrue();
        assertThat(report.get("firstMismatch").isNull()).isTrue();
        assertThat(report.get("checkpoint").get("treeSize").asLong()).isEqualTo(signed.body().get("treeSize").asLong());
        assertThat(report.get("entriesVerified").asLong()).isEqualTo(signed.body().get("treeSize").asLong());
        assertThat(report.get("checkpoint").get("key").asText()).isEqualTo(logKey().vkey());
    }

    private static NoteKey logKey() {
        return liveKeys().noteKey("roundtable.local/ledger", NoteKey.ED25519);
    }

    private static LedgerKeys liveKeys() {
        try {
            return LedgerKeys.fromPem(Files.readString(Path.of("target/audit-it/live-ledger-signing-key.pem")));
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    @Test
    void anUntouchedLedgerVerifiesAgainstItsSignedCheckpoint() throws Exception {
        publishJourney();
        assertIntactAgainstAFreshCheckpoint();
    }

    @Test
    void oneChangedPayloadByteIsReportedAtItsPosition() throws Exception {
        Journey journey = publishJourney();
        assertIntactAgainstAFreshCheckpoint();
        EventEnvelope target = journey.events().get(3);
        long position = positionOf(target);
        String payload = jdbc.queryForObject("select payload from ledger_entry where position = ?", String.class, position);
        int at = payload.indexOf("APPROVE");
        String tampered = payload.substring(0, at) + "B" + payload.substring(at + 1);

        jdbc.update("update ledger_entry set payload = ? where position = ?", tampered, position);
        try {
            JsonNode report = verify();
            assertThat(report.get("intact").asBoolean()).isFalse();
            assertThat(report.get("firstMismatch").get("position").asLong()).isEqualTo(position);
            assertThat(report.get("firstMismatch").get("eventId").asText()).isEqualTo(target.id());
            assertThat(report.get("firstMismatch").get("problem").asText()).contains("does not match its hash");
        } finally {
            jdbc.update("update ledger_entry set payload = ? where position = ?", payload, position);
        }
        assertIntactAgainstAFreshCheckpoint();
    }

    @Test
    void aDeletedRowIsReportedAtItsPosition() throws Exception {
        Journey journey = publishJourney();
        assertIntactAgainstAFreshCheckpoint();
        long position = positionOf(journey.events().get(1));
        Map<String, Object> row = jdbc.queryForMap("select * from ledger_entry where position = ?", position);

        jdbc.update("delete from ledger_entry where position = ?", position);
        try {
            JsonNode report = verify();
            assertThat(report.get("intact").asBoolean()).isFalse();
            assertThat(report.get("firstMismatch").get("position").asLong()).isEqualTo(position);
            assertThat(report.get("firstMismatch").get("problem").asText()).contains("missing");
        } finally {
            List<String> columns = List.copyOf(row.keySet());
            jdbc.update("insert into ledger_entry (" + String.join(", ", columns) + ") values ("
                    + String.join(", ", columns.stream().map(column -> "?").toList()) + ")", row.values().toArray());
        }
        assertIntactAgainstAFreshCheckpoint();
    }

    @Test
    void twoSwappedRowsAreReportedAtTheFirstOfThem() throws Exception {
        Journey journey = publishJourney();
        assertIntactAgainstAFreshCheckpoint();
        long first = positionOf(journey.events().get(2));
        long second = positionOf(journey.events().get(4));
        assertThat(jdbc.queryForObject("select count(distinct (topic, kafka_partition)) from ledger_entry where position in (?, ?)",
                Long.class, first, second)).as("a case's events share a partition").isEqualTo(1);

        swapPositions(first, second);
        try {
            JsonNode report = verify();
            assertThat(report.get("intact").asBoolean()).isFalse();
            assertThat(report.get("firstMismatch").get("position").asLong()).isEqualTo(first);
            assertThat(report.get("firstMismatch").get("eventId").asText()).isEqualTo(journey.events().get(4).id());
            assertThat(report.get("firstMismatch").get("problem").asText()).contains("of chain roundtable.commissioning");
        } finally {
            swapPositions(first, second);
        }
        assertIntactAgainstAFreshCheckpoint();

        swapPayloads(first, second);
        try {
            JsonNode report = verify();
            assertThat(report.get("firstMismatch").get("position").asLong()).isEqualTo(first);
            assertThat(report.get("firstMismatch").get("problem").asText()).contains("does not match its hash");
        } finally {
            swapPayloads(first, second);
        }
        assertIntactAgainstAFreshCheckpoint();
    }

    private void swapPositions(long a, long b) {
        jdbc.update("update ledger_entry set position = -1 where position = ?", a);
        jdbc.update("update ledger_entry set position = ? where position = ?", a, b);
        jdbc.update("update ledger_entry set position = ? where position = -1", b);
    }

    private void swapPayloads(long a, long b) {
        jdbc.update("update ledger_entry set payload = case when position = ? then (select payload from ledger_entry where position = ?) "
                + "else (select payload from ledger_entry where position = ?) end where position in (?, ?)", a, b, a, a, b);
    }

    @Test
    void twoEntriesOfDifferentPartitionsSwappedWithTheirPositionsRewrittenAreCaughtByTheSignedLogRoot() throws Exception {
        Journey journey = publishJourney();
        assertIntactAgainstAFreshCheckpoint();
        long first = jdbc.queryForObject("select a.position from ledger_entry a join ledger_entry b on b.position = a.position + 1 "
                + "where (a.topic, a.kafka_partition) <> (b.topic, b.kafka_partition) and a.event_id = any(?) order by a.position desc limit 1",
                Long.class, (Object) journey.events().stream().map(EventEnvelope::id).toArray(String[]::new));

        swapPositions(first, first + 1);
        try {
            JsonNode report = verify();
            assertThat(report.get("intact").asBoolean()).isFalse();
            assertThat(report.get("firstMismatch").get("position").asLong()).isGreaterThanOrEqualTo(first + 1);
            assertThat(report.get("firstMismatch").get("problem").asText()).contains("the log's root over positions 1..");
        } finally {
            swapPositions(first, first + 1);
        }
        assertIntactAgainstAFreshCheckpoint();
    }

    @Test
    void aTruncatedTailIsCaughtByTheCheckpointsThatCommitIt() throws Exception {
        publishJourney();
        assertIntactAgainstAFreshCheckpoint();
        long last = jdbc.queryForObject("select max(position) from ledger_entry", Long.class);
        List<Map<String, Object>> tail = jdbc.queryForList("select * from ledger_entry where position > ? order by position", last - 2);

        jdbc.update("delete from ledger_entry where position > ?", last - 2);
        try {
            JsonNode report = verify();
            assertThat(report.get("intact").asBoolean()).isFalse();
            assertThat(report.get("firstMismatch").get("position").asLong()).isEqualTo(last - 1);
            assertThat(report.get("firstMismatch").get("problem").asText()).contains("ends at position " + (last - 2))
                    .contains("a signed checkpoint commits " + last + " entries");
        } finally {
            tail.forEach(this::insert);
        }
        assertIntactAgainstAFreshCheckpoint();
    }

    @Test
    void aCheckpointReSignedWithAnotherKeyIsRefusedByTheKeyTheServiceHolds() throws Exception {
        publishJourney();
        assertIntactAgainstAFreshCheckpoint();
        long size = jdbc.queryForObject("select max(tree_size) from ledger_log_checkpoint", Long.class);
        String note = jdbc.queryForObject("select note from ledger_log_checkpoint where tree_size = ?", String.class, size);
        Checkpoint genuine = Checkpoint.parse(note);
        String reSigned = Checkpoint.of(genuine.origin(), genuine.size(), genuine.root()).signedBy(LedgerKeys.generate(), genuine.origin()).text();

        jdbc.update("update ledger_log_checkpoint set note = ? where tree_size = ?", reSigned, size);
        try {
            JsonNode report = verify();
            assertThat(report.get("intact").asBoolean()).isFalse();
            assertThat(report.get("firstMismatch").get("problem").asText()).contains("is not signed by the pinned key " + logKey().vkey());
        } finally {
            jdbc.update("update ledger_log_checkpoint set note = ? where tree_size = ?", note, size);
        }
        assertIntactAgainstAFreshCheckpoint();
    }

    @Test
    void anotherViewOfASignedSizeIsRefusedEvenWhenSignedWithTheLogsKey() throws Exception {
        publishJourney();
        assertIntactAgainstAFreshCheckpoint();
        long size = jdbc.queryForObject("select max(tree_size) from ledger_log_checkpoint", Long.class);
        Checkpoint otherView = Checkpoint.of("roundtable.local/ledger", size, Sha256.of("another view".getBytes(StandardCharsets.UTF_8)))
                .signedBy(liveKeys(), "roundtable.local/ledger");
        HttpResponse<String> refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/audit/log/cosignatures")).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(otherView.text())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("another tree than the checkpoint of " + size + " entries this log signed");
        assertThat(Checkpoint.parse(api().get("/api/audit/log/checkpoints/" + size, null).body().asText()).sameTree(otherView)).isFalse();
    }

    private void insert(Map<String, Object> row) {
        List<String> columns = List.copyOf(row.keySet());
        jdbc.update("insert into ledger_entry (" + String.join(", ", columns) + ") values ("
                + String.join(", ", columns.stream().map(column -> "?").toList()) + ")", row.values().toArray());
    }

    @Test
    void everyEventHasAReceiptThatVerifiesWithThePinnedKeyAndNoOther() throws Exception {
        Journey journey = publishJourney();
        expect(201, api().post("/api/audit/checkpoints", auditor(), null));
        ApiClient.Response key = api().get("/api/audit/log/key", null);
        expect(200, key);
        NoteKey published = NoteKey.parse(key.body().get("vkey").asText());
        assertThat(published).isEqualTo(logKey());
        assertThat(key.body().get("keyId").asText()).isEqualTo(published.keyIdHex());

        for (EventEnvelope event : journey.events()) {
            ApiClient.Response proof = api().get("/api/audit/ledger/" + event.id() + "/proof", auditor());
            expect(200, proof);
            Receipt read = Receipt.fromJsonText(proof.body().toString());
            assertThat(read.entry().record().eventId()).isEqualTo(event.id());
            assertThat(read.problemWith(published)).as(event.type().name()).isNull();
            assertThat(read.problemWith(LedgerKeys.generate().noteKey("roundtable.local/ledger", NoteKey.ED25519))).isNotNull();
        }
        expect(404, api().get("/api/audit/ledger/" + UUID.randomUUID() + "/proof", auditor()));
    }
}
