package org.roundtable.audit.ledger;

import org.roundtable.audit.ledger.LedgerStore.ChainState;
import org.roundtable.audit.verifier.ChainHead;
import org.roundtable.audit.verifier.Checkpoint;
import org.roundtable.audit.verifier.Json;
import org.roundtable.audit.verifier.LedgerKeys;
import org.roundtable.kit.domain.RuleViolation;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Signs checkpoints: every {@code roundtable.audit.checkpoint-interval} when entries were appended since the last one,
 * and on demand. A checkpoint is taken under the writers' lock from the chains' stored state (head, size, Merkle
 * frontier), so it commits exactly the entries at positions 1..lastPosition without reading them.
 */
@Component
public class Checkpoints {

    private final LedgerStore store;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final LedgerKeys keys;
    private final LedgerMetrics metrics;
    private final Clock clock;

    public Checkpoints(LedgerStore store, JdbcTemplate jdbc, TransactionTemplate transaction, LedgerKeys keys, LedgerMetrics metrics,
                       Clock clock) {
        this.store = store;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.keys = keys;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${roundtable.audit.checkpoint-interval:10s}", initialDelayString = "${roundtable.audit.checkpoint-interval:10s}")
    void signWhenNewEntries() {
        issue(false);
    }

    /** Signs a checkpoint of the ledger as it is now; refused when the ledger is empty. */
    public Checkpoint signNow() {
        return issue(true).orElseThrow(() -> new RuleViolation("the ledger is empty: there is nothing to sign yet"));
    }

    private Optional<Checkpoint> issue(boolean evenIfUnchanged) {
        return transaction.execute(status -> {
            store.lockWriters();
            long lastPosition = store.lastPosition();
            if (lastPosition == 0) {
                return Optional.<Checkpoint>empty();
            }
            Optional<Checkpoint> latest = latest();
            if (!evenIfUnchanged && latest.isPresent() && latest.get().lastPosition() == lastPosition) {
                return Optional.<Checkpoint>empty();
            }
            List<ChainHead> heads = new ArrayList<>();
            for (ChainState state : store.chains()) {
                if (state.chain().size() > 0) {
                    heads.add(state.chain().state());
                }
            }
            Checkpoint checkpoint = Checkpoint.over(heads, clock.instant(), lastPosition).signedWith(keys);
            jdbc.update("insert into ledger_checkpoint (tree_size, root_hash, issued_at, last_position, chains, key_id, signature) "
                            + "values (?, ?, ?, ?, ?, ?, ?)",
                    checkpoint.treeSize(), checkpoint.rootHash(), OffsetDateTime.ofInstant(checkpoint.issuedAt(), ZoneOffset.UTC),
                    checkpoint.lastPosition(), Json.write(checkpoint.chains().stream().map(ChainHead::toJson).toList()),
                    checkpoint.keyId(), checkpoint.signature());
            metrics.checkpointSigned();
            return Optional.of(checkpoint);
        });
    }

    public Optional<Checkpoint> latest() {
        return jdbc.query("select * from ledger_checkpoint order by id desc limit 1", Checkpoints::checkpoint).stream().findFirst();
    }

    /** The chain heads now, sorted by topic and partition: what a checkpoint taken now would commit. */
    public List<ChainHead> heads() {
        return store.chains().stream().filter(state -> state.chain().size() > 0).map(state -> state.chain().state()).toList();
    }

    public LedgerKeys keys() {
        return keys;
    }

    private static Checkpoint checkpoint(ResultSet rs, int row) throws SQLException {
        List<ChainHead> chains = new ArrayList<>();
        for (Object chain : (List<?>) Json.parse(rs.getString("chains"))) {
            @SuppressWarnings("unchecked")
            Map<String, Object> json = (Map<String, Object>) chain;
            chains.add(ChainHead.fromJson(json));
        }
        return new Checkpoint(rs.getLong("tree_size"), rs.getString("root_hash"),
                rs.getObject("issued_at", OffsetDateTime.class).toInstant(), rs.getLong("last_position"), chains,
                rs.getString("key_id"), rs.getString("signature"));
    }
}
