package org.roundtable.audit.ledger;

import org.roundtable.audit.verifier.Chain;
import org.roundtable.audit.verifier.ChainId;
import org.roundtable.audit.verifier.LedgerEntry;
import org.roundtable.audit.verifier.LedgerRecord;
import org.roundtable.audit.verifier.MerkleFrontier;
import org.roundtable.audit.verifier.MerkleTree;
import org.roundtable.audit.verifier.Sha256;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The ledger's tables, in plain SQL: {@code ledger_entry} (append-only; the contract the audit views read),
 * {@code ledger_chain} (the writer's state per chain: size, head, next Kafka offset, Merkle frontier) and
 * {@code ledger_checkpoint}. Nothing here updates or deletes an entry.
 */
@Repository
public class LedgerStore {

    /** Serialises writers of one ledger database: appending and checkpointing take it for their transaction. */
    static final long WRITER_LOCK = 0x6c6564676572L;

    private static final String ENTRY_COLUMNS = "position, event_id, source, type, event_name, subject, actor_id, actor_role, "
            + "actor_name, correlation_id, causation_id, sequence, occurred_at, recorded_at, topic, kafka_partition, "
            + "kafka_offset, payload, previous_hash, hash, headers, chain_index";

    private static final int STREAM_FETCH_SIZE = 1000;

    private final JdbcTemplate jdbc;
    private final JdbcTemplate streaming;

    public LedgerStore(JdbcTemplate jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(STREAM_FETCH_SIZE);
    }

    void lockWriters() {
        jdbc.queryForObject("select pg_advisory_xact_lock(?)", Object.class, WRITER_LOCK);
    }

    public long lastPosition() {
        Long last = jdbc.queryForObject("select coalesce(max(position), 0) from ledger_entry", Long.class);
        return last == null ? 0 : last;
    }

    public long count() {
        Long count = jdbc.queryForObject("select count(*) from ledger_entry", Long.class);
        return count == null ? 0 : count;
    }

    public boolean isEmpty() {
        return Boolean.FALSE.equals(jdbc.queryForObject("select exists (select 1 from ledger_entry)", Boolean.class));
    }

    /** The writer's state of a chain, with the next offset to read, or empty for a chain not begun. */
    Optional<ChainState> chain(ChainId id) {
        return jdbc.query("select size, head_hash, next_offset, frontier from ledger_chain where topic = ? and kafka_partition = ?",
                (rs, row) -> new ChainState(new Chain(id, rs.getString("head_hash"),
                        MerkleFrontier.decode(rs.getLong("size"), rs.getString("frontier"))), rs.getLong("next_offset")),
                id.topic(), id.partition()).stream().findFirst();
    }

    /** Every chain's state, sorted by topic and partition. */
    public List<ChainState> chains() {
        return jdbc.query("select topic, kafka_partition, size, head_hash, next_offset, frontier from ledger_chain "
                        + "order by topic, kafka_partition",
                (rs, row) -> new ChainState(new Chain(new ChainId(rs.getString("topic"), rs.getInt("kafka_partition")),
                        rs.getString("head_hash"), MerkleFrontier.decode(rs.getLong("size"), rs.getString("frontier"))),
                        rs.getLong("next_offset")));
    }

    void saveChain(ChainState state) {
        Chain chain = state.chain();
        jdbc.update("insert into ledger_chain (topic, kafka_partition, size, head_hash, next_offset, frontier) values (?, ?, ?, ?, ?, ?) "
                        + "on conflict (topic, kafka_partition) do update set size = excluded.size, head_hash = excluded.head_hash, "
                        + "next_offset = excluded.next_offset, frontier = excluded.frontier",
                chain.id().topic(), chain.id().partition(), chain.size(), chain.head(), state.nextOffset(), chain.frontier().encode());
    }

    /** The ids among these that the ledger already holds. */
    Set<String> recordedEventIds(Collection<String> eventIds) {
        if (eventIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.query(connection -> {
            var statement = connection.prepareStatement("select event_id from ledger_entry where event_id = any(?)");
            Array ids = connection.createArrayOf("varchar", eventIds.toArray());
            statement.setArray(1, ids);
            return statement;
        }, (rs, row) -> rs.getString(1)));
    }

    /**
     * Inserts entries; with {@code indexing}, a payload PostgreSQL can hold as {@code jsonb} is also copied to the indexed
     * {@code payload_json} column (without, none is: the way round a payload PostgreSQL refuses in a way
     * {@link IndexableJson} did not foresee).
     */
    void insert(List<LedgerEntry> entries, boolean indexing) {
        jdbc.batchUpdate("insert into ledger_entry (" + ENTRY_COLUMNS + ", payload_json) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))",
                entries, entries.size(), (statement, entry) -> {
                    LedgerRecord r = entry.record();
                    statement.setLong(1, entry.position());
                    statement.setString(2, r.eventId());
                    statement.setString(3, r.source());
                    statement.setString(4, r.type());
                    statement.setString(5, r.eventName());
                    statement.setString(6, r.subject());
                    statement.setString(7, r.actorId());
                    statement.setString(8, r.actorRole());
                    statement.setString(9, r.actorName());
                    statement.setString(10, r.correlationId());
                    statement.setString(11, r.causationId());
                    if (r.sequence() == null) {
                        statement.setNull(12, Types.BIGINT);
                    } else {
                        statement.setLong(12, r.sequence());
                    }
                    statement.setObject(13, OffsetDateTime.ofInstant(r.occurredAt(), ZoneOffset.UTC));
                    statement.setObject(14, OffsetDateTime.ofInstant(entry.recordedAt(), ZoneOffset.UTC));
                    statement.setString(15, r.topic());
                    statement.setInt(16, r.partition());
                    statement.setLong(17, r.offset());
                    statement.setString(18, r.payload());
                    statement.setString(19, entry.previousHash());
                    statement.setString(20, entry.hash());
                    statement.setString(21, r.headers());
                    statement.setLong(22, entry.chainIndex());
                    statement.setString(23, indexing && !r.undecodable() ? IndexableJson.of(r.payload()) : null);
                });
    }

    public Optional<LedgerEntry> byEventId(String eventId) {
        return jdbc.query("select " + ENTRY_COLUMNS + " from ledger_entry where event_id = ?", ENTRY, eventId).stream().findFirst();
    }

    /** Entries after a position in position order; with {@code onlyUndecodable}, only the records that are not events. */
    public List<LedgerEntry> page(long afterPosition, int size, boolean onlyUndecodable) {
        return jdbc.query("select " + ENTRY_COLUMNS + " from ledger_entry where position > ? "
                        + (onlyUndecodable ? "and type = '" + LedgerRecord.UNDECODABLE_TYPE + "' " : "") + "order by position limit ?",
                ENTRY, afterPosition, size);
    }

    /**
     * Streams the entries with positions in {@code [from, to]} in position order through a database cursor, so memory
     * stays constant however many there are, until {@code continueAfter} says stop. Must run inside a transaction
     * (PostgreSQL only uses a cursor then).
     */
    public void stream(long from, long to, Predicate<LedgerEntry> continueAfter) {
        streaming.query("select " + ENTRY_COLUMNS + " from ledger_entry where position between ? and ? order by position",
                (ResultSetExtractor<Void>) rs -> {
                    boolean going = true;
                    while (going && rs.next()) {
                        going = continueAfter.test(ENTRY.mapRow(rs, rs.getRow()));
                    }
                    return null;
                }, from, to);
    }

    /** The Merkle leaf hashes of a chain's first {@code size} entries, in chain order. */
    public List<byte[]> leafHashes(ChainId chain, long size) {
        List<byte[]> leaves = new ArrayList<>();
        streaming.query("select hash from ledger_entry where topic = ? and kafka_partition = ? and chain_index <= ? order by chain_index",
                rs -> {
                    leaves.add(MerkleTree.leafHash(Sha256.fromHex(rs.getString(1))));
                }, chain.topic(), chain.partition(), size);
        return leaves;
    }

    /** A complete subtree of the log's tree (leaves {@code [idx * 2^level, (idx + 1) * 2^level)}). */
    public byte[] logNode(int level, long index) {
        List<byte[]> hash = jdbc.query("select hash from ledger_log_node where level = ? and idx = ?", (rs, row) -> rs.getBytes(1),
                level, index);
        if (hash.isEmpty()) {
            throw new IllegalStateException("the log has no node " + level + "/" + index);
        }
        return hash.get(0);
    }

    /** How many leaves the log's tree holds (entries appended to it). */
    public long logSize() {
        Long size = jdbc.queryForObject("select coalesce(max(idx) + 1, 0) from ledger_log_node where level = 0", Long.class);
        return size == null ? 0 : size;
    }

    /** Stores complete subtrees of the log's tree (as {@link org.roundtable.audit.verifier.MerkleFrontier} completes them). */
    public void insertLogNodes(List<LogNode> nodes) {
        jdbc.batchUpdate("insert into ledger_log_node (level, idx, hash) values (?, ?, ?)", nodes, nodes.size(), (statement, node) -> {
            statement.setInt(1, node.level());
            statement.setLong(2, node.index());
            statement.setBytes(3, node.hash());
        });
    }

    /** A complete subtree of the log, as it was completed by an append. */
    public record LogNode(int level, long index, byte[] hash) {
    }

    /** How many entries each chain holds, by topic and partition. */
    public Map<ChainId, Long> chainSizes() {
        Map<ChainId, Long> sizes = new java.util.TreeMap<>();
        jdbc.query("select topic, kafka_partition, size from ledger_chain", rs -> {
            sizes.put(new ChainId(rs.getString(1), rs.getInt(2)), rs.getLong(3));
        });
        return sizes;
    }

    static final RowMapper<LedgerEntry> ENTRY = LedgerStore::entry;

    private static LedgerEntry entry(ResultSet rs, int row) throws SQLException {
        Long sequence = rs.getObject("sequence", Long.class);
        LedgerRecord record = new LedgerRecord(rs.getString("topic"), rs.getInt("kafka_partition"), rs.getLong("kafka_offset"),
                rs.getString("event_id"), rs.getString("source"), rs.getString("type"), rs.getString("event_name"),
                rs.getString("subject"), rs.getString("actor_id"), rs.getString("actor_role"), rs.getString("actor_name"),
                rs.getString("correlation_id"), rs.getString("causation_id"), sequence,
                instant(rs, "occurred_at"), rs.getString("headers"), rs.getString("payload"));
        return new LedgerEntry(rs.getLong("position"), rs.getLong("chain_index"), record, instant(rs, "recorded_at"),
                rs.getString("previous_hash"), rs.getString("hash"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    /** A chain's writer state: the chain's growing end and the next Kafka offset of its partition to read. */
    public record ChainState(Chain chain, long nextOffset) {
    }
}
