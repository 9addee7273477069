package org.roundtable.commissioning.it;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.roundtable.commissioning.CommissioningApplication;
import org.roundtable.commissioning.domain.DecisionCase;
import org.roundtable.events.Actor;
import org.roundtable.events.EventEnvelope;
import org.roundtable.events.IntegrationEvent;
import org.roundtable.events.KafkaEnvelopeCodec;
import org.roundtable.events.Role;
import org.roundtable.events.RoundtableEvents;
import org.roundtable.events.proposals.Ask;
import org.roundtable.events.proposals.Asset;
import org.roundtable.events.proposals.AssetKind;
import org.roundtable.events.proposals.CoDesigner;
import org.roundtable.events.proposals.Money;
import org.roundtable.events.proposals.ProposalContent;
import org.roundtable.events.proposals.ProposalSubmitted;
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
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The commissioning service on a real PostgreSQL and Kafka broker, one context for every test class. */
@SpringBootTest(classes = CommissioningApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"roundtable.inbox.retries=1", "roundtable.inbox.retry-interval=100ms", "roundtable.commissioning.deadline-poll=500ms"})
@RealInfrastructure(database = "commissioning")
abstract class CommissioningIntegrationTest extends ServiceIntegrationTest {

    static final Duration PATIENCE = Duration.ofSeconds(60);
    static final String AREA = "libraries";
    static final Money ASKED = new Money(new BigDecimal("1200.00"), "GBP");
    /**
     * Far enough ahead that no deadline closes a case of these tests while they run, nor one left in a kept database by
     * an earlier run: a background closing would change what the tests count.
     */
    static final Instant DEADLINE = Instant.now().plus(365, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

    @Autowired
    KafkaEnvelopeCodec codec;

    /** A fund created through the API by {@code holder}, who holds it. */
    String fund(String holder, String amount) {
        ApiClient.Response created = api().post("/api/commissioning/funds", commissioner(holder), fundForm(amount));
        expect(201, created);
        return created.body().get("id").asText();
    }

    static Map<String, Object> fundForm(String amount) {
        return new HashMap<>(Map.of("name", "Libraries 2027", "serviceArea", "Libraries", "periodStart", "2027-04-01",
                "periodEnd", "2028-03-31", "amount", Map.of("amount", amount, "currency", "GBP"), "holderIds", List.of()));
    }

    /** Proposals publishes a submission; returns the id of the decision case it opens here, once it can be read. */
    String submitted(String proposalId) throws Exception {
        Topics.send(codec.encode(submission(proposalId)));
        String caseId = DecisionCase.caseIdFor(proposalId);
        Eventually.within(PATIENCE, () -> expect(200, api().get("/api/commissioning/cases/" + caseId, auditor("auditor-reading"))));
        return caseId;
    }

    static EventEnvelope submission(String proposalId) {
        ProposalSubmitted submitted = new ProposalSubmitted(proposalId, 3, new ProposalContent("Library garden",
                "Neighbours grow food together in the library's garden", AREA,
                List.of(new Asset(AssetKind.PLACE, "The library's walled garden", "Central Library")),
                new Ask(ASKED, List.of("raised beds")), List.of("More connection between neighbours")),
                List.of(new CoDesigner("citizen-ada", Role.CITIZEN, "the idea"), new CoDesigner("staff-ben", Role.STAFF, "volunteers")));
        return envelope(proposalId, submitted, Actor.of("staff-ben", Role.STAFF));
    }

    static EventEnvelope envelope(String subject, IntegrationEvent event, Actor actor) {
        return new EventEnvelope(UUID.randomUUID().toString(), RoundtableEvents.CATALOG.typeOf(event.getClass()), subject, Instant.now(),
                actor, "corr-" + subject, null, 0L, event);
    }

    static Map<String, Object> member(String id, String role) {
        return Map.of("memberId", id, "role", role);
    }

    /** The panel most tests use: two commissioners (ali chairs) and a citizen member, cal. */
    static Map<String, Object> panel(String fundId, String ali, String bea, String cal, String amount) {
        Map<String, Object> form = new HashMap<>();
        form.put("fundId", fundId);
        form.put("members", List.of(member(ali, "COMMISSIONER"), member(bea, "COMMISSIONER"), member(cal, "CITIZEN")));
        form.put("chairId", ali);
        form.put("deadline", DEADLINE.toString());
        if (amount != null) {
            form.put("amount", Map.of("amount", amount, "currency", "GBP"));
        }
        return form;
    }

    void declare(String caseId, String token, boolean interest, String description) {
        Map<String, Object> form = new HashMap<>();
        form.put("hasInterest", interest);
        form.put("description", description);
        expect(204, api().post("/api/commissioning/cases/" + caseId + "/declarations", token, form));
    }

    void vote(String caseId, String token, String vote, String rationale) {
        expect(204, api().post("/api/commissioning/cases/" + caseId + "/votes", token, Map.of("vote", vote, "rationale", rationale)));
    }

    ApiClient.Response decisionCase(String caseId) {
        return api().get("/api/commissioning/cases/" + caseId, auditor("auditor-reading"));
    }

    /** Waits for {@code count} records of an event type keyed by {@code key} on the commissioning topic, and decodes them. */
    List<EventEnvelope> published(String key, String eventName, int count) {
        try (KafkaConsumer<String, byte[]> consumer = Topics.consumer("roundtable.commissioning")) {
            List<ConsumerRecord<String, byte[]>> records = Topics.readUntil(consumer, PATIENCE,
                    record -> key.equals(record.key())
                            && ("org.roundtable.commissioning." + eventName + ".v1").equals(Topics.header(record, "ce_type")),
                    kept -> kept.size() >= count);
            return records.stream().map(codec::decode).toList();
        }
    }

    /** Every record of an event type keyed by {@code key} on the commissioning topic now. */
    List<EventEnvelope> publishedSoFar(String key, String eventName) {
        return Topics.readToEnd("roundtable.commissioning").stream()
                .filter(record -> key.equals(record.key())
                        && ("org.roundtable.commissioning." + eventName + ".v1").equals(Topics.header(record, "ce_type")))
                .map(codec::decode).toList();
    }
}
