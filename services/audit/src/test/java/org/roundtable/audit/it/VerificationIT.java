package org.roundtable.audit.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.roundtable.audit.verifier.InclusionProof;
import org.roundtable.audit.verifier.LedgerKeys;
import org.roundtable.events.EventEnvelope;
import org.roundtable.testsupport.ApiClient;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The verification endpoint on the real database: intact, then each kind of tampering done directly in PostgreSQL
 * (one payload byte, a deleted row, two swapped rows), each reported with the first entry that does not match.
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
        assertThat(report.get("entriesVerified").asLong()).isGreaterThanOrEqualTo(signed.body().get("lastPosition").asLong());
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
    void everyEventHasAnInclusionProofThatVerifiesWithThePublishedKey() throws Exception {
        Journey journey = publishJourney();
        expect(201, api().post("/api/audit/checkpoints", auditor(), null));
        ApiClient.Response key = api().get("/api/audit/public-key", auditor());
        expect(200, key);
        var publicKey = LedgerKeys.publicKeyFromPem(key.body().asText());
        assertThat(key.header("X-Key-Id")).isEqualTo(LedgerKeys.keyIdOf(publicKey));

        for (EventEnvelope event : journey.events()) {
            ApiClient.Response proof = api().get("/api/audit/ledger/" + event.id() + "/proof", auditor());
            expect(200, proof);
            InclusionProof read = InclusionProof.fromJsonText(proof.body().toString());
            assertThat(read.entry().record().eventId()).isEqualTo(event.id());
            assertThat(read.problemWith(publicKey)).as(event.type().name()).isNull();
            assertThat(read.problemWith(LedgerKeys.generate().publicKey())).isNotNull();
        }
        expect(404, api().get("/api/audit/ledger/" + UUID.randomUUID() + "/proof", auditor()));
    }
}
