package org.roundtable.events;

import java.util.Arrays;
import java.util.Locale;

/**
 * The services that publish events, one Kafka topic each. Records are keyed by aggregate id, so the events of one
 * aggregate stay in order on one partition. Every topic has a dead-letter topic beside it for records a consumer
 * could not handle.
 */
public enum Source {
    PROPOSALS,
    PARTICIPATION,
    COMMISSIONING,
    OUTCOMES;

    private static final String TOPIC_PREFIX = "roundtable.";
    private static final String DEAD_LETTER_SUFFIX = ".dlt";

    /** The service name, e.g. {@code proposals}. */
    public String service() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The topic the service publishes to, e.g. {@code roundtable.proposals}. */
    public String topic() {
        return TOPIC_PREFIX + service();
    }

    /** Where records of {@link #topic()} that could not be handled go, e.g. {@code roundtable.proposals.dlt}. */
    public String deadLetterTopic() {
        return deadLetterTopicOf(topic());
    }

    /** The CloudEvents {@code source} attribute, e.g. {@code /roundtable/proposals}. */
    public String uri() {
        return "/roundtable/" + service();
    }

    public static String deadLetterTopicOf(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }

    /** The topic whose dead letters a dead-letter topic holds: {@code roundtable.proposals} for {@code roundtable.proposals.dlt}. */
    public static String topicOfDeadLetterTopic(String deadLetterTopic) {
        if (!deadLetterTopic.endsWith(DEAD_LETTER_SUFFIX)) {
            throw new IllegalArgumentException("'" + deadLetterTopic + "' is not a dead-letter topic");
        }
        return deadLetterTopic.substring(0, deadLetterTopic.length() - DEAD_LETTER_SUFFIX.length());
    }

    public static Source ofService(String service) {
        return Arrays.stream(values())
                .filter(source -> source.service().equals(service))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no Roundtable service publishes as '" + service + "'"));
    }

    public static Source ofUri(String uri) {
        return Arrays.stream(values())
                .filter(source -> source.uri().equals(uri))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown event source '" + uri + "'"));
    }
}
