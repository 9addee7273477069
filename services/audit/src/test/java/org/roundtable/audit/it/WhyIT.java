package org.roundtable.audit.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.roundtable.events.Actor;
import org.roundtable.events.EventEnvelope;
import org.roundtable.events.IntegrationEvent;
import org.roundtable.events.Role;
import org.roundtable.events.RoundtableEvents;
import org.roundtable.events.commissioning.DecisionCaseOpened;
import org.roundtable.events.commissioning.DecisionOutcome;
import org.roundtable.events.commissioning.DecisionReached;
import org.roundtable.events.commissioning.FundsAllocated;
import org.roundtable.events.outcomes.InitiativeStarted;
import org.roundtable.events.proposals.ProposalCommissioned;
import org.roundtable.events.proposals.ProposalSubmitted;
import org.roundtable.testsupport.ApiClient;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roundtable.audit.history.LibraryGarden.SECOND;
import static org.roundtable.audit.history.LibraryGarden.gbp;

/**
 * "Why did this happen" over the ledger as Kafka delivered it: a citizen's submission opens a case in another service, a
 * commissioner's closing request reaches a decision, and two services answer the decision.
 */
class WhyIT extends AuditIntegrationTest {

    @Test
    void anInitiativeLeadsBackToTheClosingRequestAndThroughItsCaseToTheCitizensSubmission() throws Exception {
        Chain chain = publishChain();

        JsonNode why = api().get("/api/audit/events/" + chain.started.id() + "/why", auditor()).expect(200).body();

        JsonNode started = why.get("event");
        assertThat(started.get("event").asText()).isEqualTo("InitiativeStarted");
        assertThat(started.get("actorName").asText()).isEqualTo("Roundtable outcomes");
        JsonNode decision = started.get("causedBy");
        assertThat(decision.get("id").asText()).isEqualTo(chain.decided.id());
        assertThat(decision.get("event").asText()).isEqualTo("DecisionReached");
        JsonNode closing = decision.get("causedBy");
        assertThat(closing.get("kind").asText()).isEqualTo("REQUEST");
        assertThat(closing.get("id").asText()).isEqualTo(chain.closingRequest);
        assertThat(closing.get("actorName").asText()).isEqualTo("Dana Reeves");
        assertThat(closing.get("actorRole").asText()).isEqualTo("COMMISSIONER");
        assertThat(closing.get("made")).extracting(JsonNode::asText).containsExactlyInAnyOrder("DecisionReached", "FundsAllocated");
        JsonNode opened = decision.get("origin");
        assertThat(opened.get("event").asText()).isEqualTo("DecisionCaseOpened");
        JsonNode submitted = opened.get("causedBy");
        assertThat(submitted.get("id").asText()).isEqualTo(chain.submitted.id());
        JsonNode submission = submitted.get("causedBy");
        assertThat(submission.get("kind").asText()).isEqualTo("REQUEST");
        assertThat(submission.get("id").asText()).isEqualTo(chain.submissionRequest);
        assertThat(submission.get("actorId").asText()).isEqualTo(chain.citizen);
        assertThat(submission.has("actorName")).as("a citizen without consent on record is not named").isFalse();
    }

    @Test
    void aDecisionLeadsForwardToEverythingItCausedInEveryService() throws Exception {
        Chain chain = publishChain();

        JsonNode submittedWhy = api().get("/api/audit/events/" + chain.submitted.id() + "/why", auditor()).expect(200).body();
        JsonNode decidedWhy = api().get("/api/audit/events/" + chain.decided.id() + "/why", auditor()).expect(200).body();

        assertThat(submittedWhy.get("event").get("effects")).extracting(effect -> effect.get("event").asText())
                .containsExactly("DecisionCaseOpened");
        List<String> effects = new ArrayList<>();
        decidedWhy.get("event").get("effects").forEach(effect -> effects.add(effect.get("source").asText() + " " + effect.get("event").asText()));
        assertThat(effects).containsExactlyInAnyOrder("outcomes InitiativeStarted", "proposals ProposalCommissioned");
    }

    @Test
    void anEventTheLedgerDoesNotHoldIs404() {
        ApiClient.Response response = api().get("/api/audit/events/" + UUID.randomUUID() + "/why", auditor());

        assertProblem(response, 404);
    }

    private record Chain(String citizen, String submissionRequest, String closingRequest, EventEnvelope submitted,
                         EventEnvelope decided, EventEnvelope started) {
    }

    private Chain publishChain() throws Exception {
        String proposal = UUID.randomUUID().toString();
        String decisionCase = UUID.randomUUID().toString();
        String initiative = UUID.randomUUID().toString();
        String fund = UUID.randomUUID().toString();
        String citizen = "amara-" + proposal.substring(0, 8);
        String submissionRequest = UUID.randomUUID().toString();
        String closingRequest = UUID.randomUUID().toString();
        Actor dana = new Actor("dana-" + proposal.substring(0, 8), Role.COMMISSIONER, "Dana Reeves");
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(3600);

        EventEnvelope submitted = caused(proposal, Actor.of(citizen, Role.CITIZEN), submissionRequest, start, 1,
                new ProposalSubmitted(proposal, 1, SECOND, List.of()));
        EventEnvelope opened = caused(decisionCase, Actor.system("commissioning"), submitted.id(), start.plusSeconds(1), 0,
                new DecisionCaseOpened(decisionCase, proposal, SECOND.title(), "libraries", gbp("1200.00")));
        EventEnvelope decided = caused(decisionCase, dana, closingRequest, start.plusSeconds(60), 5,
                new DecisionReached(decisionCase, proposal, DecisionOutcome.APPROVED, List.of(), null, "closed by the chair", "libraries"));
        EventEnvelope allocated = caused(fund, dana, closingRequest, start.plusSeconds(60), 1,
                new FundsAllocated(fund, decisionCase, proposal, gbp("1200.00"), gbp("8800.00"), "libraries"));
        EventEnvelope commissioned = caused(proposal, Actor.system("proposals"), decided.id(), start.plusSeconds(61), 3,
                new ProposalCommissioned(proposal, decisionCase, gbp("1200.00")));
        EventEnvelope started = caused(initiative, Actor.system("outcomes"), decided.id(), start.plusSeconds(62), 0,
                new InitiativeStarted(initiative, proposal, decisionCase, SECOND.title(), "libraries", gbp("1200.00"), List.of()));
        EventEnvelope[] all = {submitted, opened, decided, allocated, commissioned, started};
        publish(all);
        awaitLedgerHolds(all);
        return new Chain(citizen, submissionRequest, closingRequest, submitted, decided, started);
    }

    private static EventEnvelope caused(String subject, Actor actor, String causationId, Instant at, long sequence, IntegrationEvent event) {
        return new EventEnvelope(UUID.randomUUID().toString(), RoundtableEvents.CATALOG.typeOf(event.getClass()), subject, at, actor,
                "corr-" + subject, causationId, sequence, event);
    }
}
