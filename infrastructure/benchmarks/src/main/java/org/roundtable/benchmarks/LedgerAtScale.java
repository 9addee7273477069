package org.roundtable.benchmarks;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.roundtable.audit.ledger.LedgerAppender;
import org.roundtable.audit.ledger.LedgerMetrics;
import org.roundtable.audit.ledger.LedgerStore;
import org.roundtable.audit.verifier.Checkpoint;
import org.roundtable.audit.verifier.LedgerEntry;
import org.roundtable.audit.verifier.LedgerKeys;
import org.roundtable.audit.verifier.LedgerRecord;
import org.roundtable.audit.verifier.LedgerVerifier;
import org.roundtable.audit.verifier.MerkleFrontier;
import org.roundtable.audit.verifier.MerkleTree;
import org.roundtable.audit.verifier.NoteKey;
import org.roundtable.audit.verifier.Sha256;
import org.roundtable.events.Actor;
import org.roundtable.events.EventEnvelope;
import org.roundtable.events.EventJson;
import org.roundtable.events.KafkaEnvelopeCodec;
import org.roundtable.events.Role;
import org.roundtable.events.RoundtableEvents;
import org.roundtable.events.participation.EndorsementGiven;
import org.roundtable.local.PostgresServer;
import org.roundtable.testsupport.SharedInfrastructure;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

/**
 * The ledger's figures: appending, proofs and verification.
 * <ol>
 *   <li>Appending N entries to 12 chains in memory (canonical encoding, entry hash, the chain's Merkle frontier) and
 *       M entries through the service's own {@link LedgerAppender} on PostgreSQL, in batches of 500 Kafka records read
 *       from CloudEvents records (decoding, canonical JSON, hashing, inserts, chain state, the log's subtrees).</li>
 *   <li>Inclusion and consistency proofs at N entries: the log's subtrees stored in PostgreSQL as the service stores
 *       them, proofs for random leaves and sizes read from them as the service reads them.</li>
 *   <li>The verifier reading the N entries' export lines (bytes, as the verifier jar reads a file) and checking them
 *       against a signed checkpoint, beside raw SHA-256 over the same bytes: the least any verification must do is
 *       read and hash them once. Both run on one thread, over the same blocks of lines held in memory, alternately.</li>
 * </ol>
 */
final class LedgerAtScale {

    private static final int BLOCK = 20_000;
    private static final String ORIGIN = "roundtable.benchmark/ledger";

    private LedgerAtScale() {
    }

    static List<Figure> run(int n, int appends) {
        List<Figure> figures = new ArrayList<>();
        SyntheticLedger ledger = new SyntheticLedger();
        MerkleFrontier log = new MerkleFrontier();
        List<List<byte[]>> blocks = new ArrayList<>();
        List<byte[]> block = new ArrayList<>();
        long[] appendNanos = new long[n];
        long appending = 0;
        for (int i = 0; i < n; i++) {
            LedgerRecord record = ledger.next();
            long before = System.nanoTime();
            LedgerEntry entry = ledger.append(record);
            appendNanos[i] = System.nanoTime() - before;
            appending += appendNanos[i];
            log.append(entry.leafHash());
            block.add(entry.toJsonLine().getBytes(StandardCharsets.UTF_8));
            if (block.size() == BLOCK || i == n - 1) {
                blocks.add(block);
                block = new ArrayList<>();
            }
        }
        Arrays.sort(appendNanos);
        figures.add(new Figure(String.format(Locale.ROOT, "Ledger append in memory (hashing, chain frontier), %,d entries", n),
                String.format(Locale.ROOT, "%,.0f entries/s, p99 %.1f us", n / (appending / 1e9), Benchmarks.millis(appendNanos, 0.99) * 1e3),
                "-", Double.NaN, "-", true));
        if (appends > 0) {
            figures.add(appendOnPostgres(appends));
        }
        figures.addAll(proofs(n));
        figures.add(verification(n, blocks, log.root()));
        return figures;
    }

    private static Figure verification(int n, List<List<byte[]>> blocks, byte[] root) {
        LedgerKeys keys = LedgerKeys.generate();
        Checkpoint checkpoint = Checkpoint.of(ORIGIN, n, root).signedBy(keys, ORIGIN);
        LedgerVerifier verifier = LedgerVerifier.against(List.of(checkpoint), keys.noteKey(ORIGIN, NoteKey.ED25519));
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
                verifier.accept(line, 0, line.length);
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
        return new Figure(String.format(Locale.ROOT, "Ledger verification, %,d entries (one thread)", n),
                String.format(Locale.ROOT, "%.0f MB/s (%,.0f entries/s)", bytes / 1e6 / (verifyNanos / 1e9), n / (verifyNanos / 1e9)),
                String.format(Locale.ROOT, "SHA-256 over the same bytes, one thread: %.0f MB/s", bytes / 1e6 / (rawNanos / 1e9)),
                ratio, ">= 0.5x", ratio >= 0.5);
    }

    /** As the service's pool is configured (application.properties): a batch of inserts travels as multi-row inserts. */
    private static String rewritingBatchedInserts(String url) {
        return url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
    }

    private static DriverManagerDataSource freshLedgerDatabase(PostgresServer postgres, String database) {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(rewritingBatchedInserts(postgres.jdbcUrl(database)),
                postgres.username(), postgres.password());
        new JdbcTemplate(dataSource).execute("drop table if exists ledger_entry, ledger_chain, ledger_checkpoint, ledger_log_node, ledger_log_checkpoint");
        Benchmarks.applySchema(LedgerStore.class, dataSource);
        return dataSource;
    }

    private static Figure appendOnPostgres(int n) {
        PostgresServer postgres = SharedInfrastructure.postgres();
        DriverManagerDataSource dataSource = freshLedgerDatabase(postgres, "benchmark_ledger_appends");
        LedgerStore store = new LedgerStore(new JdbcTemplate(dataSource), dataSource);
        LedgerAppender appender = new LedgerAppender(store, new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
                new LedgerMetrics(new SimpleMeterRegistry()), Clock.systemUTC(), event -> { });
        KafkaEnvelopeCodec codec = new KafkaEnvelopeCodec(RoundtableEvents.CATALOG, EventJson.newMapper());
        int batchSize = 500;
        int partitions = SyntheticLedger.PARTITIONS;
        long[] offsets = new long[partitions];
        long[] batchNanos = new long[(n + batchSize - 1) / batchSize];
        long started = System.nanoTime();
        for (int done = 0, b = 0; done < n; done += batchSize, b++) {
            List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>(batchSize);
            for (int i = done; i < Math.min(n, done + batchSize); i++) {
                String proposalId = "proposal-" + (i % 5000);
                EventEnvelope envelope = new EventEnvelope(UUID.randomUUID().toString(), RoundtableEvents.CATALOG.typeOf(EndorsementGiven.class),
                        proposalId, Instant.now(), Actor.of("citizen-" + i, Role.CITIZEN), "corr-" + i, null, (long) i,
                        new EndorsementGiven(proposalId, "citizen-" + i, null, "we need a garden for the street"));
                ProducerRecord<String, byte[]> produced = codec.encode(envelope);
                int partition = i % partitions;
                batch.add(new ConsumerRecord<>(produced.topic(), partition, offsets[partition]++, 0L, TimestampType.CREATE_TIME,
                        -1, produced.value().length, produced.key(), produced.value(), produced.headers(), Optional.empty()));
            }
            long before = System.nanoTime();
            appender.append(batch);
            batchNanos[b] = System.nanoTime() - before;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        if (store.count() != n) {
            throw new IllegalStateException("the ledger holds " + store.count() + " entries, not " + n);
        }
        Arrays.sort(batchNanos);
        System.out.printf(Locale.ROOT, "ledger appends on PostgreSQL (%s): %,d entries in batches of %d in %.1f s%n", postgres.kind(), n, batchSize, seconds);
        return new Figure(String.format(Locale.ROOT, "Ledger append on PostgreSQL (the service's appender, batches of %d), %,d entries", batchSize, n),
                String.format(Locale.ROOT, "%,.0f entries/s, batch p50 %.1f ms, p99 %.1f ms", n / seconds, Benchmarks.millis(batchNanos, 0.5),
                        Benchmarks.millis(batchNanos, 0.99)), "-", Double.NaN, "-", true);
    }

    /** A log of n leaves with its subtrees stored in PostgreSQL as the service stores them; proofs read as the service reads them. */
    private static List<Figure> proofs(int n) {
        PostgresServer postgres = SharedInfrastructure.postgres();
        DriverManagerDataSource dataSource = freshLedgerDatabase(postgres, "benchmark_ledger_proofs");
        LedgerStore store = new LedgerStore(new JdbcTemplate(dataSource), dataSource);
        MerkleFrontier frontier = new MerkleFrontier();
        List<LedgerStore.LogNode> batch = new ArrayList<>();
        long started = System.nanoTime();
        for (long i = 0; i < n; i++) {
            byte[] leaf = MerkleTree.leafHash(("leaf " + i).getBytes(StandardCharsets.UTF_8));
            frontier.append(leaf, (level, index, hash) -> batch.add(new LedgerStore.LogNode(level, index, hash)));
            if (batch.size() >= 20_000 || i == n - 1) {
                store.insertLogNodes(batch);
                batch.clear();
            }
        }
        System.out.printf(Locale.ROOT, "proofs: a log of %,d leaves stored in %.1f s%n", n, (System.nanoTime() - started) / 1e9);
        // one open connection, as the service's pool keeps them: a proof's cost is its reads, not connecting
        SingleConnectionDataSource connection = new SingleConnectionDataSource(postgres.jdbcUrl("benchmark_ledger_proofs"),
                postgres.username(), postgres.password(), true);
        LedgerStore reading = new LedgerStore(new JdbcTemplate(connection), connection);
        MerkleTree.Subtrees tree = MerkleTree.over(reading::logNode);
        byte[] root = frontier.root();
        Random random = new Random(6962);
        long[] inclusion = new long[2_000];
        long[] consistency = new long[2_000];
        for (int round = -200; round < inclusion.length; round++) {
            long index = (long) (random.nextDouble() * n);
            long before = System.nanoTime();
            List<byte[]> path = MerkleTree.inclusionProof(tree, index, n);
            long took = System.nanoTime() - before;
            if (!MerkleTree.verifyInclusion(reading.logNode(0, index), index, n, path, root)) {
                throw new IllegalStateException("an inclusion proof did not verify");
            }
            long from = 1 + (long) (random.nextDouble() * (n - 1));
            long to = Math.min(n, from + (long) (random.nextDouble() * (n - from)) + 1);
            long beforeConsistency = System.nanoTime();
            MerkleTree.consistencyProof(tree, from, to);
            long tookConsistency = System.nanoTime() - beforeConsistency;
            if (round >= 0) {
                inclusion[round] = took;
                consistency[round] = tookConsistency;
            }
        }
        connection.destroy();
        Arrays.sort(inclusion);
        Arrays.sort(consistency);
        return List.of(proofFigure("Inclusion proof", n, inclusion), proofFigure("Consistency proof", n, consistency));
    }

    private static Figure proofFigure(String what, int n, long[] sorted) {
        return new Figure(String.format(Locale.ROOT, "%s p99 from PostgreSQL, log of %,d entries (%,d proofs)", what, n, sorted.length),
                String.format(Locale.ROOT, "%.2f ms (p50 %.2f ms, max %.2f ms)", Benchmarks.millis(sorted, 0.99), Benchmarks.millis(sorted, 0.5),
                        sorted[sorted.length - 1] / 1e6), "-", Double.NaN, "-", true);
    }
}
