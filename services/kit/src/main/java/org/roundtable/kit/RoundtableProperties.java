package org.roundtable.kit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings every Roundtable service shares, under {@code roundtable.*}.
 *
 * @param service the service's name, e.g. {@code proposals}: it names the topic the service publishes to (if any)
 *                and the consumer group it reads other services' topics with
 */
@ConfigurationProperties(prefix = "roundtable")
public record RoundtableProperties(String service, @DefaultValue Relay relay, @DefaultValue Inbox inbox,
                                   @DefaultValue Topics topics, @DefaultValue DeadLetters deadLetters,
                                   @DefaultValue Processors processors, @DefaultValue Commands commands) {

    public RoundtableProperties {
        if (service == null || !service.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("roundtable.service must name the service in lower case, was '" + service + "'");
        }
    }

    /**
     * The event-store-to-Kafka relay.
     *
     * @param batchSize             stored events published in one Kafka transaction
     * @param transactionIdPrefix   prefix of the relay producer's transactional id; stable across restarts so a
     *                              restarted relay fences its predecessor (blank: {@code roundtable-<service>-relay-})
     * @param maxBlock              how long a send may wait for an unreachable broker before the batch is retried
     */
    public record Relay(@DefaultValue("true") boolean enabled,
                        @DefaultValue("100") int batchSize,
                        @DefaultValue("") String transactionIdPrefix,
                        @DefaultValue("10s") Duration maxBlock) {
    }

    /**
     * The idempotent consumer of other services' topics.
     *
     * @param retries       attempts after the first before a failing record goes to the dead-letter topic
     * @param retryInterval pause between attempts
     * @param group         the consumer group; the kit's defaults set it to {@code roundtable-<service>}, and a second copy
     *                      of a service that keeps its own database needs a group of its own
     */
    public record Inbox(@DefaultValue("true") boolean enabled,
                        @DefaultValue("2") int retries,
                        @DefaultValue("500ms") Duration retryInterval,
                        @DefaultValue("1") int concurrency,
                        String group) {

        public Inbox {
            if (group == null || group.isBlank()) {
                throw new IllegalArgumentException("roundtable.inbox.group must name the inbox's consumer group");
            }
        }
    }

    /**
     * Events a projection or the relay cannot handle.
     *
     * @param attempts times a failing event is handled (the processor backs off between them, 1 s, 2 s, 4 s, ...) before
     *                 it is set aside as a dead letter and the processor goes on
     */
    public record DeadLetters(@DefaultValue("3") int attempts) {
    }

    /**
     * The tracking processors of the service's projections, shared by every instance of the service through the
     * claims on their tokens in the service's database.
     *
     * @param segments the segments a processor's events are split into (by aggregate, so one aggregate's events keep
     *                 their order) when its tokens are first created; each instance runs as many threads, so a single
     *                 instance can carry them all, and an instance that stops leaves its segments to the others once
     *                 their claims time out
     * @param node     the name this instance claims segments under (blank: the JVM's {@code pid@host}, unique on a
     *                 machine); two instances in one JVM need names of their own
     */
    public record Processors(@DefaultValue("2") int segments, @DefaultValue("") String node) {

        public Processors {
            if (segments < 1) {
                throw new IllegalArgumentException("roundtable.processors.segments must be at least 1, was " + segments);
            }
        }
    }

    /**
     * Commands refused because another instance of the service appended to the same aggregate at the same moment.
     *
     * @param retries      times such a command is sent again, on the aggregate as it then stands, before its sender is
     *                     told of the conflict (0: never)
     * @param retryBackoff the wait before the first retry; each further one waits about twice as long, up to 32 times
     *                     this (with the defaults, about 1.3 s in all when every retry is refused)
     */
    public record Commands(@DefaultValue("8") int retries, @DefaultValue("10ms") Duration retryBackoff) {

        public Commands {
            if (retries < 0) {
                throw new IllegalArgumentException("roundtable.commands.retries must not be negative, was " + retries);
            }
        }
    }

    /** Topics this service creates at start when they are missing. */
    public record Topics(@DefaultValue("3") int partitions, @DefaultValue("1") short replicationFactor) {
    }

    public String relayTransactionIdPrefix() {
        return relay.transactionIdPrefix().isBlank() ? "roundtable-" + service + "-relay-" : relay.transactionIdPrefix();
    }

    public String consumerGroup() {
        return inbox.group();
    }
}
