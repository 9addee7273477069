package org.roundtable.audit.verifier.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roundtable.audit.verifier.Chain;
import org.roundtable.audit.verifier.ChainId;
import org.roundtable.audit.verifier.Checkpoint;
import org.roundtable.audit.verifier.ConsistencyProof;
import org.roundtable.audit.verifier.LedgerEntry;
import org.roundtable.audit.verifier.LedgerKeys;
import org.roundtable.audit.verifier.LedgerRecord;
import org.roundtable.audit.verifier.MerkleTree;
import org.roundtable.audit.verifier.NoteKey;
import org.roundtable.audit.verifier.Receipt;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The offline verifier run on files in a temporary directory, as an auditor or a citizen runs it. */
class VerifyLedgerTest {

    private static final String ORIGIN = "roundtable.test/ledger";

    @TempDir
    Path directory;

    private final LedgerKeys keys = LedgerKeys.generate();
    private final List<LedgerEntry> entries = new ArrayList<>();
    private final List<String> lines = new ArrayList<>();
    private Path checkpoint;
    private Path key;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @BeforeEach
    void exportALedger() throws IOException {
        Map<ChainId, Chain> chains = new TreeMap<>();
        List<ChainId> ids = List.of(new ChainId("roundtable.proposals", 0), new ChainId("roundtable.participation", 1),
                new ChainId("roundtable.commissioning", 0), new ChainId("roundtable.outcomes", 2));
        for (int i = 0; i < 30; i++) {
            ChainId id = ids.get(i % 4 == 3 && i % 3 == 0 ? 0 : i % 4);
            LedgerRecord record = new LedgerRecord(id.topic(), id.partition(), i, "event-" + i, "proposals",
                    "org.roundtable.proposals.ProposalDrafted.v1", "ProposalDrafted", "p-" + i, "citizen-" + i, "CITIZEN", null,
                    "corr", null, 1L, Instant.parse("2026-03-01T09:00:00.123456Z"), "[]", "{\"proposalId\":\"p-" + i + "\"}");
            LedgerEntry entry = chains.computeIfAbsent(id, Chain::new).append(record, i + 1, Instant.parse("2026-03-01T09:00:01Z"));
            entries.add(entry);
            lines.add(entry.toJsonLine());
        }
        checkpoint = write("checkpoint.txt", checkpointOf(30, keys).text());
        key = write("log.vkey", keys.noteKey(ORIGIN, NoteKey.ED25519).vkey() + "\n");
    }

    private Checkpoint checkpointOf(int size, LedgerKeys signer) {
        return Checkpoint.of(ORIGIN, size, MerkleTree.root(entries.subList(0, size).stream().map(LedgerEntry::leafHash).toList()))
                .signedBy(signer, ORIGIN);
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(directory.resolve(name), text, StandardCharsets.UTF_8);
    }

    private int run(String... args) {
        PrintStream printer = new PrintStream(out, true, StandardCharsets.UTF_8);
        return VerifyLedger.run(args, printer, printer);
    }

    private int verify(List<String> exported, Path... checkpoints) throws IOException {
        Path ledger = Files.write(directory.resolve("export.ndjson"), exported, StandardCharsets.UTF_8);
        List<String> args = new ArrayList<>(List.of("--key", key.toString(), "--ledger", ledger.toString()));
        for (Path file : checkpoints.length == 0 ? new Path[]{checkpoint} : checkpoints) {
            args.add("--checkpoint");
            args.add(file.toString());
        }
        return run(args.toArray(String[]::new));
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void anUnalteredExportIsOkAndEntriesBeyondTheCheckpointAreSaidToBeUnverified() throws IOException {
        assertThat(verify(lines)).isEqualTo(VerifyLedger.OK);
        assertThat(printed()).startsWith("OK 30 entries verified against the checkpoint of " + ORIGIN + " at size 30").doesNotContain("UNVERIFIED");

        out.reset();
        assertThat(verify(lines, write("older.txt", checkpointOf(26, keys).text()))).isEqualTo(VerifyLedger.OK);
        assertThat(printed()).startsWith("OK 26 entries verified")
                .contains("UNVERIFIED 4 entries at positions 27..30 lie beyond the checkpoint");
    }

    @Test
    void linesEndedByCrLfOrCrOrNothingReadAlikeAndSoDoLinesLongerThanTheReadBuffer() throws IOException {
        for (String lineBreak : List.of("\r\n", "\r", "\n")) {
            out.reset();
            Path ledger = write("breaks.ndjson", String.join(lineBreak, lines));
            assertThat(run("--key", key.toString(), "--ledger", ledger.toString(), "--checkpoint", checkpoint.toString()))
                    .as("lines ended by %s", lineBreak.replace("\r", "CR").replace("\n", "LF")).isEqualTo(VerifyLedger.OK);
            assertThat(printed()).startsWith("OK 30 entries verified");
        }

        out.reset();
        List<String> withALongLine = new ArrayList<>(lines);
        withALongLine.set(3, lines.get(3).replace("\"headers\":\"[]\"", "\"headers\":\"" + "x".repeat(200_000) + "\""));
        assertThat(verify(withALongLine)).isEqualTo(VerifyLedger.MISMATCH);
        assertThat(printed()).startsWith("MISMATCH position 4").contains("content does not match its hash");

        out.reset();
        Path blankLine = write("blank.ndjson", String.join("\n", lines.subList(0, 5)) + "\n\n" + String.join("\n", lines.subList(5, 30)));
        assertThat(run("--key", key.toString(), "--ledger", blankLine.toString(), "--checkpoint", checkpoint.toString()))
                .isEqualTo(VerifyLedger.MISMATCH);
        assertThat(printed()).contains("line 6: not a ledger entry in canonical form");
    }

    @Test
    void oneChangedPayloadByteIsReportedWithItsPosition() throws IOException {
        List<String> tampered = new ArrayList<>(lines);
        tampered.set(12, tampered.get(12).replace("p-12\\\"}", "p-13\\\"}"));
        assertThat(tampered.get(12)).isNotEqualTo(lines.get(12));

        assertThat(verify(tampered)).isEqualTo(VerifyLedger.MISMATCH);
        assertThat(printed()).startsWith("MISMATCH position 13 (event event-12)").contains("does not match its hash");
    }

    @Test
    void aDeletedLineIsReportedWithTheMissingPosition() throws IOException {
        List<String> tampered = new ArrayList<>(lines);
        tampered.remove(20);

        assertThat(verify(tampered)).isEqualTo(VerifyLedger.MISMATCH);
        assertThat(printed()).startsWith("MISMATCH position 21").contains("missing");
    }

    @Test
    void linesSwappedWithinAndAcrossPartitionsWithTheirPositionsRewrittenAreReported() throws IOException {
        List<String> withinOneChain = new ArrayList<>(lines);
        withinOneChain.set(4, lines.get(8).replace("\"position\":9,", "\"position\":5,"));
        withinOneChain.set(8, lines.get(4).replace("\"position\":5,", "\"position\":9,"));
        assertThat(entries.get(4).record().chain()).isEqualTo(entries.get(8).record().chain());
        assertThat(verify(withinOneChain)).isEqualTo(VerifyLedger.MISMATCH);
        assertThat(printed()).startsWith("MISMATCH position 5").contains("of chain roundtable.proposals/0");

        out.reset();
        List<String> acrossChains = new ArrayList<>(lines);
        acrossChains.set(1, lines.get(2).replace("\"position\":3,", "\"position\":2,"));
        acrossChains.set(2, lines.get(1).replace("\"position\":2,", "\"position\":3,"));
        assertThat(entries.get(1).record().chain()).isNotEqualTo(entries.get(2).record().chain());
        assertThat(verify(acrossChains)).isEqualTo(VerifyLedger.MISMATCH);
        assertThat(printed()).startsWith("MISMATCH position 30").contains("the log's root over positions 1..30");
    }

    @Test
    void aTruncatedTailWithAnOlderCheckpointIsCaughtByTheNewerCheckpointKnown() throws IOException {
        Path older = write("older.txt", checkpointOf(25, keys).text());
        assertThat(verify(lines.subList(0, 25), older, checkpoint)).isEqualTo(VerifyLedger.MISMATCH);
        assertThat(printed()).contains("ends at position 25, but a signed checkpoint commits 30 entries");
    }

    @Test
    void aLedgerReSignedWithAnotherKeyIsRefusedAndSoIsAnotherPinnedKeyId() throws IOException {
        Path reSigned = write("resigned.txt", checkpointOf(30, LedgerKeys.generate()).text());
        assertThat(verify(lines, reSigned)).isEqualTo(VerifyLedger.MISMATCH);
        assertThat(printed()).contains("is not signed by the pinned key");

        out.reset();
        Path ledger = Files.write(directory.resolve("export.ndjson"), lines, StandardCharsets.UTF_8);
        assertThat(run("--key", key.toString(), "--key-id", "00000000", "--ledger", ledger.toString(), "--checkpoint", checkpoint.toString()))
                .isEqualTo(VerifyLedger.UNUSABLE);
        assertThat(printed()).contains("not the pinned 00000000");
    }

    @Test
    void twoSignedCheckpointsOfOneSizeWithDifferentRootsAreASplitView() throws IOException {
        List<LedgerEntry> otherView = new ArrayList<>(entries);
        otherView.set(29, otherView.get(0));
        Path other = write("other.txt", Checkpoint.of(ORIGIN, 30, MerkleTree.root(otherView.stream().map(LedgerEntry::leafHash).toList()))
                .signedBy(keys, ORIGIN).text());
        assertThat(verify(lines, checkpoint, other)).isEqualTo(VerifyLedger.MISMATCH);
        assertThat(printed()).contains("split view");
    }

    @Test
    void aPartitionBeyond32BitsIsRefusedNotReadAsZero() throws IOException {
        List<String> tampered = new ArrayList<>(lines);
        LedgerEntry zero = entries.stream().filter(entry -> entry.record().partition() == 0).findFirst().orElseThrow();
        int index = (int) zero.position() - 1;
        tampered.set(index, lines.get(index).replace("\"partition\":0,", "\"partition\":4294967296,"));
        assertThat(tampered.get(index)).contains("4294967296");

        assertThat(verify(tampered)).isEqualTo(VerifyLedger.MISMATCH);
        assertThat(printed()).contains("line " + (index + 1) + ": not a ledger entry in canonical form: field 'partition' is beyond 32 bits");
    }

    @Test
    void aTimeNotWrittenInItsCanonicalFormIsRefused() throws IOException {
        List<String> tampered = new ArrayList<>(lines);
        tampered.set(3, lines.get(3).replace("\"occurredAt\":\"2026-03-01T09:00:00.123456Z\"", "\"occurredAt\":\"2026-03-01T09:00:00.123456+00:00\""));
        assertThat(tampered.get(3)).contains("+00:00");

        assertThat(verify(tampered)).isEqualTo(VerifyLedger.MISMATCH);
        assertThat(printed()).contains("line 4: not a ledger entry in canonical form: field 'occurredAt' is not in canonical form");
    }

    @Test
    void aLoneSurrogateIsRefusedRatherThanReadAsAnotherCharacter() throws IOException {
        List<String> tampered = new ArrayList<>(lines);
        tampered.set(5, lines.get(5).replace("\"subject\":\"p-5\"", "\"subject\":\"p-5\\ud800\""));
        assertThat(tampered.get(5)).contains("\\ud800");

        assertThat(verify(tampered)).isEqualTo(VerifyLedger.MISMATCH);
        assertThat(printed()).contains("line 6: not a ledger entry in canonical form").contains("lone surrogate");

        out.reset();
        Path ledger = directory.resolve("bytes.ndjson");
        byte[] bad = (lines.get(0) + "\n").getBytes(StandardCharsets.UTF_8);
        bad[bad.length / 2] = (byte) 0xff;
        Files.write(ledger, bad);
        assertThat(run("--key", key.toString(), "--ledger", ledger.toString(), "--checkpoint", checkpoint.toString())).isEqualTo(VerifyLedger.MISMATCH);
        assertThat(printed()).contains("line 1: not UTF-8 text");
    }

    @Test
    void aReceiptVerifiesOfflineAndThenItsConsistencyWithANewerCheckpoint() throws IOException {
        Checkpoint older = checkpointOf(20, keys);
        List<byte[]> leaves = entries.stream().map(LedgerEntry::leafHash).toList();
        Receipt receipt = Receipt.of(entries.get(11), MerkleTree.inclusionProof(MerkleTree.over(leaves.subList(0, 20)), 11, 20), older);
        Path receiptFile = write("receipt.json", receipt.toJsonText());
        Path proof = write("proof.json", ConsistencyProof.of(20, 30, MerkleTree.consistencyProof(MerkleTree.over(leaves), 20, 30)).toJsonText());

        assertThat(run("--key", key.toString(), "--receipt", receiptFile.toString())).isEqualTo(VerifyLedger.OK);
        assertThat(printed()).contains("OK receipt for event event-11: the entry at position 12 is in the checkpoint of " + ORIGIN + " at size 20");

        out.reset();
        assertThat(run("--key", key.toString(), "--receipt", receiptFile.toString(), "--consistency", proof.toString(),
                "--checkpoint", checkpoint.toString())).isEqualTo(VerifyLedger.OK);
        assertThat(printed()).containsPattern("OK the checkpoint of " + ORIGIN + " at size 30, root [0-9a-f]{64} extends the checkpoint of " + ORIGIN + " at size 20, root [0-9a-f]{64}: consistency proof verified");

        out.reset();
        Path forgedNewer = write("forged.txt", Checkpoint.of(ORIGIN, 30, leaves.get(3)).signedBy(keys, ORIGIN).text());
        assertThat(run("--key", key.toString(), "--receipt", receiptFile.toString(), "--consistency", proof.toString(),
                "--checkpoint", forgedNewer.toString())).isEqualTo(VerifyLedger.MISMATCH);
        assertThat(printed()).contains("is not an extension of the log at 20 entries");
    }

    @Test
    void missingArgumentsAndAnUnpinnedKeyAreRefused() {
        assertThat(run("--ledger", "x")).isEqualTo(VerifyLedger.UNUSABLE);
        assertThat(printed()).contains("--key is missing");
        out.reset();
        assertThat(run("--key", key.toString(), "--ledger", "x")).isEqualTo(VerifyLedger.UNUSABLE);
        assertThat(printed()).contains("--checkpoint is missing");
    }
}
