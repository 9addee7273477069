package org.roundtable.outcomes.it;

import org.roundtable.events.Actor;
import org.roundtable.events.EventEnvelope;
import org.roundtable.events.IntegrationEvent;
import org.roundtable.events.KafkaEnvelopeCodec;
import org.roundtable.events.Role;
import org.roundtable.events.RoundtableEvents;
import org.roundtable.events.commissioning.DecisionOutcome;
import org.roundtable.events.participation.PledgeWithdrawn;
import org.roundtable.events.participation.ProfileCorrected;
import org.roundtable.kit.names.ProfileConsents;
import org.roundtable.outcomes.OutcomesApplication;
import org.roundtable.outcomes.domain.Initiative;
import org.roundtable.testsupport.ApiClient;
import org.roundtable.testsupport.Eventually;
import org.roundtable.testsupport.RealInfrastructure;
import org.roundtable.testsupport.ServiceIntegrationTest;
import org.roundtable.testsupport.Topics;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roundtable.outcomes.HeardEvents.decided;
import static org.roundtable.outcomes.HeardEvents.submitted;

/** The outcomes service on a real PostgreSQL and Kafka broker, one context for every test class. */
@SpringBootTest(classes = OutcomesApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"roundtable.inbox.retries=1", "roundtable.inbox.retry-interval=100ms"})
@RealInfrastructure(database = "outcomes")
abstract class OutcomesIntegrationTest extends ServiceIntegrationTest {

    static final Duration WAIT = Duration.ofSeconds(60);

    static final String SAGA_PROCESSOR = "ProposalToInitiativeProcessor";

    @Autowired
    KafkaEnvelopeCodec codec;

    static PledgeWithdrawn withdrawn(String proposalId, String pledgeId, String participantId) {
        return new PledgeWithdrawn(proposalId, pledgeId, participantId);
    }

    /** An envelope as the publishing service's relay would write it. */
    static EventEnvelope envelope(String subject, IntegrationEvent event) {
        return new EventEnvelope(UUID.randomUUID().toString(), RoundtableEvents.CATALOG.typeOf(event.getClass()), subject, Instant.now(),
                Actor.of("someone", Role.SYSTEM), "corr-" + subject, null, 0L, event);
    }

    /**
     * Participation's news of someone's profile as it now stands: named publicly by their consent, or not; returns once
     * the consents this service keeps hold it.
     */
    void profile(String participantId, String name, boolean namedPublicly) throws Exception {
        EventEnvelope profile = envelope(participantId, new ProfileCorrected(participantId, namedPublicly ? name : "Neighbour ZZZZZZ",
                namedPublicly, List.of(Role.CITIZEN), "Northfield", null, null, null, false));
        send(profile);
        awaitHandled(profile);
        awaitProcessed(ProfileConsents.PROCESSING_GROUP, WAIT);
    }

    void send(EventEnvelope... envelopes) {
        for (EventEnvelope envelope : envelopes) {
            Topics.send(codec.encode(envelope));
        }
    }

    /** Waits until the inbox has handled the events and the saga has read everything the event store held by then. */
    void awaitHandled(EventEnvelope... envelopes) throws Exception {
        Eventually.within(WAIT, () -> {
            for (EventEnvelope envelope : envelopes) {
                assertThat(jdbc.queryForObject("select count(*) from roundtable_inbox where event_id = ?", Integer.class, envelope.id()))
                        .as("inbox has handled %s", envelope.type()).isEqualTo(1);
            }
        });
        awaitProcessed(SAGA_PROCESSOR, WAIT);
    }

    /** Submits and approves a fresh proposal with two co-designers and waits for its initiative to be readable. */
    String startedInitiative(String serviceArea, String... coDesigners) throws Exception {
        String proposalId = UUID.randomUUID().toString();
        String caseId = UUID.randomUUID().toString();
        send(envelope(proposalId, submitted(proposalId, serviceArea, coDesigners)),
                envelope(caseId, decided(caseId, proposalId, DecisionOutcome.APPROVED)));
        String initiativeId = Initiative.idFor(caseId);
        Eventually.within(WAIT, () -> assertThat(api().get("/api/outcomes/initiatives/" + initiativeId, auditor("hana")).status()).isEqualTo(200));
        return initiativeId;
    }

    ApiClient.Response detail(String initiativeId) {
        return api().get("/api/outcomes/initiatives/" + initiativeId, auditor("hana"));
    }

    static String area() {
        return "area-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
