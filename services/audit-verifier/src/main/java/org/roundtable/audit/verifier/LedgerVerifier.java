package org.roundtable.audit.verifier;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Re-verifies a ledger read entry by entry in position order, in constant memory per chain, against signed
 * checkpoints of its log, and finds the first entry that does not match. For each entry it checks, in this order:
 * <ol>
 *   <li>its position is the next one (a gap means an entry was removed, a step back that entries were reordered);</li>
 *   <li>it is the next entry of its chain (chain index and a Kafka offset after the previous one's);</li>
 *   <li>its previous hash is the hash of the chain's entry before it (a removed or moved entry breaks this link);</li>
 *   <li>its hash is the hash of its previous hash and its content (a changed byte breaks this);</li>
 *   <li>when its position is a checkpoint's size, the root of the log's tree over every entry so far (each leaf
 *       committing an entry's position and hash) is the root that checkpoint states.</li>
 * </ol>
 * Every checkpoint must carry a valid signature of the pinned log key and be of that key's log; two checkpoints of
 * one size with different roots (a split view) are refused, and so is a ledger that ends before a checkpoint's size
 * (a truncated tail presented with an older checkpoint is caught by any newer one). Entries after the largest
 * checkpoint are read and chain-checked but are not verified: {@link #entriesBeyond()} counts them.
 */
public final class LedgerVerifier {

    private final TreeMap<Long, Checkpoint> checkpoints = new TreeMap<>();
    private static final ThreadLocal<CharsetDecoder> STRICT_UTF8 = ThreadLocal.withInitial(() -> StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));

    private final Chains chains = new Chains();
    private final ExportLine reader = new ExportLine();
    private final MessageDigest digest = Sha256.digest();
    private final byte[] recomputed = new byte[Sha256.LENGTH];
    private long linesReadFromBytes;
    private final MerkleFrontier log = new MerkleFrontier();
    private long expectedPosition = 1;
    private long entriesBeyond;
    private Discrepancy discrepancy;

    private LedgerVerifier(List<Checkpoint> signed, List<NoteKey> logKeys) {
        for (Checkpoint checkpoint : signed) {
            if (logKeys.stream().noneMatch(key -> key.name().equals(checkpoint.origin()))) {
                discrepancy = new Discrepancy(null, null, "the " + checkpoint + " is not of the log " + logKeys.get(0).name());
                return;
            }
            if (logKeys.stream().noneMatch(checkpoint::signedBy)) {
                discrepancy = new Discrepancy(null, null, "the " + checkpoint + " is not signed by the pinned key "
                        + String.join(" or ", logKeys.stream().map(NoteKey::vkey).toList()));
                return;
            }
            Checkpoint same = checkpoints.putIfAbsent(checkpoint.size(), checkpoint);
            if (same != null && !Arrays.equals(same.root(), checkpoint.root())) {
                discrepancy = new Discrepancy(null, null, "two checkpoints of " + checkpoint.size() + " entries state different roots, "
                        + same.rootHex() + " and " + checkpoint.rootHex() + " (a split view)");
                return;
            }
        }
    }

    /** Verifies a whole ledger, from position 1, against checkpoints signed by the pinned log key. */
    public static LedgerVerifier against(List<Checkpoint> checkpoints, NoteKey logKey) {
        return new LedgerVerifier(checkpoints, List.of(logKey));
    }

    /**
     * Verifies against checkpoints each signed by one of the pinned keys of one log: its current key and the keys it
     * signed with before a rotation.
     */
    public static LedgerVerifier against(List<Checkpoint> checkpoints, List<NoteKey> logKeys) {
        if (logKeys.isEmpty()) {
            throw new IllegalArgumentException("at least one log key must be pinned");
        }
        return new LedgerVerifier(checkpoints, logKeys);
    }

    /** Takes the next entry; returns {@code false} once a discrepancy has been found (later entries are not read). */
    public boolean accept(LedgerEntry entry) {
        if (discrepancy != null) {
            return false;
        }
        LedgerRecord record = entry.record();
        if (entry.position() != expectedPosition) {
            String problem = entry.position() > expectedPosition
                    ? "the entry at this position is missing or out of order (the next entry found is at position " + entry.position() + ")"
                    : "an entry at position " + entry.position() + " appears after position " + (expectedPosition - 1);
            return fail(entry.position() > expectedPosition ? expectedPosition : entry.position(),
                    entry.position() > expectedPosition ? null : record.eventId(), problem);
        }
        ChainState chain = chains.of(record.chain());
        if (entry.chainIndex() != chain.size + 1) {
            return fail(entry, "it is entry " + entry.chainIndex() + " of chain " + record.chain() + ", but the chain has "
                    + chain.size + " entries before it");
        }
        if (record.offset() <= chain.lastOffset) {
            return fail(entry, "its offset " + record.offset() + " in " + record.chain()
                    + " does not come after the previous entry's offset " + chain.lastOffset);
        }
        String head = new String(chain.headHex, StandardCharsets.US_ASCII);
        if (!head.equals(entry.previousHash())) {
            return fail(entry, "its previous hash " + entry.previousHash() + " is not the hash " + head
                    + " of the entry before it in chain " + record.chain() + " (an entry was removed, moved or changed)");
        }
        String recomputed;
        try {
            recomputed = HashChain.entryHash(entry.previousHash(), record);
        } catch (IllegalArgumentException unreadable) {
            return fail(entry, unreadable.getMessage());
        }
        if (!recomputed.equals(entry.hash())) {
            return fail(entry, "its content does not match its hash: stored " + entry.hash() + ", recomputed " + recomputed);
        }
        System.arraycopy(entry.hash().getBytes(StandardCharsets.US_ASCII), 0, chain.headHex, 0, chain.headHex.length);
        return appended(chain, record.offset(), Sha256.fromHex(entry.hash()), entry.leafHash(), entry.position(), record::eventId);
    }

    /**
     * Takes the next entry as one line of an export ({@code line[from, to)}, UTF-8, without its line break), with the
     * same checks and findings as {@link #accept(LedgerEntry)} of {@link LedgerEntry#fromJsonLine} of its text. A line
     * in the form the ledger writes is read and hashed straight from its bytes; any other is read the general way.
     *
     * @throws NotUtf8Exception when the line is not UTF-8
     * @throws IllegalArgumentException when the line is not a ledger entry in canonical form, naming why
     */
    public boolean accept(byte[] line, int from, int to) {
        if (discrepancy != null) {
            return false;
        }
        if (reader.read(line, from, to)) {
            ChainState chain = readEntryMatches();
            if (chain != null) {
                linesReadFromBytes++;
                reader.copyHashHex(chain.headHex);
                return appended(chain, reader.number(ExportLine.OFFSET), reader.hash(), leafHashOfRead(), expectedPosition,
                        () -> reader.text(ExportLine.EVENT_ID));
            }
        }
        String text;
        try {
            text = STRICT_UTF8.get().decode(ByteBuffer.wrap(line, from, to - from)).toString();
        } catch (CharacterCodingException notUtf8) {
            throw new NotUtf8Exception();
        }
        return accept(LedgerEntry.fromJsonLine(text));
    }

    /** The chain of the entry just read when every check before its log leaf passes, else {@code null}; changes nothing. */
    private ChainState readEntryMatches() {
        if (reader.number(ExportLine.POSITION) != expectedPosition) {
            return null;
        }
        ChainState chain = chains.of(reader);
        if (reader.number(ExportLine.CHAIN_INDEX) != chain.size + 1 || reader.number(ExportLine.OFFSET) <= chain.lastOffset
                || !reader.previousHashIs(chain.headHex)) {
            return null;
        }
        digest.update(reader.hashed(chain.head), 0, reader.hashedSize());
        digestInto(recomputed);
        return Arrays.equals(recomputed, reader.hash()) ? chain : null;
    }

    private byte[] leafHashOfRead() {
        digest.update(reader.leaf(), 0, reader.leafSize());
        return digest.digest();
    }

    private void digestInto(byte[] hash) {
        try {
            digest.digest(hash, 0, hash.length);
        } catch (java.security.DigestException tooShort) {
            throw new IllegalStateException(tooShort);
        }
    }

    /** Lines {@link #accept(byte[], int, int)} read straight from their bytes (the others were read the general way). */
    long linesReadFromBytes() {
        return linesReadFromBytes;
    }

    /**
     * Moves the entry's chain (whose hex head is already its hash) and the log on by an entry found sound, then checks
     * the checkpoint at its position.
     */
    private boolean appended(ChainState chain, long offset, byte[] hash, byte[] leafHash, long position, Supplier<String> eventId) {
        System.arraycopy(hash, 0, chain.head, 0, Sha256.LENGTH);
        chain.lastOffset = offset;
        chain.size++;
        log.append(leafHash);
        Checkpoint checkpoint = checkpoints.get(position);
        if (checkpoint != null) {
            byte[] root = log.root();
            if (!Arrays.equals(root, checkpoint.root())) {
                return fail(position, eventId.get(), "the log's root over positions 1.." + position + " is " + Sha256.hex(root)
                        + ", but the signed checkpoint of " + checkpoint.size() + " entries states " + checkpoint.rootHex());
            }
        }
        if (checkpoints.isEmpty() || position > checkpoints.lastKey()) {
            entriesBeyond++;
        }
        expectedPosition++;
        return true;
    }

    /** Called after the last entry: the first discrepancy, or {@code null} when everything matches. */
    public Discrepancy finish() {
        if (discrepancy == null && !checkpoints.isEmpty() && expectedPosition <= checkpoints.lastKey()) {
            discrepancy = new Discrepancy(expectedPosition, null, "the ledger ends at position " + (expectedPosition - 1)
                    + ", but a signed checkpoint commits " + checkpoints.lastKey() + " entries (entries are missing: "
                    + "a truncated tail, or a rollback to an older state)");
        }
        return discrepancy;
    }

    /** Entries read and found sound that the checkpoints commit. */
    public long entriesVerified() {
        return expectedPosition - 1 - entriesBeyond;
    }

    /** Entries read after the largest checkpoint's size: chain-checked, but no signed root commits them yet. */
    public long entriesBeyond() {
        return entriesBeyond;
    }

    /** The largest checkpoint verified against, or {@code null}. */
    public Checkpoint latest() {
        return checkpoints.isEmpty() ? null : checkpoints.lastEntry().getValue();
    }

    private boolean fail(LedgerEntry entry, String problem) {
        return fail(entry.position(), entry.record().eventId(), problem);
    }

    private boolean fail(long position, String eventId, String problem) {
        discrepancy = new Discrepancy(position, eventId, problem);
        return false;
    }

    /** A line that is not UTF-8 text. */
    public static final class NotUtf8Exception extends IllegalArgumentException {
        NotUtf8Exception() {
            super("not UTF-8 text");
        }
    }

    private static final class ChainState {
        private final byte[] topic;
        private final int partition;
        /** The hash of the chain's last entry, as bytes and as written (hex). */
        private final byte[] head = new byte[Sha256.LENGTH];
        private final byte[] headHex = HashChain.GENESIS.getBytes(StandardCharsets.US_ASCII);
        private long lastOffset = -1;
        private long size;

        private ChainState(ChainId id) {
            topic = id.topic().getBytes(StandardCharsets.UTF_8);
            partition = id.partition();
        }
    }

    /** The chains seen so far, found by id, or by the topic and partition of a line read (without making strings). */
    private static final class Chains {
        private final Map<ChainId, ChainState> byId = new HashMap<>();
        private ChainState[] table = new ChainState[64];

        ChainState of(ChainId id) {
            ChainState chain = byId.get(id);
            return chain != null ? chain : add(new ChainState(id));
        }

        ChainState of(ExportLine line) {
            int partition = (int) line.number(ExportLine.PARTITION);
            int mask = table.length - 1;
            for (int slot = hash(line.topicHash(), partition) & mask; table[slot] != null; slot = (slot + 1) & mask) {
                if (table[slot].partition == partition && line.topicIs(table[slot].topic)) {
                    return table[slot];
                }
            }
            return of(new ChainId(line.text(ExportLine.TOPIC), partition));
        }

        private ChainState add(ChainState chain) {
            byId.put(new ChainId(new String(chain.topic, StandardCharsets.UTF_8), chain.partition), chain);
            if (2 * byId.size() > table.length) {
                table = new ChainState[2 * table.length];
                byId.values().forEach(this::place);
            } else {
                place(chain);
            }
            return chain;
        }

        private void place(ChainState chain) {
            int topicHash = 1;
            for (byte b : chain.topic) {
                topicHash = 31 * topicHash + b;
            }
            int mask = table.length - 1;
            int slot = hash(topicHash, chain.partition) & mask;
            while (table[slot] != null) {
                slot = (slot + 1) & mask;
            }
            table[slot] = chain;
        }

        private static int hash(int topicHash, int partition) {
            int hash = topicHash * 31 + partition;
            return hash ^ hash >>> 16;
        }
    }
}
