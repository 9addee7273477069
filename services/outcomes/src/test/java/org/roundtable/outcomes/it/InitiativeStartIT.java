package org.roundtable.outcomes.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import org.roundtable.events.EventEnvelope;
import org.roundtable.events.Role;
import org.roundtable.events.commissioning.DecisionOutcome;
import org.roundtable.events.commissioning.DecisionReached;
import org.roundtable.events.outcomes.InitiativeStarted;
import org.roundtable.events.proposals.ProposalSubmitted;
import org.roundtable.outcomes.domain.Initiative;
import org.roundtable.testsupport.Eventually;
import org.roundtable.testsupport.Topics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roundtable.outcomes.HeardEvents.GRANTED;
import static org.roundtable.outcomes.HeardEvents.decided;
import static org.roundtable.outcomes.HeardEvents.pledged;
import static org.roundtable.outcomes.HeardEvents.submitted;

class InitiativeStartIT extends OutcomesIntegrationTest {

    @Test
    void anApprovalStartsExactlyOneInitiativeEvenWhenTheDecisionIsRedeliveredOrRepublished() throws Exception {
        String proposalId = UUID.randomUUID().toString();
        String caseId = UUID.randomUUID().toString();
        String area = area();
        EventEnvelope submission = envelope(proposalId, submitted(proposalId, area, "amara", "chen"));
        EventEnvelope approval = envelope(caseId, decided(caseId, proposalId, DecisionOutcome.APPROVED));
        EventEnvelope republished = envelope(caseId, decided(caseId, proposalId, DecisionOutcome.APPROVED));

        send(submission, approval, approval, republished, submission);
        awaitHandled(submission, approval, republished);

        String initiativeId = Initiative.idFor(caseId);
        Set<String> heard = Set.of(submission.id(), approval.id(), republished.id());
        List<ConsumerRecord<String, byte[]>> started;
        try (KafkaConsumer<String, byte[]> consumer = Topics.consumer("roundtable.outcomes")) {
            List<ConsumerRecord<String, byte[]>> firstSeen = Topics.readUntil(consumer, WAIT,
                    record -> isStarted(record, initiativeId) || heard.contains(Topics.header(record, "ce_id")), kept -> !kept.isEmpty());
            started = new ArrayList<>(firstSeen);
            started.addAll(Topics.readUntil(consumer, Duration.ofSeconds(5),
                    record -> isStarted(record, initiativeId) || heard.contains(Topics.header(record, "ce_id")), kept -> false));
        }
        assertThat(started).as("the initiative's start, and none of the events heard").hasSize(1);
        assertThat(isStarted(started.get(0), initiativeId)).isTrue();
        assertThat(jdbc.queryForList("select payload_type from domain_event_entry where event_identifier in (?, ?, ?)",
                String.class, submission.id(), approval.id(), republished.id()))
                .as("each event heard is kept once in the event store, redelivered or not")
                .containsExactlyInAnyOrder(ProposalSubmitted.class.getName(), DecisionReached.class.getName(), DecisionReached.class.getName());
        EventEnvelope envelope = codec.decode(started.get(0));
        assertThat(envelope.actor().role()).isEqualTo(Role.SYSTEM);
        assertThat(envelope.correlationId()).isIn(approval.correlationId(), submission.correlationId());
        InitiativeStarted event = envelope.dataAs(InitiativeStarted.class);
        assertThat(event.proposalId()).isEqualTo(proposalId);
        assertThat(event.caseId()).isEqualTo(caseId);
        assertThat(event.funding()).isEqualTo(GRANTED);
        assertThat(event.coDesignerIds()).containsExactly("amara", "chen");
        assertThat(event.indicators()).extracting(i -> i.indicatorId() + ": " + i.name())
                .containsExactly("indicator-1: More connection between neighbours", "indicator-2: Fewer people feeling alone");
        assertThat(storedEventTypes(initiativeId)).containsExactly("InitiativeStarted");

        Eventually.within(WAIT, () -> {
            JsonNode detail = detail(initiativeId).body();
            assertThat(detail.get("status").asText()).isEqualTo("IN_DELIVERY");
            assertThat(detail.get("serviceArea").asText()).isEqualTo(area);
            assertThat(detail.get("funding").get("amount").decimalValue()).isEqualByComparingTo("1000.00");
            assertThat(detail.get("indicators")).extracting(i -> i.get("defined").asBoolean()).containsExactly(false, false);
        });
        assertThat(api().get("/api/outcomes/initiatives?serviceArea=" + area, auditor("hana")).body().get("totalItems").asInt()).isEqualTo(1);
    }

    @Test
    void aRejectionOrADecisionWithoutQuorumStartsNone() throws Exception {
        String rejectedProposal = UUID.randomUUID().toString();
        String rejectedCase = UUID.randomUUID().toString();
        String undecidedProposal = UUID.randomUUID().toString();
        String undecidedCase = UUID.randomUUID().toString();
        String area = area();
        EventEnvelope[] news = {
                envelope(rejectedProposal, submitted(rejectedProposal, area, "amara")),
                envelope(rejectedCase, decided(rejectedCase, rejectedProposal, DecisionOutcome.REJECTED)),
                envelope(undecidedCase, decided(undecidedCase, undecidedProposal, DecisionOutcome.NO_QUORUM)),
                envelope(undecidedProposal, submitted(undecidedProposal, area, "amara"))};

        send(news);
        awaitHandled(news);

        assertThat(storedEventTypes(Initiative.idFor(rejectedCase))).isEmpty();
        assertThat(storedEventTypes(Initiative.idFor(undecidedCase))).isEmpty();
        assertThat(detail(Initiative.idFor(rejectedCase)).status()).isEqualTo(404);
        assertThat(api().get("/api/outcomes/initiatives?serviceArea=" + area, auditor("hana")).body().get("totalItems").asInt()).isZero();
    }

    @Test
    void newsInAnyOrderEndsInOneInitiativeExpectingEveryPledgeNotWithdrawn() throws Exception {
        String proposalId = UUID.randomUUID().toString();
        String caseId = UUID.randomUUID().toString();
        String initiativeId = Initiative.idFor(caseId);
        EventEnvelope earlyPledge = envelope(proposalId, pledged(proposalId, "early-" + proposalId, "bill", 8));
        EventEnvelope earlyWithdrawnFirst = envelope(proposalId, withdrawn(proposalId, "ghost-" + proposalId, "eve"));
        EventEnvelope ghostPledge = envelope(proposalId, pledged(proposalId, "ghost-" + proposalId, "eve", 2));
        EventEnvelope approval = envelope(caseId, decided(caseId, proposalId, DecisionOutcome.APPROVED));
        EventEnvelope submission = envelope(proposalId, submitted(proposalId, area(), "amara"));

        send(earlyPledge, earlyWithdrawnFirst, ghostPledge, approval);
        awaitHandled(earlyPledge, earlyWithdrawnFirst, ghostPledge, approval);
        assertThat(storedEventTypes(initiativeId)).as("nothing starts before the proposal is known").isEmpty();

        send(submission);
        Eventually.within(WAIT, () -> assertThat(storedEventTypes(initiativeId)).containsExactly("InitiativeStarted", "ContributionExpected"));

        EventEnvelope latePledge = envelope(proposalId, pledged(proposalId, "late-" + proposalId, "chen", 4));
        EventEnvelope earlyWithdrawn = envelope(proposalId, withdrawn(proposalId, "early-" + proposalId, "bill"));
        send(latePledge, earlyWithdrawn, latePledge);
        awaitHandled(latePledge, earlyWithdrawn);

        assertThat(storedEventTypes(initiativeId))
                .containsExactly("InitiativeStarted", "ContributionExpected", "ContributionExpected", "ContributionReleased");
        Eventually.within(WAIT, () -> {
            JsonNode assets = detail(initiativeId).body().get("assets");
            assertThat(assets.get("pledged")).extracting(p -> p.get("pledgeId").asText() + " released=" + p.get("released").asBoolean())
                    .containsExactly("early-" + proposalId + " released=true", "late-" + proposalId + " released=false");
            assertThat(assets.get("pledgesExpected").asInt()).isEqualTo(1);
            assertThat(assets.get("pledgedHoursPerMonth").asInt()).isEqualTo(4);
        });
    }

    private static boolean isStarted(ConsumerRecord<String, byte[]> record, String initiativeId) {
        return initiativeId.equals(record.key()) && "org.roundtable.outcomes.InitiativeStarted.v1".equals(Topics.header(record, "ce_type"));
    }
}
