package org.roundtable.kit.it;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.roundtable.testsupport.ApiClient;
import org.roundtable.testsupport.Eventually;
import org.roundtable.testsupport.Topics;
import org.roundtable.events.EventEnvelope;
import org.roundtable.events.KafkaEnvelopeCodec;
import org.roundtable.testsupport.SharedInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class RelayOutageIT extends KitIntegrationTest {

    private static final int RENAMES_PER_SAMPLE = 10;

    @Autowired
    KafkaEnvelopeCodec codec;

    @Autowired
    MeterRegistry meters;

    @AfterEach
    void brokerIsBack() {
        if (!SharedInfrastructure.kafka().isRunning()) {
            SharedInfrastructure.kafka().start();
        }
    }

    @Test
    void eventsStoredWhileTheBrokerIsUnreachableArriveOnceEachAndInAggregateOrderWhenItReturns() throws Exception {
        String token = citizenToken("citizen-outage");
        String first = createSample(token, "Repair cafe");
        String second = createSample(token, "Tool library");
        long storedBefore = storedEvents();
        double failedBefore = relayFailures();

        SharedInfrastructure.kafka().stop();
        for (int i = 1; i <= RENAMES_PER_SAMPLE; i++) {
            for (String id : List.of(first, second)) {
                ApiClient.Response renamed = send("PUT", "/api/samples/" + id + "/title", token,
                        JSON.writeValueAsString(Map.of("title", "Revision " + i)));
                assertThat(renamed.status()).isEqualTo(200);
            }
        }
        assertThat(storedEvents()).isEqualTo(storedBefore + 2L * RENAMES_PER_SAMPLE);
        Eventually.within(Duration.ofSeconds(60), () -> assertThat(relayFailures()).as("relay batches failed while the broker was away")
                .isGreaterThan(failedBefore));
        SharedInfrastructure.kafka().start();

        int expectedPerSample = 1 + RENAMES_PER_SAMPLE;
        Eventually.within(Duration.ofSeconds(150), () -> assertThat(meters.find("roundtable.relay.lag").gauge().value())
                .as("stored events not yet published").isZero());
        List<ConsumerRecord<String, byte[]>> records = Topics.readToEnd("roundtable.proposals").stream()
                .filter(record -> Set.of(first, second).contains(record.key())).toList();
        assertThat(records).hasSize(2 * expectedPerSample);

        List<EventEnvelope> envelopes = records.stream().map(codec::decode).toList();
        Set<String> ids = new HashSet<>();
        envelopes.forEach(envelope -> assertThat(ids.add(envelope.id())).as("event %s arrives once", envelope.id()).isTrue());
        Map<String, List<Long>> sequences = envelopes.stream().collect(Collectors.groupingBy(EventEnvelope::subject,
                Collectors.mapping(EventEnvelope::sequence, Collectors.toList())));
        List<Long> inOrder = java.util.stream.LongStream.range(0, expectedPerSample).boxed().toList();
        assertThat(sequences.get(first)).isEqualTo(inOrder);
        assertThat(sequences.get(second)).isEqualTo(inOrder);
    }

    private double relayFailures() {
        return meters.find("roundtable.relay.failures").counters().stream().mapToDouble(Counter::count).sum();
    }
}
