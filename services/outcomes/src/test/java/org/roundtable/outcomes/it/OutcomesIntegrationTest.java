package org.roundtable.outcomes.it;

import org.roundtable.events.Actor;
import org.roundtable.events.EventEnvelope;
import org.roundtable.events.IntegrationEvent;
import org.roundtable.events.KafkaEnvelopeCodec;
import org.roundtable.events.Role;
import org.roundtable.events.RoundtableEvents;
import org.roundtable.events.commissioning.Allocation;
import org.roundtable.events.commissioning.DecisionOutcome;
import org.roundtable.events.commissioning.DecisionReached;
import org.roundtable.events.commissioning.RollEntry;
import org.roundtable.events.commissioning.Vote;
import org.roundtable.events.participation.AssetPledged;
import org.roundtable.events.participation.PledgeWithdrawn;
import org.roundtable.events.participation.ProfileCorrected;
import org.roundtable.events.proposals.Ask;
import org.roundtable.events.proposals.Asset;
import org.roundtable.events.proposals.AssetKind;
import org.roundtable.events.proposals.CoDesigner;
import org.roundtable.events.proposals.Money;
import org.roundtable.events.proposals.ProposalContent;
import org.roundtable.events.proposals.ProposalSubmitted;
import org.roundtable.outcomes.OutcomesApplication;
import org.roundtable.outcomes.domain.Initiative;
import org.roundtable.testsupport.ApiClient;
import org.roundtable.testsupport.Eventually;
import org.roundtable.testsupport.RealInfrastructure;
import org.roundtable.testsupport.ServiceIntegrationTest;
import org.roundtable.testsupport.Topics;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The outcomes service on a real PostgreSQL and Kafka broker, one context for every test class. */
@SpringBootTest(classes = OutcomesApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"roundtable.inbox.retries=1", "roundtable.inbox.retry-interval=100ms"})
@RealInfrastructure(database = "outcomes")
abstract class OutcomesIntegrationTest extends ServiceIntegrationTest {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final Money GRANTED = new Money(new BigDecimal("1000.00"), "GBP");

    static final String SAGA_PROCESSOR = "ProposalToInitiativeProcessor";

    @Autowired
    KafkaEnvelopeCodec codec;

    /** A proposal in a service area of its own, so summaries of one test are not touched by another. */
    static ProposalSubmitted submitted(String proposalId, String serviceArea, String... coDesigners) {
        ProposalContent content = new ProposalContent("Library garden", "Neighbours grow food together", serviceArea,
                List.of(new Asset(AssetKind.PLACE, "The library's walled garden", "Central Library")),
                new Ask(GRANTED, List.of()), List.of("More connection between neighbours", "Fewer people feeling alone"));
        return new ProposalSubmitted(proposalId, 1, content,
                java.util.Arrays.stream(coDesigners).map(id -> new CoDesigner(id, Role.CITIZEN, "ideas")).toList());
    }

    static DecisionReached decided(String caseId, String proposalId, DecisionOutcome outcome) {
        return new DecisionReached(caseId, proposalId, outcome, List.of(
                new RollEntry("eli", Role.COMMISSIONER, Vote.APPROVE, "sound", false, null),
                new RollEntry("farah", Role.COMMISSIONER, null, null, true, "my partner volunteers there"),
                new RollEntry("cal", Role.CITIZEN, Vote.APPROVE, "we need it", false, null)),
                outcome == DecisionOutcome.APPROVED ? new Allocation("fund-1", GRANTED) : null, "closed by the chair", "libraries",
                List.of("dana"));
    }

    static AssetPledged pledged(String proposalId, String pledgeId, String participantId, int hoursPerMonth) {
        return new AssetPledged(proposalId, pledgeId, participantId, "Neighbour " + participantId, AssetKind.TIME, "Digging on Saturdays",
                hoursPerMonth);
    }

    static PledgeWithdrawn withdrawn(String proposalId, String pledgeId, String participantId) {
        return new PledgeWithdrawn(proposalId, pledgeId, participantId);
    }

    /** An envelope as the publishing service's relay would write it. */
    static EventEnvelope envelope(String subject, IntegrationEvent event) {
        return new EventEnvelope(UUID.randomUUID().toString(), RoundtableEvents.CATALOG.typeOf(event.getClass()), subject, Instant.now(),
                Actor.of("someone", Role.SYSTEM), "corr-" + subject, null, 0L, event);
    }

    /** Participation's news of someone's profile as it now stands: named publicly by their consent, or not. */
    void profile(String participantId, String name, boolean namedPublicly) throws Exception {
        EventEnvelope profile = envelope(participantId, new ProfileCorrected(participantId, namedPublicly ? name : "Neighbour ZZZZZZ",
                namedPublicly, List.of(Role.CITIZEN), "Northfield", null, null, null, false));
        send(profile);
        awaitHandled(profile);
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
