package org.roundtable.audit.ledger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.roundtable.audit.verifier.Chain;
import org.roundtable.audit.verifier.ChainId;
import org.roundtable.audit.verifier.LedgerEntry;
import org.roundtable.audit.verifier.LedgerRecord;
import org.roundtable.audit.verifier.MerkleFrontier;
import org.roundtable.audit.verifier.MerkleTree;
import org.roundtable.events.Actor;
import org.roundtable.events.EventEnvelope;
import org.roundtable.events.EventJson;
import org.roundtable.events.KafkaEnvelopeCodec;
import org.roundtable.events.Role;
import org.roundtable.events.RoundtableEvents;
import org.roundtable.events.participation.EndorsementGiven;
import org.roundtable.local.PostgresServer;
import org.roundtable.testsupport.SharedInfrastructure;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

/**
 * Prints the ledger's figures; a program, not a test, run as the README's "Benchmarks" says, with optional
 * arguments {@code [inMemoryEntries] [databaseEntries] [proofEntries]}:
 * <ol>
 *   <li>hashing alone: appending N records to 12 chains in memory (canonical encoding, entry hash, Merkle frontier),
 *       with entries/s, p50/p99 per append and heap used (verifying them beside raw SHA-256 is in the one benchmark
 *       command, {@code infrastructure/benchmarks});</li>
 *   <li>the real append path on a real PostgreSQL: {@link LedgerAppender} with batches of 500 Kafka records read
 *       from CloudEvents records (decoding, canonical JSON, hashing, inserts, chain state, the log's subtrees), with
 *       entries/s and p50/p99 per batch;</li>
 *   <li>proofs at scale: a log of M leaves (1,000,000 by default) with its subtrees in PostgreSQL as the service
 *       stores them, then inclusion and consistency proofs for random sizes and leaves read from them as the
 *       service reads them, p50/p99/max per proof.</li>
 * </ol>
 */
public final class LedgerBenchmark {

    private static final int PARTITIONS = 3;
    private static final String[] TOPICS = {"roundtable.proposals", "roundtable.participation", "roundtable.commissioning", "roundtable.outcomes"};

    private LedgerBenchmark() {
    }

    public static void main(String[] args) {
        int inMemory = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int database = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
        int proofs = args.length > 2 ? Integer.parseInt(args[2]) : 1_000_000;
        if (inMemory > 0) {
            inMemory(inMemory);
        }
        if (database > 0) {
            database(database);
        }
        if (proofs > 0) {
            proofs(proofs);
        }
        System.exit(0);
    }

    private static void inMemory(int n) {
        List<Chain> chains = new ArrayList<>();
        for (String topic : TOPICS) {
            for (int p = 0; p < PARTITIONS; p++) {
                chains.add(new Chain(new ChainId(topic, p)));
            }
        }
        long[] offsets = new long[chains.size()];
        List<LedgerEntry> entries = new ArrayList<>(n);
        long[] latencies = new long[n];
        Instant base = Instant.parse("2026-01-01T00:00:00Z");
        long started = System.nanoTime();
        for (int i = 0; i < n; i++) {
            int c = (int) ((i * 2654435761L) % chains.size());
            Chain chain = chains.get(c);
            LedgerRecord record = new LedgerRecord(chain.id().topic(), chain.id().partition(), offsets[c]++, UUID.randomUUID().toString(),
                    "participation", "org.roundtable.participation.EndorsementGiven.v1", "EndorsementGiven", "proposal-" + (i % 5000),
                    "citizen-" + i, "CITIZEN", null, "corr-" + i, null, (long) i, base.plusMillis(i),
                    "[[\"ce_specversion\",\"1.0\"],[\"ce_id\",\"" + i + "\"]]",
                    "{\"participantId\":\"citizen-" + i + "\",\"proposalId\":\"proposal-" + (i % 5000) + "\",\"reason\":\"we need a garden for the street\"}");
            long before = System.nanoTime();
            entries.add(chain.append(record, i + 1, base));
            latencies[i] = System.nanoTime() - before;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Arrays.sort(latencies);
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        System.out.printf("in memory: %,d entries on %d chains in %.2f s = %,.0f entries/s; append p50 %.1f us, p99 %.1f us; "
                        + "heap used with all entries held %,d MB%n", n, chains.size(), seconds, n / seconds,
                latencies[n / 2] / 1e3, latencies[(int) (n * 0.99)] / 1e3, (runtime.totalMemory() - runtime.freeMemory()) >> 20);
    }

    /** A log of n leaves with its subtrees stored in PostgreSQL as the service stores them; proofs read as the service reads them. */
    private static void proofs(int n) {
        PostgresServer postgres = SharedInfrastructure.postgres();
        DriverManagerDataSource dataSource = new DriverManagerDataSource(rewritingBatchedInserts(postgres.jdbcUrl("audit_benchmark_proofs")),
                postgres.username(), postgres.password());
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("drop table if exists ledger_entry, ledger_chain, ledger_checkpoint, ledger_log_node, ledger_log_checkpoint");
        new ResourceDatabasePopulator(new ClassPathResource("schema.sql")).execute(dataSource);
        LedgerStore store = new LedgerStore(jdbc, dataSource);
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
        System.out.printf("proofs: a log of %,d leaves stored (%,d subtrees) in %.1f s%n", n,
                jdbc.queryForObject("select count(*) from ledger_log_node", Long.class), (System.nanoTime() - started) / 1e9);
        // one open connection, as the service's pool keeps them: a proof's cost is its reads, not connecting
        SingleConnectionDataSource connection = new SingleConnectionDataSource(postgres.jdbcUrl("audit_benchmark_proofs"),
                postgres.username(), postgres.password(), true);
        store = new LedgerStore(new JdbcTemplate(connection), connection);
        MerkleTree.Subtrees tree = MerkleTree.over(store::logNode);
        byte[] root = frontier.root();
        Random random = new Random(6962);
        long[] inclusion = new long[2_000];
        long[] consistency = new long[2_000];
        for (int round = -200; round < inclusion.length; round++) {
            long index = (long) (random.nextDouble() * n);
            long before = System.nanoTime();
            List<byte[]> path = MerkleTree.inclusionProof(tree, index, n);
            long took = System.nanoTime() - before;
            if (round >= 0) {
                inclusion[round] = took;
            } else if (!MerkleTree.verifyInclusion(store.logNode(0, index), index, n, path, root)) {
                throw new IllegalStateException("an inclusion proof did not verify");
            }
            long from = 1 + (long) (random.nextDouble() * (n - 1));
            long to = from + (long) (random.nextDouble() * (n - from)) + 1;
            before = System.nanoTime();
            MerkleTree.consistencyProof(tree, from, Math.min(to, n));
            took = System.nanoTime() - before;
            if (round >= 0) {
                consistency[round] = took;
            }
        }
        Arrays.sort(inclusion);
        Arrays.sort(consistency);
        System.out.printf("proofs at %,d entries, from PostgreSQL: inclusion p50 %.2f ms, p99 %.2f ms, max %.2f ms; "
                        + "consistency p50 %.2f ms, p99 %.2f ms, max %.2f ms (%d of each)%n", n,
                inclusion[inclusion.length / 2] / 1e6, inclusion[(int) (inclusion.length * 0.99)] / 1e6, inclusion[inclusion.length - 1] / 1e6,
                consistency[consistency.length / 2] / 1e6, consistency[(int) (consistency.length * 0.99)] / 1e6,
                consistency[consistency.length - 1] / 1e6, inclusion.length);
    }

    /** As the service's pool is configured (application.properties): a batch of inserts travels as multi-row inserts. */
    private static String rewritingBatchedInserts(String url) {
        return url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
    }

    private static void database(int n) {
        PostgresServer postgres = SharedInfrastructure.postgres();
        DriverManagerDataSource dataSource = new DriverManagerDataSource(rewritingBatchedInserts(postgres.jdbcUrl("audit_benchmark")), postgres.username(), postgres.password());
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("drop table if exists ledger_entry, ledger_chain, ledger_checkpoint, ledger_log_node, ledger_log_checkpoint");
        new ResourceDatabasePopulator(new ClassPathResource("schema.sql")).execute(dataSource);
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        LedgerStore store = new LedgerStore(jdbc, dataSource);
        LedgerAppender appender = new LedgerAppender(store, transaction, new LedgerMetrics(new SimpleMeterRegistry()), Clock.systemUTC(),
                event -> { });
        KafkaEnvelopeCodec codec = new KafkaEnvelopeCodec(RoundtableEvents.CATALOG, EventJson.newMapper());

        int batchSize = 500;
        long[] offsets = new long[PARTITIONS];
        List<Long> batchLatencies = new ArrayList<>();
        long started = System.nanoTime();
        for (int done = 0; done < n; done += batchSize) {
            List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>(batchSize);
            for (int i = done; i < Math.min(n, done + batchSize); i++) {
                String proposalId = "proposal-" + (i % 5000);
                EventEnvelope envelope = new EventEnvelope(UUID.randomUUID().toString(), RoundtableEvents.CATALOG.typeOf(EndorsementGiven.class),
                        proposalId, Instant.now(), Actor.of("citizen-" + i, Role.CITIZEN), "corr-" + i, null, (long) i,
                        new EndorsementGiven(proposalId, "citizen-" + i, null, "we need a garden for the street"));
                ProducerRecord<String, byte[]> produced = codec.encode(envelope);
                int partition = i % PARTITIONS;
                batch.add(new ConsumerRecord<>(produced.topic(), partition, offsets[partition]++, 0L, TimestampType.CREATE_TIME,
                        -1, produced.value().length, produced.key(), produced.value(), produced.headers(), Optional.empty()));
            }
            long before = System.nanoTime();
            appender.append(batch);
            batchLatencies.add(System.nanoTime() - before);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        batchLatencies.sort(Long::compare);
        System.out.printf("PostgreSQL (%s): %,d entries appended in batches of %d in %.2f s = %,.0f entries/s; batch p50 %.1f ms, "
                        + "p99 %.1f ms (per entry %.3f ms at p50)%n", postgres.kind(), n, batchSize, seconds, n / seconds,
                batchLatencies.get(batchLatencies.size() / 2) / 1e6, batchLatencies.get((int) (batchLatencies.size() * 0.99)) / 1e6,
                batchLatencies.get(batchLatencies.size() / 2) / 1e6 / batchSize);
        long lastPosition = store.lastPosition();
        System.out.printf("PostgreSQL: ledger holds %,d entries, last position %,d%n", store.count(), lastPosition);
    }
}
