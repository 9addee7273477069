package org.roundtable.proposals.it;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import org.roundtable.events.Source;
import org.roundtable.events.Actor;
import org.roundtable.events.EventEnvelope;
import org.roundtable.events.KafkaEnvelopeCodec;
import org.roundtable.events.Role;
import org.roundtable.events.RoundtableEvents;
import org.roundtable.events.commissioning.Allocation;
import org.roundtable.events.commissioning.DecisionCaseOpened;
import org.roundtable.events.commissioning.DecisionOutcome;
import org.roundtable.events.commissioning.DecisionReached;
import org.roundtable.events.commissioning.RollEntry;
import org.roundtable.events.commissioning.Vote;
import org.roundtable.events.proposals.Money;
import org.roundtable.events.proposals.ProposalSubmitted;
import org.roundtable.testsupport.ApiClient;
import org.roundtable.testsupport.Eventually;
import org.roundtable.testsupport.Topics;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class SubmissionAndDecisionIT extends ProposalsIntegrationTest {

    @Autowired
    KafkaEnvelopeCodec codec;

    @Test
    void submittingPublishesProposalSubmittedNamingTheActorAndEveryCoDesigner() {
        String id = submitted("citizen-ada", "staff-ben");

        List<ConsumerRecord<String, byte[]>> records;
        try (KafkaConsumer<String, byte[]> consumer = Topics.consumer("roundtable.proposals")) {
            records = Topics.readUntil(consumer, Duration.ofSeconds(60),
                    record -> id.equals(record.key()) && "org.roundtable.proposals.ProposalSubmitted.v1".equals(Topics.header(record, "ce_type")),
                    kept -> !kept.isEmpty());
        }

        assertThat(records).hasSize(1);
        EventEnvelope envelope = codec.decode(records.get(0));
        assertThat(envelope.actor()).isEqualTo(new Actor("staff-ben", Role.STAFF, "Staff staff-ben"));
        assertThat(envelope.subject()).isEqualTo(id);
        ProposalSubmitted submitted = envelope.dataAs(ProposalSubmitted.class);
        assertThat(submitted.content().title()).isEqualTo("Library garden");
        assertThat(submitted.content().serviceArea()).isEqualTo("libraries");
        assertThat(submitted.coDesigners()).extracting(c -> c.participantId() + "/" + c.role())
                .containsExactly("citizen-ada/CITIZEN", "staff-ben/STAFF");
    }

    @Test
    void aDecisionFromKafkaCommissionsTheProposalExactlyOnceEvenWhenRedelivered() throws Exception {
        String id = submitted("citizen-cy", "staff-dee");
        String caseId = UUID.randomUUID().toString();
        EventEnvelope opened = fromCommissioning(caseId, new DecisionCaseOpened(caseId, id, "Library garden", "libraries", null));
        Money granted = new Money(new BigDecimal("1000.00"), "GBP");
        EventEnvelope decided = fromCommissioning(caseId, new DecisionReached(caseId, id, DecisionOutcome.APPROVED,
                List.of(new RollEntry("commissioner-1", Role.COMMISSIONER, Vote.APPROVE, "builds on the garden", false, null),
                        new RollEntry("citizen-panel", Role.CITIZEN, Vote.APPROVE, "neighbours asked for it", false, null)),
                new Allocation("fund-1", granted), "closed by the chair"));

        Topics.send(codec.encode(opened), codec.encode(decided), codec.encode(decided), codec.encode(opened));

        Eventually.within(Duration.ofSeconds(60), () -> {
            ApiClient.Response proposal = api().get("/api/proposals/" + id, citizen("anyone"));
            assertThat(proposal.body().get("status").asText()).isEqualTo("COMMISSIONED");
        });
        awaitInboxHandled(Source.COMMISSIONING.topic());
        assertThat(storedEventTypes(id)).containsExactly("ProposalDrafted", "CoDesignerInvited", "CoDesignerJoined",
                "ProposalSubmitted", "ProposalUnderDecision", "ProposalCommissioned");
        ApiClient.Response proposal = api().get("/api/proposals/" + id, citizen("anyone"));
        assertThat(proposal.body().get("caseId").asText()).isEqualTo(caseId);
        assertThat(proposal.body().get("allocated").get("amount").decimalValue()).isEqualByComparingTo("1000.00");
        assertThat(proposal.body().get("statusHistory")).extracting(change -> change.get("status").asText())
                .containsExactly("DRAFT", "SUBMITTED", "UNDER_DECISION", "COMMISSIONED");
        assertThat(proposal.body().get("statusHistory").get(3).get("actorRole").asText()).isEqualTo("SYSTEM");
        assertThat(proposal.body().get("statusHistory").get(3).get("caseId").asText()).isEqualTo(caseId);
    }

    @Test
    void aRejectionDeclinesTheProposal() throws Exception {
        String id = submitted("citizen-eve", "staff-fay");
        String caseId = UUID.randomUUID().toString();

        Topics.send(codec.encode(fromCommissioning(caseId, new DecisionCaseOpened(caseId, id, "Library garden", "libraries", null))),
                codec.encode(fromCommissioning(caseId, new DecisionReached(caseId, id, DecisionOutcome.REJECTED, List.of(), null, "closed by the chair"))));

        Eventually.within(Duration.ofSeconds(60), () ->
                assertThat(api().get("/api/proposals/" + id, citizen("anyone")).body().get("status").asText()).isEqualTo("DECLINED"));
    }

    private static EventEnvelope fromCommissioning(String caseId, org.roundtable.events.IntegrationEvent event) {
        return new EventEnvelope(UUID.randomUUID().toString(), RoundtableEvents.CATALOG.typeOf(event.getClass()), caseId, Instant.now(),
                Actor.of("commissioner-1", Role.COMMISSIONER), "corr-" + caseId, null, 0L, event);
    }
}
