package org.roundtable.benchmarks;

import org.roundtable.audit.verifier.Chain;
import org.roundtable.audit.verifier.ChainId;
import org.roundtable.audit.verifier.Checkpoint;
import org.roundtable.audit.verifier.LedgerEntry;
import org.roundtable.audit.verifier.LedgerKeys;
import org.roundtable.audit.verifier.LedgerRecord;
import org.roundtable.audit.verifier.LedgerVerifier;
import org.roundtable.audit.verifier.MerkleFrontier;
import org.roundtable.audit.verifier.NoteKey;
import org.roundtable.audit.verifier.Sha256;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The offline verifier over N ledger entries (12 chains), read from their export lines and checked against a signed
 * checkpoint, beside raw SHA-256 over the same bytes: the least any verification must do is read and hash them once.
 * Lines are made and held a block at a time, so memory stays bounded; both are timed over the same blocks.
 */
final class LedgerVerification {

    private static final String[] TOPICS = {"roundtable.proposals", "roundtable.participation", "roundtable.commissioning", "roundtable.outcomes"};
    private static final int BLOCK = 20_000;

    private LedgerVerification() {
    }

    static List<Figure> run(int n) {
        List<Chain> chains = new ArrayList<>();
        for (String topic : TOPICS) {
            for (int partition = 0; partition < 3; partition++) {
                chains.add(new Chain(new ChainId(topic, partition)));
            }
        }
        long[] offsets = new long[chains.size()];
        Instant base = Instant.parse("2026-01-01T00:00:00Z");
        MerkleFrontier log = new MerkleFrontier();
        List<List<byte[]>> blocks = new ArrayList<>();
        List<byte[]> block = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int c = (int) ((i * 2654435761L) % chains.size());
            Chain chain = chains.get(c);
            LedgerRecord record = new LedgerRecord(chain.id().topic(), chain.id().partition(), offsets[c]++, UUID.randomUUID().toString(),
                    "participation", "org.roundtable.participation.EndorsementGiven.v1", "EndorsementGiven", "proposal-" + (i % 5000),
                    "citizen-" + i, "CITIZEN", null, "corr-" + i, null, (long) i, base.plusMillis(i),
                    "[[\"ce_specversion\",\"1.0\"],[\"ce_id\",\"" + i + "\"]]",
                    "{\"participantId\":\"citizen-" + i + "\",\"proposalId\":\"proposal-" + (i % 5000) + "\",\"reason\":\"we need a garden for the street\"}");
            LedgerEntry entry = chain.append(record, i + 1, base);
            log.append(entry.leafHash());
            block.add(entry.toJsonLine().getBytes(StandardCharsets.UTF_8));
            if (block.size() == BLOCK) {
                blocks.add(block);
                block = new ArrayList<>();
            }
        }
        if (!block.isEmpty()) {
            blocks.add(block);
        }
        LedgerKeys keys = LedgerKeys.generate();
        Checkpoint checkpoint = Checkpoint.of("roundtable.benchmark/ledger", n, log.root()).signedBy(keys, "roundtable.benchmark/ledger");
        LedgerVerifier verifier = LedgerVerifier.against(List.of(checkpoint), keys.noteKey("roundtable.benchmark/ledger", NoteKey.ED25519));
        MessageDigest raw = Sha256.digest();
        long rawNanos = 0;
        long verifyNanos = 0;
        long bytes = 0;
        for (List<byte[]> lines : blocks) {
            long before = System.nanoTime();
            for (byte[] line : lines) {
                raw.update(line);
                bytes += line.length;
            }
            rawNanos += System.nanoTime() - before;
            before = System.nanoTime();
            for (byte[] line : lines) {
                verifier.accept(LedgerEntry.fromJsonLine(new String(line, StandardCharsets.UTF_8)));
            }
            verifyNanos += System.nanoTime() - before;
        }
        raw.digest();
        if (verifier.finish() != null || verifier.entriesVerified() != n) {
            throw new IllegalStateException("the benchmark's ledger did not verify: " + verifier.finish());
        }
        double ratio = (double) rawNanos / verifyNanos;
        System.out.printf(Locale.ROOT, "ledger: %,d entries (%,d MB of export lines) verified in %.2f s (%,.0f entries/s); raw SHA-256 over "
                + "the same bytes %.2f s (%.0f MB/s)%n", n, bytes >> 20, verifyNanos / 1e9, n / (verifyNanos / 1e9), rawNanos / 1e9,
                bytes / 1e6 / (rawNanos / 1e9));
        return List.of(new Figure(String.format(Locale.ROOT, "Ledger verification, %,d entries", n),
                String.format(Locale.ROOT, "%.0f MB/s (%,.0f entries/s)", bytes / 1e6 / (verifyNanos / 1e9), n / (verifyNanos / 1e9)),
                String.format(Locale.ROOT, "SHA-256 over the same bytes: %.0f MB/s", bytes / 1e6 / (rawNanos / 1e9)),
                ratio, ">= 0.5x", ratio >= 0.5));
    }
}
