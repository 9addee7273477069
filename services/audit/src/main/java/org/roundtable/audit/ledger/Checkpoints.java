package org.roundtable.audit.ledger;

import org.roundtable.audit.verifier.Checkpoint;
import org.roundtable.audit.verifier.ChainHead;
import org.roundtable.audit.verifier.LedgerKeys;
import org.roundtable.audit.verifier.MerkleFrontier;
import org.roundtable.audit.verifier.NoteKey;
import org.roundtable.audit.verifier.NoteSignature;
import org.roundtable.kit.domain.InvalidInput;
import org.roundtable.kit.domain.NotFound;
import org.roundtable.kit.domain.RuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Signs checkpoints of the log: every {@code roundtable.audit.checkpoint-interval} when entries were appended since the
 * last one, and on demand. A checkpoint is taken under the writers' lock from the log's stored subtrees, so it commits
 * exactly the entries at positions 1..size without reading them. Every checkpoint is kept: the history is public, and
 * witnesses' cosignatures are added to a checkpoint's note as they arrive (only valid ones of configured witnesses).
 */
@Component
public class Checkpoints {

    private static final Logger log = LoggerFactory.getLogger(Checkpoints.class);

    private final LedgerStore store;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final LedgerKeys keys;
    private final AuditProperties properties;
    private final LedgerMetrics metrics;
    private final Clock clock;

    public Checkpoints(LedgerStore store, JdbcTemplate jdbc, TransactionTemplate transaction, LedgerKeys keys, AuditProperties properties,
                       LedgerMetrics metrics, Clock clock) {
        this.store = store;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.keys = keys;
        this.properties = properties;
        properties.witnesses().stream().filter(vkey -> !vkey.isBlank()).forEach(NoteKey::parse);
        trustedKeys();
        this.metrics = metrics;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${roundtable.audit.checkpoint-interval:10s}", initialDelayString = "${roundtable.audit.checkpoint-interval:10s}")
    void signWhenNewEntries() {
        issue();
    }

    /** The checkpoint of the ledger as it is now, signed now unless the latest already covers every entry. */
    public Issued signNow() {
        return issue().or(this::latest).orElseThrow(() -> new RuleViolation("the ledger is empty: there is nothing to sign yet"));
    }

    private Optional<Issued> issue() {
        return transaction.execute(status -> {
            store.lockWriters();
            long size = store.logSize();
            if (size == 0 || latest().map(issued -> issued.checkpoint().size() == size).orElse(false)) {
                return Optional.<Issued>empty();
            }
            byte[] root = MerkleFrontier.of(size, store::logNode).root();
            Checkpoint checkpoint = Checkpoint.of(origin(), size, root).signedBy(keys, origin());
            Instant issuedAt = clock.instant();
            jdbc.update("insert into ledger_log_checkpoint (tree_size, root_hash, issued_at, note) values (?, ?, ?, ?)",
                    size, checkpoint.rootHex(), OffsetDateTime.ofInstant(issuedAt, ZoneOffset.UTC), checkpoint.text());
            metrics.checkpointSigned();
            return Optional.of(new Issued(checkpoint, issuedAt));
        });
    }

    public Optional<Issued> latest() {
        return jdbc.query("select * from ledger_log_checkpoint order by tree_size desc limit 1", Checkpoints::issued).stream().findFirst();
    }

    public Issued bySize(long size) {
        return jdbc.query("select * from ledger_log_checkpoint where tree_size = ?", Checkpoints::issued, size).stream().findFirst()
                .orElseThrow(() -> new NotFound("no checkpoint of " + size + " entries has been signed"));
    }

    /** Checkpoints in order of size, after a size, at most {@code limit}. */
    public List<Issued> history(long afterSize, int limit) {
        return jdbc.query("select * from ledger_log_checkpoint where tree_size > ? order by tree_size limit ?", Checkpoints::issued,
                afterSize, limit);
    }

    /** The latest checkpoints, largest first, at most {@code count}. */
    public List<Issued> newest(int count) {
        return jdbc.query("select * from ledger_log_checkpoint order by tree_size desc limit ?", Checkpoints::issued, count);
    }

    /** Every checkpoint ever signed, in order of size. */
    public List<Checkpoint> all() {
        List<Checkpoint> all = new ArrayList<>();
        jdbc.query("select note from ledger_log_checkpoint order by tree_size", rs -> {
            all.add(Checkpoint.parse(rs.getString(1)));
        });
        return all;
    }

    /**
     * Adds the cosignatures a note carries to the stored checkpoint of the same tree: each must be a valid cosignature of
     * a configured witness; returns the witnesses whose cosignature was added. A note of a tree this log never signed
     * (another root at that size) is refused.
     */
    public List<String> addCosignatures(Checkpoint cosigned) {
        return transaction.execute(status -> {
            Issued stored = jdbc.query("select * from ledger_log_checkpoint where tree_size = ? for update", Checkpoints::issued,
                    cosigned.size()).stream().findFirst()
                    .orElseThrow(() -> new NotFound("no checkpoint of " + cosigned.size() + " entries has been signed"));
            if (!stored.checkpoint().sameTree(cosigned)) {
                throw new InvalidInput("note", "the note states another tree than the checkpoint of " + cosigned.size() + " entries this log signed");
            }
            Checkpoint updated = stored.checkpoint();
            List<String> added = new ArrayList<>();
            List<NoteKey> witnesses = witnesses();
            for (NoteKey witness : witnesses) {
                if (cosigned.cosignedAt(witness) >= 0 && updated.cosignedAt(witness) < 0) {
                    NoteSignature line = cosigned.signatures().stream().filter(signature -> signature.claims(witness)).findFirst().orElseThrow();
                    updated = updated.with(line);
                    added.add(witness.name());
                }
            }
            if (added.isEmpty() && witnesses.stream().noneMatch(witness -> cosigned.cosignedAt(witness) >= 0)) {
                throw new InvalidInput("note", "the note carries no valid cosignature of a witness this log knows");
            }
            if (!added.isEmpty()) {
                jdbc.update("update ledger_log_checkpoint set note = ? where tree_size = ?", updated.text(), cosigned.size());
                log.info("ledger: checkpoint of {} entries cosigned by {}", cosigned.size(), added);
            }
            return added;
        });
    }

    /** The chain heads now, sorted by topic and partition (a rebuilt ledger is compared with the live one by them). */
    public List<ChainHead> heads() {
        return store.chains().stream().filter(state -> state.chain().size() > 0).map(state -> state.chain().state()).toList();
    }

    public String origin() {
        return properties.logOrigin();
    }

    public NoteKey logKey() {
        return keys.noteKey(origin(), NoteKey.ED25519);
    }

    /** The witnesses whose cosignatures are published: those configured, and those listed in the witnesses file. */
    /** The keys checkpoints of this log verify with: the current key first, then those retired by rotations. */
    public List<NoteKey> trustedKeys() {
        List<NoteKey> keys = new ArrayList<>(List.of(logKey()));
        properties.retiredKeys().stream().map(String::strip).filter(vkey -> !vkey.isEmpty()).map(NoteKey::parse).forEach(keys::add);
        return keys;
    }

    public List<NoteKey> witnesses() {
        List<NoteKey> witnesses = new ArrayList<>(properties.witnesses().stream().map(String::strip).filter(vkey -> !vkey.isEmpty())
                .map(NoteKey::parse).toList());
        Path file = properties.witnessesFile();
        if (file != null && Files.isReadable(file)) {
            try {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (!line.isBlank()) {
                        witnesses.add(NoteKey.parse(line.strip()));
                    }
                }
            } catch (IOException | IllegalArgumentException unreadable) {
                log.warn("ledger: cannot read the witnesses file {}: {}", file, unreadable.getMessage());
            }
        }
        return witnesses.stream().distinct().toList();
    }

    public LedgerKeys keys() {
        return keys;
    }

    private static Issued issued(ResultSet rs, int row) throws SQLException {
        return new Issued(Checkpoint.parse(rs.getString("note")), rs.getObject("issued_at", OffsetDateTime.class).toInstant());
    }

    /** A signed checkpoint and when the log signed it. */
    public record Issued(Checkpoint checkpoint, Instant issuedAt) {
    }
}
