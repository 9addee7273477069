package org.roundtable.audit.ledger;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.roundtable.audit.ledger.LedgerStore.ChainState;
import org.roundtable.audit.verifier.ChainId;
import org.roundtable.events.Source;
import org.roundtable.kit.domain.RuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.stereotype.Component;
import org.springframework.util.backoff.FixedBackOff;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The ledger's own Kafka consumer of all four topics, separate from the kit's inbox because the ledger records every
 * record raw, including event types it does not know. It reads committed records only, in batches; each batch is
 * appended in one database transaction ({@link LedgerAppender}) and the offsets are committed to Kafka after it.
 *
 * <p>The database, not the consumer group, says where reading resumes: when partitions are assigned the consumer
 * seeks to each chain's next offset as stored with the entries, or to the beginning for a chain not begun. So an
 * instance on an empty database reads every topic from the beginning, which is what a rebuild is; and a batch that
 * failed is read again from where the last committed transaction ended, never skipped. A failure to append (the
 * database unreachable) is retried every second until it succeeds.
 *
 * <p>An instance with {@code roundtable.audit.ledger.start-automatically=false} reads nothing until a rebuild is
 * requested ({@link #rebuild()}); the rebuild reads with a fresh consumer group, so the live ledger's group is not
 * disturbed, and its progress is reported by {@link #progress()}.
 */
@Component
public class LedgerConsumer implements SmartLifecycle, BatchMessageListener<String, byte[]>, ConsumerSeekAware {

    private static final Logger log = LoggerFactory.getLogger(LedgerConsumer.class);

    private final LedgerAppender appender;
    private final LedgerStore store;
    private final AuditProperties properties;
    private final KafkaProperties kafkaProperties;
    private final Clock clock;
    private ConcurrentMessageListenerContainer<String, byte[]> container;
    private DefaultKafkaConsumerFactory<String, byte[]> consumers;
    private String group;
    private Instant startedAt;
    private boolean rebuilding;
    private boolean running;

    public LedgerConsumer(LedgerAppender appender, LedgerStore store, AuditProperties properties, KafkaProperties kafkaProperties,
                          Clock clock) {
        this.appender = appender;
        this.store = store;
        this.properties = properties;
        this.kafkaProperties = kafkaProperties;
        this.clock = clock;
    }

    @Override
    public synchronized void start() {
        running = true;
        appender.catchUpLog();
        if (properties.ledger().startAutomatically()) {
            startReading(properties.ledger().group());
        } else {
            log.info("ledger: waiting for a rebuild to be requested before reading the topics");
        }
    }

    /** Starts reading every topic from the beginning into this instance's empty ledger, with a fresh consumer group. */
    public synchronized Progress rebuild() {
        if (container != null) {
            throw new RuleViolation("this ledger is already reading the topics; a rebuild runs on an instance started with an empty "
                    + "database and roundtable.audit.ledger.start-automatically=false");
        }
        if (!store.isEmpty()) {
            throw new RuleViolation("a rebuild goes into an empty ledger, and this one holds " + store.count() + " entries");
        }
        rebuilding = true;
        startReading(properties.ledger().group() + "-rebuild-" + clock.millis());
        return progress();
    }

    private void startReading(String group) {
        Map<String, Object> config = new HashMap<>(kafkaProperties.buildConsumerProperties());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, properties.ledger().maxPollRecords());
        consumers = new DefaultKafkaConsumerFactory<>(config);
        ContainerProperties containerProperties = new ContainerProperties(topics());
        containerProperties.setGroupId(group);
        containerProperties.setMessageListener(this);
        containerProperties.setAckMode(ContainerProperties.AckMode.BATCH);
        container = new ConcurrentMessageListenerContainer<>(consumers, containerProperties);
        container.setConcurrency(1);
        container.setCommonErrorHandler(new DefaultErrorHandler(new FixedBackOff(1000, FixedBackOff.UNLIMITED_ATTEMPTS)));
        container.setBeanName("roundtableAuditLedger");
        container.start();
        this.group = group;
        this.startedAt = clock.instant();
        log.info("ledger: reading {} as {}", Arrays.toString(topics()), group);
    }

    private static String[] topics() {
        return Arrays.stream(Source.values()).map(Source::topic).toArray(String[]::new);
    }

    @Override
    public void onMessage(List<ConsumerRecord<String, byte[]>> records) {
        appender.append(records);
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        Map<ChainId, Long> next = store.chains().stream()
                .collect(Collectors.toMap(state -> state.chain().id(), ChainState::nextOffset));
        assignments.keySet().forEach(partition -> {
            Long offset = next.get(new ChainId(partition.topic(), partition.partition()));
            if (offset == null) {
                callback.seekToBeginning(List.of(partition));
            } else {
                callback.seek(partition.topic(), partition.partition(), offset);
            }
        });
    }

    /**
     * How far the ledger has read: per partition, the next offset the ledger will read (stored with the entries) and
     * the partition's end (the last stable offset); a partition is caught up when the ledger has read to its end (its
     * consumer lag is 0, which also steps over transaction markers after the last record).
     */
    public synchronized Progress progress() {
        List<PartitionProgress> partitions = new ArrayList<>();
        Map<ChainId, Long> next = store.chains().stream().collect(Collectors.toMap(state -> state.chain().id(), ChainState::nextOffset));
        Map<String, Double> lags = lags();
        if (consumers != null) {
            try (Consumer<String, byte[]> probe = consumers.createConsumer(group + "-progress", "-progress")) {
                List<TopicPartition> all = new ArrayList<>();
                for (String topic : topics()) {
                    for (PartitionInfo info : probe.partitionsFor(topic, Duration.ofSeconds(10))) {
                        all.add(new TopicPartition(info.topic(), info.partition()));
                    }
                }
                Map<TopicPartition, Long> ends = probe.endOffsets(all, Duration.ofSeconds(10));
                all.stream().sorted(java.util.Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition))
                        .forEach(partition -> {
                            long read = next.getOrDefault(new ChainId(partition.topic(), partition.partition()), 0L);
                            long end = ends.getOrDefault(partition, 0L);
                            Double lag = lags.get(lagKey(partition.topic(), partition.partition()));
                            partitions.add(new PartitionProgress(partition.topic(), partition.partition(), read, end,
                                    read >= end || (lag != null && lag == 0.0)));
                        });
            }
        }
        State state = container == null ? State.WAITING_FOR_REBUILD
                : !partitions.isEmpty() && partitions.stream().allMatch(PartitionProgress::caughtUp) ? State.CAUGHT_UP : State.READING;
        return new Progress(state, rebuilding, group, startedAt, store.count(), partitions);
    }

    private Map<String, Double> lags() {
        Map<String, Double> lags = new HashMap<>();
        if (container == null) {
            return lags;
        }
        for (Map<MetricName, ? extends Metric> metrics : container.metrics().values()) {
            metrics.forEach((name, metric) -> {
                if (name.name().equals("records-lag") && name.tags().containsKey("partition")
                        && metric.metricValue() instanceof Double lag && !lag.isNaN()) {
                    lags.put(lagKey(name.tags().get("topic"), Integer.parseInt(name.tags().get("partition"))), lag);
                }
            });
        }
        return lags;
    }

    private static String lagKey(String topic, int partition) {
        return topic.replace('.', '_') + "/" + partition;
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (container != null) {
            container.stop();
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return running;
    }

    /** After the web server and everything else has started, before they stop (as the kit's inbox). */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 4096;
    }

    public enum State { WAITING_FOR_REBUILD, READING, CAUGHT_UP }

    /**
     * @param rebuilding whether this instance is rebuilding its ledger from the beginning of the topics
     * @param entries    the entries in this instance's ledger
     */
    public record Progress(State state, boolean rebuilding, String group, Instant startedAt, long entries,
                           List<PartitionProgress> partitions) {
    }

    /**
     * @param nextOffset the next offset of the partition the ledger will read
     * @param endOffset  the partition's last stable offset now
     */
    public record PartitionProgress(String topic, int partition, long nextOffset, long endOffset, boolean caughtUp) {
    }
}
