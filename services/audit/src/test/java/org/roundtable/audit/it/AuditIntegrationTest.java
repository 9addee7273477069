package org.roundtable.audit.it;

import org.roundtable.audit.AuditApplication;
import org.roundtable.audit.ledger.LedgerConsumer;
import org.roundtable.events.Actor;
import org.roundtable.events.EventEnvelope;
import org.roundtable.events.IntegrationEvent;
import org.roundtable.events.KafkaEnvelopeCodec;
import org.roundtable.events.Role;
import org.roundtable.events.RoundtableEvents;
import org.roundtable.events.commissioning.Allocation;
import org.roundtable.events.commissioning.DecisionCaseOpened;
import org.roundtable.events.commissioning.DecisionOutcome;
import org.roundtable.events.commissioning.DecisionReached;
import org.roundtable.events.commissioning.RollEntry;
import org.roundtable.events.commissioning.Vote;
import org.roundtable.events.commissioning.VoteCast;
import org.roundtable.events.outcomes.InitiativeStarted;
import org.roundtable.events.participation.EndorsementGiven;
import org.roundtable.events.proposals.Ask;
import org.roundtable.events.proposals.Asset;
import org.roundtable.events.proposals.AssetKind;
import org.roundtable.events.proposals.Money;
import org.roundtable.events.proposals.ProposalContent;
import org.roundtable.events.proposals.ProposalDrafted;
import org.roundtable.testsupport.Eventually;
import org.roundtable.testsupport.RealInfrastructure;
import org.roundtable.testsupport.ServiceIntegrationTest;
import org.roundtable.testsupport.TestTokens;
import org.roundtable.testsupport.Topics;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit service on a real PostgreSQL (database {@code audit}) and a real Kafka broker, one context for every
 * integration test class of the module. Events reach it the way they reach it in production: as CloudEvents records
 * on the four topics, written by {@link KafkaEnvelopeCodec}. Helpers publish realistic events and wait for the
 * ledger to hold them.
 */
@SpringBootTest(classes = AuditApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"roundtable.audit.signing-key=target/audit-it/live-ledger-signing-key.pem",
                "roundtable.audit.generate-signing-key=true",
                "roundtable.audit.witnesses-file=target/audit-it/witnesses.vkey",
                "roundtable.audit.checkpoint-interval=2s"})
@RealInfrastructure(database = "audit")
public abstract class AuditIntegrationTest extends ServiceIntegrationTest {

    protected static final Duration LEDGER_WAIT = Duration.ofSeconds(60);

    @Autowired
    protected KafkaEnvelopeCodec codec;

    @Autowired
    private LedgerConsumer ledgerConsumer;

    protected static String auditor() {
        return TestTokens.shared().mint("auditor-ann", "Auditor Ann", "AUDITOR");
    }

    /** An envelope as the source service's relay would write it: a fresh event id, the catalogued type, now. */
    protected static EventEnvelope envelope(String subject, Actor actor, IntegrationEvent event) {
        return envelope(subject, actor, event, Instant.now(), 0L);
    }

    /** An envelope that happened at a given time, with its sequence number in its aggregate. */
    protected static EventEnvelope envelope(String subject, Actor actor, IntegrationEvent event, Instant occurredAt, long sequence) {
        return new EventEnvelope(UUID.randomUUID().toString(), RoundtableEvents.CATALOG.typeOf(event.getClass()), subject,
                occurredAt, actor, "corr-" + subject, null, sequence, event);
    }

    /** Publishes envelopes to their source's topic and waits until the broker acknowledged them. */
    protected void publish(EventEnvelope... envelopes) {
        Topics.send(Arrays.stream(envelopes).map(codec::encode).toArray(org.apache.kafka.clients.producer.ProducerRecord[]::new));
    }

    /** Publishes one event of a subject and returns its envelope. */
    protected EventEnvelope publish(String subject, Actor actor, IntegrationEvent event) {
        EventEnvelope envelope = envelope(subject, actor, event);
        publish(envelope);
        return envelope;
    }

    protected long ledgerSize() {
        return jdbc.queryForObject("select count(*) from ledger_entry", Long.class);
    }

    /** Waits until the ledger holds at least this many entries. */
    protected void awaitLedgerSize(long entries) throws Exception {
        Eventually.within(LEDGER_WAIT, () -> assertThat(ledgerSize()).isGreaterThanOrEqualTo(entries));
    }

    /** Waits until the ledger holds every one of these events. */
    protected void awaitLedgerHolds(EventEnvelope... envelopes) throws Exception {
        List<String> ids = Arrays.stream(envelopes).map(EventEnvelope::id).toList();
        Eventually.within(LEDGER_WAIT, () -> assertThat(jdbc.queryForList("select event_id from ledger_entry where event_id = any(?)",
                String.class, (Object) ids.toArray(String[]::new))).containsExactlyInAnyOrderElementsOf(ids));
    }

    /** Waits until the ledger has read every topic to its end: all that was published before is recorded or refused. */
    protected void awaitLedgerCaughtUp() throws Exception {
        Eventually.within(LEDGER_WAIT, () -> assertThat(ledgerConsumer.progress().partitions())
                .allSatisfy(partition -> assertThat(partition.caughtUp()).as("%s-%d", partition.topic(), partition.partition()).isTrue()));
    }

    /**
     * One proposal's journey across all four topics, with increasing times: drafted (proposals), endorsed
     * (participation), decision case opened, a vote and an approval with funds (commissioning), initiative started
     * (outcomes). Published and awaited in the ledger.
     */
    protected Journey publishJourney() throws Exception {
        String proposalId = UUID.randomUUID().toString();
        String caseId = UUID.randomUUID().toString();
        String initiativeId = UUID.randomUUID().toString();
        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(600);
        Money asked = new Money(new BigDecimal("1200.00"), "GBP");
        ProposalContent content = new ProposalContent("Library garden", "Neighbours grow food together", "libraries",
                List.of(new Asset(AssetKind.PLACE, "The library's walled garden", "Central Library")),
                new Ask(asked, List.of("raised beds")), List.of("More connection between neighbours"));
        Actor author = new Actor("citizen-ada", Role.CITIZEN, "Ada");
        Actor commissioner = Actor.of("commissioner-cy", Role.COMMISSIONER);
        List<EventEnvelope> events = new ArrayList<>();
        events.add(envelope(proposalId, author, new ProposalDrafted(proposalId, "citizen-ada", Role.CITIZEN, content), start, 0));
        events.add(envelope(proposalId, Actor.of("citizen-bo", Role.CITIZEN),
                new EndorsementGiven(proposalId, "citizen-bo", null, "we need this"), start.plusSeconds(60), 0));
        events.add(envelope(caseId, Actor.system("commissioning"),
                new DecisionCaseOpened(caseId, proposalId, "Library garden", "libraries", asked), start.plusSeconds(120), 0));
        events.add(envelope(caseId, commissioner, new VoteCast(caseId, "commissioner-cy", Vote.APPROVE, "builds on the garden", null, proposalId),
                start.plusSeconds(180), 1));
        events.add(envelope(caseId, commissioner, new DecisionReached(caseId, proposalId, DecisionOutcome.APPROVED,
                List.of(new RollEntry("commissioner-cy", Role.COMMISSIONER, Vote.APPROVE, "builds on the garden", false, null)),
                new Allocation("fund-1", new Money(new BigDecimal("1000.00"), "GBP")), "closed by the chair"), start.plusSeconds(240), 2));
        events.add(envelope(initiativeId, Actor.system("outcomes"), new InitiativeStarted(initiativeId, proposalId, caseId,
                "Library garden", "libraries", new Money(new BigDecimal("1000.00"), "GBP"), List.of()), start.plusSeconds(300), 0));
        publish(events.toArray(EventEnvelope[]::new));
        awaitLedgerHolds(events.toArray(EventEnvelope[]::new));
        return new Journey(proposalId, caseId, initiativeId, List.copyOf(events));
    }

    /** The ids and the envelopes of a journey published by {@link #publishJourney()}, in the order published. */
    public record Journey(String proposalId, String caseId, String initiativeId, List<EventEnvelope> events) {
    }
}
