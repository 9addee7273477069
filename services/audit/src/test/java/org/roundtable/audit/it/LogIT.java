package org.roundtable.audit.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roundtable.audit.verifier.Checkpoint;
import org.roundtable.audit.verifier.ConsistencyProof;
import org.roundtable.audit.verifier.LedgerEntry;
import org.roundtable.audit.verifier.LedgerKeys;
import org.roundtable.audit.verifier.MerkleTree;
import org.roundtable.audit.verifier.NoteKey;
import org.roundtable.audit.verifier.Receipt;
import org.roundtable.audit.verifier.Sha256;
import org.roundtable.audit.verifier.cli.VerifyLedger;
import org.roundtable.events.Actor;
import org.roundtable.events.EventEnvelope;
import org.roundtable.events.Role;
import org.roundtable.events.participation.EndorsementGiven;
import org.roundtable.testsupport.ApiClient;
import org.roundtable.testsupport.Eventually;
import org.roundtable.witness.LogClient;
import org.roundtable.witness.Witness;
import org.roundtable.witness.WitnessState;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The log as the public and a citizen meet it: checkpoints, proofs, leaf hashes and the key read without logging in,
 * with cache headers; a citizen's receipt for an endorsement verified offline with the verifier jar, and after 1,000
 * more events a consistency proof from the receipt's checkpoint to the newer one.
 */
class LogIT extends AuditIntegrationTest {

    @TempDir
    Path directory;

    private NoteKey logKey() {
        ApiClient.Response key = api().get("/api/audit/log/key", null);
        expect(200, key);
        assertThat(key.header("Cache-Control")).contains("public").contains("max-age=3600");
        return NoteKey.parse(key.body().get("vkey").asText());
    }

    private Checkpoint signedCheckpoint() {
        ApiClient.Response signed = api().post("/api/audit/checkpoints", auditor(), null);
        expect(201, signed);
        return Checkpoint.parse(signed.body().get("note").asText());
    }

    private String verifyOffline(int expectedExit, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream printer = new PrintStream(out, true, StandardCharsets.UTF_8);
        int exit = VerifyLedger.run(args, printer, printer);
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(printed).isEqualTo(expectedExit);
        return printed;
    }

    @Test
    void checkpointsProofsLeafHashesAndTheKeyAreReadWithoutLoggingInAndVerify() throws Exception {
        publishJourney();
        Checkpoint older = signedCheckpoint();
        publishJourney();
        Checkpoint newer = signedCheckpoint();
        NoteKey key = logKey();

        ApiClient.Response latest = api().get("/api/audit/log/checkpoint", null);
        expect(200, latest);
        assertThat(latest.contentType()).startsWith("text/plain");
        assertThat(latest.header("Cache-Control")).contains("max-age=5").contains("public");
        Checkpoint published = Checkpoint.parse(latest.body().asText());
        assertThat(published.signedBy(key)).isTrue();
        assertThat(published.size()).isGreaterThanOrEqualTo(newer.size());

        ApiClient.Response history = api().get("/api/audit/log/checkpoints?afterSize=" + (older.size() - 1) + "&limit=1000", null);
        expect(200, history);
        List<Long> sizes = new ArrayList<>();
        history.body().forEach(item -> sizes.add(item.get("treeSize").asLong()));
        assertThat(sizes).contains(older.size(), newer.size()).isSorted();
        ApiClient.Response newest = api().get("/api/audit/log/checkpoints?newest=2", null);
        expect(200, newest);
        assertThat(newest.body()).hasSize(2);
        assertThat(newest.body().get(0).get("treeSize").asLong()).isEqualTo(published.size())
                .isGreaterThan(newest.body().get(1).get("treeSize").asLong());
        ApiClient.Response bySize = api().get("/api/audit/log/checkpoints/" + older.size(), null);
        expect(200, bySize);
        assertThat(Checkpoint.parse(bySize.body().asText()).sameTree(older)).isTrue();

        ApiClient.Response consistency = api().get("/api/audit/log/proof/consistency?from=" + older.size() + "&to=" + newer.size(), null);
        expect(200, consistency);
        assertThat(consistency.header("Cache-Control")).contains("immutable");
        assertThat(ConsistencyProof.fromJsonText(consistency.body().toString()).problemWith(older, newer)).isNull();

        long index = older.size() - 1;
        ApiClient.Response inclusion = api().get("/api/audit/log/proof/inclusion?index=" + index + "&treeSize=" + newer.size(), null);
        expect(200, inclusion);
        assertThat(inclusion.header("Cache-Control")).contains("immutable");
        List<byte[]> path = new ArrayList<>();
        inclusion.body().get("path").forEach(hash -> path.add(Sha256.fromHex(hash.asText())));
        byte[] leaf = Sha256.fromHex(inclusion.body().get("leafHash").asText());
        assertThat(MerkleTree.verifyInclusion(leaf, index, newer.size(), path, newer.root())).isTrue();

        LedgerEntry entry = LedgerEntry.fromJsonLine(api().get("/api/audit/export?fromPosition=" + (index + 1) + "&toPosition=" + (index + 1),
                auditor()).body().toString());
        ApiClient.Response leaves = api().get("/api/audit/log/leaves?from=" + index + "&count=1", null);
        expect(200, leaves);
        assertThat(leaves.body().get("leafHashes").get(0).asText()).isEqualTo(Sha256.hex(entry.leafHash()));

        expect(401, api().get("/api/audit/ledger", null));
        expect(401, api().get("/api/audit/export", null));
    }

    @Test
    void badProofRequestsAreRefusedNamingTheField() throws Exception {
        publishJourney();
        Checkpoint checkpoint = signedCheckpoint();
        long beyond = checkpoint.size() + 1_000_000;
        assertThat(api().get("/api/audit/log/proof/inclusion?index=" + checkpoint.size() + "&treeSize=" + checkpoint.size(), null)
                .expect(400).firstInvalidField()).isEqualTo("index");
        assertThat(api().get("/api/audit/log/proof/inclusion?index=0&treeSize=" + beyond, null).expect(400).firstInvalidField())
                .isEqualTo("treeSize");
        assertThat(api().get("/api/audit/log/proof/consistency?from=5&to=4", null).expect(400).firstInvalidField()).isEqualTo("from");
        assertThat(api().get("/api/audit/log/proof/consistency?from=1&to=" + beyond, null).expect(400).firstInvalidField()).isEqualTo("to");
        assertThat(api().get("/api/audit/log/leaves?from=0&count=100000", null).expect(400).firstInvalidField()).isEqualTo("count");
        assertThat(api().get("/api/audit/log/checkpoints?limit=0", null).expect(400).firstInvalidField()).isEqualTo("limit");
        assertThat(api().get("/api/audit/log/checkpoints?newest=0", null).expect(400).firstInvalidField()).isEqualTo("newest");
        expect(404, api().get("/api/audit/log/checkpoints/" + beyond, null));
    }

    @Test
    void aCitizensEndorsementReceiptVerifiesOfflineAndAfterAThousandMoreEventsItsConsistencyToo() throws Exception {
        String proposalId = UUID.randomUUID().toString();
        String citizen = "citizen-" + UUID.randomUUID();
        EventEnvelope endorsed = publish(proposalId, Actor.of(citizen, Role.CITIZEN),
                new EndorsementGiven(proposalId, citizen, null, "our street needs this"));
        awaitLedgerHolds(endorsed);
        String token = citizen(citizen);

        AtomicReference<ApiClient.Response> fetched = new AtomicReference<>();
        Eventually.within(Duration.ofSeconds(30), () -> {
            fetched.set(api().get("/api/audit/receipts/" + endorsed.id(), token));
            expect(200, fetched.get());
        });
        expect(403, api().get("/api/audit/receipts/" + endorsed.id(), citizen("citizen-someone-else")));
        ApiClient.Response acts = api().get("/api/audit/receipts", token);
        expect(200, acts);
        assertThat(acts.body()).hasSize(1);
        assertThat(acts.body().get(0).get("eventId").asText()).isEqualTo(endorsed.id());
        assertThat(acts.body().get(0).get("event").asText()).isEqualTo("EndorsementGiven");
        assertThat(acts.body().get(0).get("receiptReady").asBoolean()).isTrue();
        assertThat(api().get("/api/audit/receipts", citizen("citizen-someone-else")).body()).isEmpty();
        expect(401, api().get("/api/audit/receipts", null));
        assertThat(api().get("/api/audit/receipts?limit=0", token).expect(400).firstInvalidField()).isEqualTo("limit");
        expect(401, api().get("/api/audit/receipts/" + endorsed.id(), null));
        Receipt receipt = Receipt.fromJsonText(fetched.get().body().toString());
        assertThat(receipt.entry().record().eventId()).isEqualTo(endorsed.id());
        assertThat(receipt.entry().record().actorId()).isEqualTo(citizen);

        Path receiptFile = Files.writeString(directory.resolve("receipt.json"), fetched.get().body().toString());
        Path keyFile = Files.writeString(directory.resolve("log.vkey"), logKey().vkey());
        assertThat(verifyOffline(VerifyLedger.OK, "--key", keyFile.toString(), "--receipt", receiptFile.toString()))
                .contains("OK receipt for event " + endorsed.id());

        List<EventEnvelope> more = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            String other = "citizen-" + i;
            more.add(envelope(proposalId, Actor.of(other, Role.CITIZEN), new EndorsementGiven(proposalId, other, null, "me too " + i)));
        }
        for (int from = 0; from < more.size(); from += 250) {
            publish(more.subList(from, from + 250).toArray(EventEnvelope[]::new));
        }
        awaitLedgerHolds(more.get(more.size() - 1));
        awaitLedgerHolds(more.toArray(EventEnvelope[]::new));
        long wanted = receipt.checkpoint().size() + 1_000;
        AtomicReference<Checkpoint> newer = new AtomicReference<>();
        Eventually.within(Duration.ofSeconds(30), () -> {
            newer.set(Checkpoint.parse(api().get("/api/audit/log/checkpoint", null).body().asText()));
            assertThat(newer.get().size()).isGreaterThanOrEqualTo(wanted);
        });

        JsonNode proof = api().get("/api/audit/log/proof/consistency?from=" + receipt.checkpoint().size() + "&to=" + newer.get().size(), null).body();
        Path proofFile = Files.writeString(directory.resolve("consistency.json"), proof.toString());
        Path newerFile = Files.writeString(directory.resolve("newer.txt"), newer.get().text());
        assertThat(verifyOffline(VerifyLedger.OK, "--key", keyFile.toString(), "--receipt", receiptFile.toString(),
                "--consistency", proofFile.toString(), "--checkpoint", newerFile.toString()))
                .contains("OK the checkpoint of roundtable.local/ledger at size " + newer.get().size());
    }

    @Test
    void aWitnessCosignsConsistentCheckpointsAndTheLogPublishesOnlyKnownWitnessesCosignatures() throws Exception {
        publishJourney();
        signedCheckpoint();
        LedgerKeys witnessKeys = LedgerKeys.generate();
        NoteKey witnessKey = witnessKeys.noteKey("witness.test/w1", NoteKey.COSIGNATURE_V1);
        Files.createDirectories(Path.of("target/audit-it"));
        Files.writeString(Path.of("target/audit-it/witnesses.vkey"), witnessKey.vkey() + "\n");
        Witness witness = new Witness(logKey(), witnessKeys, "witness.test/w1", WitnessState.in(directory.resolve("witness.json")),
                Clock.systemUTC());
        LogClient log = new LogClient(URI.create("http://127.0.0.1:" + port));

        Checkpoint first = witness.observe(log.latest(), log);
        log.submit(first);
        publishJourney();
        signedCheckpoint();
        Checkpoint second = witness.observe(log.latest(), log);
        log.submit(second);

        assertThat(second.size()).isGreaterThan(first.size());
        for (Checkpoint cosigned : List.of(first, second)) {
            Checkpoint published = Checkpoint.parse(api().get("/api/audit/log/checkpoints/" + cosigned.size(), null).body().asText());
            assertThat(published.cosignedAt(witnessKey)).as("cosigned at %d", cosigned.size()).isPositive();
            assertThat(published.signedBy(logKey())).isTrue();
        }
        assertThat(witness.state().alerts()).isEmpty();

        Checkpoint latest = log.latest();
        Checkpoint signedByTheLogOnly = new Checkpoint(latest.origin(), latest.size(), latest.root(), List.of(latest.signatures().get(0)));
        Checkpoint byStranger = signedByTheLogOnly.with(latest.cosignature(LedgerKeys.generate(), "stranger.test/w", 1_700_000_000L));
        HttpResponse<String> refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/audit/log/cosignatures")).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(byStranger.text())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("no valid cosignature of a witness this log knows");
        assertThat(Checkpoint.parse(api().get("/api/audit/log/checkpoints/" + latest.size(), null).body().asText()).text())
                .doesNotContain("stranger.test/w");
    }
}
