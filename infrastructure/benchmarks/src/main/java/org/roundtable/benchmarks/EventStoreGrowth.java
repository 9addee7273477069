package org.roundtable.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import jakarta.persistence.EntityManagerFactory;
import org.axonframework.common.jpa.SimpleEntityManagerProvider;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy;
import org.hibernate.jpa.HibernatePersistenceProvider;
import org.roundtable.kit.axon.ByteaPostgreSQLDialect;
import org.roundtable.local.PostgresServer;
import org.roundtable.testsupport.SharedInfrastructure;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.orm.jpa.SharedEntityManagerCreator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Benchmark 4: the event store as it grows. Axon's JPA storage engine (the services' own, with the kit's dialect and
 * Spring Boot's column naming) on a fresh PostgreSQL database; {@code appends} events appended by 8 writers, each
 * append its own transaction as one command's is, first into the empty store and then once {@code events} events are
 * stored (written in bulk with SQL, not through the engine); and how fast a processor reset from the start would read
 * and decode the stored stream, at the start of the store and near its end.
 */
final class EventStoreGrowth {

    /** The shape of an endorsement event; its size is about that of the participation service's stored payloads. */
    record Endorsed(String proposalId, String citizenId, String endorsedAt, String note) {
    }

    /** Appends measured: each one's latency, sorted, and how many were done a second by all writers together. */
    private record Appends(long[] nanos, double perSecond) {
    }

    static final int WRITERS = 8;
    private static final int READ = 200_000;
    private static final int BULK_CHUNK = 500_000;
    private static final JacksonSerializer SERIALIZER = JacksonSerializer.defaultSerializer();

    private EventStoreGrowth() {
    }

    static List<Figure> run(int events, int appends) throws Exception {
        String database = "event_store_benchmark_" + System.currentTimeMillis();
        PostgresServer postgres = SharedInfrastructure.postgres();
        try (HikariDataSource dataSource = dataSource(postgres, database)) {
            LocalContainerEntityManagerFactoryBean factory = entityManagerFactory(dataSource);
            EntityManagerFactory entityManagers = factory.getObject();
            SpringTransactionManager transactions = new SpringTransactionManager(new JpaTransactionManager(entityManagers));
            JpaEventStorageEngine store = JpaEventStorageEngine.builder()
                    .entityManagerProvider(new SimpleEntityManagerProvider(SharedEntityManagerCreator.createSharedEntityManager(entityManagers)))
                    .transactionManager(transactions)
                    .eventSerializer(SERIALIZER)
                    .snapshotSerializer(SERIALIZER)
                    .build();
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);

            append(store, transactions, appends / 2, "warm-up");
            Appends empty = append(store, transactions, appends, "empty store");
            long stored = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);

            long filling = System.nanoTime();
            fill(jdbc, stored, events);
            System.out.printf(Locale.ROOT, "event store: %,d events stored in bulk in %.0f s; table and indexes %s%n", events,
                    (System.nanoTime() - filling) / 1e9,
                    jdbc.queryForObject("select pg_size_pretty(pg_total_relation_size('domain_event_entry'))", String.class));
            append(store, transactions, appends / 2, "warm-up");
            Appends full = append(store, transactions, appends, String.format(Locale.ROOT, "%,d events stored", events));

            long last = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
            read(store, GapAwareTrackingToken.newInstance(last / 2, Collections.emptySet())); // warm-up
            double fromStart = read(store, null);
            double nearEnd = read(store, GapAwareTrackingToken.newInstance(last - READ - 1_000, Collections.emptySet()));
            factory.destroy();

            double emptyRate = empty.perSecond();
            double fullRate = full.perSecond();
            List<Figure> figures = new ArrayList<>();
            figures.add(new Figure(String.format(Locale.ROOT, "Event store append, %,d events stored (%d writers, one event a transaction)", events, WRITERS),
                    String.format(Locale.ROOT, "%,.0f events/s, p50 %.1f ms, p99 %.1f ms", fullRate, Benchmarks.millis(full.nanos(), 0.5), Benchmarks.millis(full.nanos(), 0.99)),
                    String.format(Locale.ROOT, "the same into the empty store: %,.0f events/s, p99 %.1f ms", emptyRate, Benchmarks.millis(empty.nanos(), 0.99)),
                    fullRate / emptyRate, ">= 0.8x", fullRate / emptyRate >= 0.8));
            figures.add(new Figure(String.format(Locale.ROOT, "Event stream read and decoded for a reset processor, %,d events stored", events),
                    String.format(Locale.ROOT, "%,.0f events/s near the end", nearEnd),
                    String.format(Locale.ROOT, "from the start: %,.0f events/s", fromStart), nearEnd / fromStart, "-", true));
            return figures;
        } finally {
            new JdbcTemplate(new DriverManagerDataSource(postgres.jdbcUrl("postgres"), postgres.username(), postgres.password()))
                    .execute("drop database if exists " + database + " with (force)");
        }
    }

    private static HikariDataSource dataSource(PostgresServer postgres, String database) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.jdbcUrl(database));
        dataSource.setUsername(postgres.username());
        dataSource.setPassword(postgres.password());
        dataSource.setMaximumPoolSize(WRITERS + 2);
        return dataSource;
    }

    /** The event store's tables as a service creates them: Axon's entries, the kit's dialect, Spring Boot's naming. */
    private static LocalContainerEntityManagerFactoryBean entityManagerFactory(HikariDataSource dataSource) {
        LocalContainerEntityManagerFactoryBean factory = new LocalContainerEntityManagerFactoryBean();
        factory.setDataSource(dataSource);
        factory.setPersistenceProvider(new HibernatePersistenceProvider());
        factory.setPackagesToScan("org.axonframework.eventsourcing.eventstore.jpa");
        factory.setJpaPropertyMap(Map.of(
                "hibernate.dialect", ByteaPostgreSQLDialect.class.getName(),
                "hibernate.hbm2ddl.auto", "update",
                "hibernate.physical_naming_strategy", CamelCaseToUnderscoresNamingStrategy.class.getName()));
        factory.afterPropertiesSet();
        return factory;
    }

    private static GenericDomainEventMessage<Endorsed> event(String aggregate, long sequence) {
        Endorsed payload = new Endorsed(UUID.randomUUID().toString(), "citizen-" + UUID.randomUUID(), "2026-12-01T09:00:00Z",
                "Endorsed because the neighbours already run a repair cafe on Saturdays and can lend their tools");
        MetaData metaData = MetaData.from(Map.of(
                "actorId", "citizen-" + aggregate, "actorRole", "CITIZEN", "actorName", "A citizen who consented to be named",
                "correlationId", UUID.randomUUID().toString(), "traceId", UUID.randomUUID().toString(),
                "causationId", UUID.randomUUID().toString(), "requestId", UUID.randomUUID().toString()));
        return new GenericDomainEventMessage<>("Endorsement", aggregate, sequence, payload, metaData);
    }

    /** Each writer appends to aggregates of its own, ten events each, one event a transaction. */
    private static Appends append(JpaEventStorageEngine store, SpringTransactionManager transactions, int count, String label) throws Exception {
        long[] nanos = new long[count];
        AtomicInteger next = new AtomicInteger();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        long started = System.nanoTime();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                running.add(writers.submit(() -> {
                    String aggregate = UUID.randomUUID().toString();
                    long sequence = 0;
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        if (sequence == 10) {
                            aggregate = UUID.randomUUID().toString();
                            sequence = 0;
                        }
                        GenericDomainEventMessage<Endorsed> event = event(aggregate, sequence++);
                        long start = System.nanoTime();
                        transactions.executeInTransaction(() -> store.appendEvents(event));
                        nanos[i] = System.nanoTime() - start;
                    }
                    return null;
                }));
            }
            for (Future<?> writer : running) {
                writer.get(30, TimeUnit.MINUTES);
            }
        } finally {
            writers.shutdownNow();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "event store: %,d appends (%s) in %.1f s: %,.0f events/s, p50 %.1f ms, p99 %.1f ms%n", count, label,
                seconds, count / seconds, Benchmarks.millis(nanos, 0.5), Benchmarks.millis(nanos, 0.99));
        return new Appends(nanos, count / seconds);
    }

    /**
     * Rows shaped as the engine writes them (the same serialized payload and metadata), ten events an aggregate, global
     * indexes after those already stored; the id sequence then moved past them, as the engine's next append needs. The
     * unique constraints the engine's tables have are dropped while the rows go in and made again after, which is how
     * a bulk load is done quickest; the appends measured after run against them as before.
     */
    private static void fill(JdbcTemplate jdbc, long stored, int events) {
        List<Map<String, Object>> constraints = jdbc.queryForList("select conname, pg_get_constraintdef(oid) as definition from pg_constraint "
                + "where conrelid = 'domain_event_entry'::regclass and contype = 'u'");
        constraints.forEach(constraint -> jdbc.execute("alter table domain_event_entry drop constraint " + constraint.get("conname")));
        GenericDomainEventMessage<Endorsed> sample = event("sample", 0);
        byte[] payload = SERIALIZER.serialize(sample.getPayload(), byte[].class).getData();
        byte[] metaData = SERIALIZER.serialize(sample.getMetaData(), byte[].class).getData();
        long first = jdbc.queryForObject("select coalesce(max(global_index), 0) + 1 from domain_event_entry", Long.class);
        for (long from = 0; from < events - stored; from += BULK_CHUNK) {
            long to = Math.min(events - stored, from + BULK_CHUNK);
            jdbc.update("insert into domain_event_entry (global_index, aggregate_identifier, sequence_number, type, event_identifier, "
                            + "meta_data, payload, payload_revision, payload_type, time_stamp) "
                            + "select ? + g, 'bulk-' || (g / 10), g % 10, 'Endorsement', gen_random_uuid()::text, ?, ?, null, ?, ? "
                            + "from generate_series(?::bigint, ?::bigint) g",
                    first, metaData, payload, Endorsed.class.getName(), "2026-12-01T09:00:00Z", from, to - 1);
            System.out.printf(Locale.ROOT, "event store: %,d of %,d stored%n", stored + to, events);
        }
        constraints.forEach(constraint -> jdbc.execute("alter table domain_event_entry add constraint " + constraint.get("conname") + " "
                + constraint.get("definition")));
        // the engine's next global index comes from an identity column or from Hibernate's own sequence, whichever it made
        String sequence = jdbc.queryForObject("select coalesce(pg_get_serial_sequence('domain_event_entry', 'global_index'), "
                + "(select string_agg(schemaname || '.' || sequencename, ',') from pg_sequences))", String.class);
        if (sequence == null || sequence.contains(",")) {
            throw new IllegalStateException("cannot tell which sequence gives the event store's global index: " + sequence);
        }
        jdbc.queryForObject("select setval(?, (select max(global_index) from domain_event_entry))", Long.class, sequence);
        jdbc.execute("analyze domain_event_entry");
    }

    /** Events per second read from the store and decoded, {@value #READ} of them after the token given (null: the start). */
    private static double read(JpaEventStorageEngine store, TrackingToken after) {
        long started = System.nanoTime();
        long decoded;
        try (Stream<? extends TrackedEventMessage<?>> stream = store.readEvents(after, false)) {
            decoded = stream.limit(READ).map(TrackedEventMessage::getPayload).filter(Endorsed.class::isInstance).count();
        }
        double perSecond = decoded / ((System.nanoTime() - started) / 1e9);
        System.out.printf(Locale.ROOT, "event store: %,d events read and decoded from %s: %,.0f events/s%n", decoded,
                after == null ? "the start" : "near the end", perSecond);
        return perSecond;
    }
}
