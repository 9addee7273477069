package org.roundtable.audit.verifier.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roundtable.audit.verifier.Chain;
import org.roundtable.audit.verifier.ChainId;
import org.roundtable.audit.verifier.Checkpoint;
import org.roundtable.audit.verifier.LedgerEntry;
import org.roundtable.audit.verifier.LedgerKeys;
import org.roundtable.audit.verifier.LedgerRecord;

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

/** The offline verifier run on export files in a temporary directory, as an auditor runs it. */
class VerifyLedgerTest {

    @TempDir
    Path directory;

    private final LedgerKeys keys = LedgerKeys.generate();
    private final List<String> lines = new ArrayList<>();
    private Path checkpoint;
    private Path publicKey;
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
            lines.add(entry.toJsonLine());
        }
        checkpoint = Files.writeString(directory.resolve("checkpoint.json"), Checkpoint.over(
                chains.values().stream().map(Chain::state).toList(), Instant.now(), 30).signedWith(keys).toJsonText());
        publicKey = Files.writeString(directory.resolve("key.pem"), keys.publicKeyPem());
    }

    private int verify(List<String> exported) throws IOException {
        Path ledger = Files.write(directory.resolve("export.ndjson"), exported, StandardCharsets.UTF_8);
        return VerifyLedger.run(new String[]{"--ledger", ledger.toString(), "--checkpoint", checkpoint.toString(),
                "--public-key", publicKey.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void anUnalteredExportIsOk() throws IOException {
        assertThat(verify(lines)).isEqualTo(VerifyLedger.OK);
        assertThat(printed()).startsWith("OK 30 entries verified");
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
    void twoSwappedLinesAreReportedAtTheFirst() throws IOException {
        List<String> tampered = new ArrayList<>(lines);
        tampered.set(4, lines.get(8));
        tampered.set(8, lines.get(4));

        assertThat(verify(tampered)).isEqualTo(VerifyLedger.MISMATCH);
        assertThat(printed()).startsWith("MISMATCH position 5").contains("missing or out of order");
    }

    @Test
    void anExportEndingBeforeTheCheckpointIsReported() throws IOException {
        assertThat(verify(lines.subList(0, 25))).isEqualTo(VerifyLedger.MISMATCH);
        assertThat(printed()).contains("before the checkpoint's last position 30");
    }

    @Test
    void theWrongPublicKeyIsReported() throws IOException {
        Files.writeString(publicKey, LedgerKeys.generate().publicKeyPem());
        assertThat(verify(lines)).isEqualTo(VerifyLedger.MISMATCH);
        assertThat(printed()).contains("signature does not verify");
    }

    @Test
    void aLineThatIsNotAnEntryAndMissingArgumentsAreRefused() throws IOException {
        List<String> tampered = new ArrayList<>(lines);
        tampered.set(2, "{\"position\":3}");
        assertThat(verify(tampered)).isEqualTo(VerifyLedger.MISMATCH);
        assertThat(printed()).contains("line 3: not a ledger entry");

        assertThat(VerifyLedger.run(new String[]{"--ledger", "x"}, new PrintStream(out), new PrintStream(out))).isEqualTo(VerifyLedger.UNUSABLE);
        assertThat(printed()).contains("--checkpoint is missing");
    }
}
