package org.roundtable.commissioning.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.roundtable.commissioning.domain.DecisionCase;
import org.roundtable.events.Source;
import org.roundtable.events.Actor;
import org.roundtable.events.EventEnvelope;
import org.roundtable.events.Role;
import org.roundtable.events.commissioning.DecisionCaseOpened;
import org.roundtable.events.commissioning.DecisionOutcome;
import org.roundtable.events.commissioning.DecisionReached;
import org.roundtable.events.participation.AssetPledged;
import org.roundtable.events.participation.EndorsementGiven;
import org.roundtable.events.participation.EndorsementWithdrawn;
import org.roundtable.events.participation.ProfileCorrected;
import org.roundtable.events.participation.ProfileRegistered;
import org.roundtable.events.proposals.AssetKind;
import org.roundtable.events.proposals.ProposalWithdrawn;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.roundtable.commissioning.foreign.WhatThePanelKnows;
import org.roundtable.testsupport.Eventually;
import org.roundtable.testsupport.Topics;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class OpeningAndWhatThePanelKnewIT extends CommissioningIntegrationTest {

    @Test
    void aSubmittedProposalOpensExactlyOneCaseEvenWhenTheEventIsRedeliveredOrRepublished() throws Exception {
        String proposalId = UUID.randomUUID().toString();
        EventEnvelope submission = submission(proposalId);
        EventEnvelope republished = envelope(proposalId, submission.data(), submission.actor());

        Topics.send(codec.encode(submission), codec.encode(submission), codec.encode(republished), codec.encode(submission));

        String caseId = DecisionCase.caseIdFor(proposalId);
        List<EventEnvelope> opened = published(caseId, "DecisionCaseOpened", 1);
        awaitInboxHandled(Source.PROPOSALS.topic());
        assertThat(storedEventTypes(caseId)).containsExactly("DecisionCaseOpened");
        awaitRelayed();
        assertThat(publishedSoFar(caseId, "DecisionCaseOpened")).hasSize(1);
        assertThat(opened.get(0).actor().role()).isEqualTo(Role.SYSTEM);
        assertThat(opened.get(0).dataAs(DecisionCaseOpened.class))
                .isEqualTo(new DecisionCaseOpened(caseId, proposalId, "Library garden", AREA, ASKED));
        assertThat(jdbc.queryForObject("select count(*) from case_view where proposal_id = ?", Long.class, proposalId)).isEqualTo(1);
        JsonNode view = decisionCase(caseId).body();
        assertThat(view.get("status").asText()).isEqualTo("OPEN");
        assertThat(view.get("timeline")).hasSize(1);
    }

    @Test
    void aWithdrawnProposalClosesItsCaseWithoutADecisionAndAWithdrawnDraftChangesNothing() throws Exception {
        String proposalId = UUID.randomUUID().toString();
        String caseId = submitted(proposalId);
        String draftId = UUID.randomUUID().toString();
        EventEnvelope draftWithdrawn = envelope(draftId, new ProposalWithdrawn(draftId, null), Actor.of("citizen-ada", Role.CITIZEN));
        long before = storedEvents();

        Topics.send(codec.encode(draftWithdrawn),
                codec.encode(envelope(proposalId, new ProposalWithdrawn(proposalId, "we found another way"), Actor.of("citizen-ada", Role.CITIZEN))));

        EventEnvelope closed = published(caseId, "DecisionReached", 1).get(0);
        assertThat(closed.actor().role()).isEqualTo(Role.SYSTEM);
        DecisionReached decision = closed.dataAs(DecisionReached.class);
        assertThat(decision.outcome()).isEqualTo(DecisionOutcome.WITHDRAWN);
        assertThat(decision.allocation()).isNull();
        assertThat(decision.note()).isEqualTo("the proposal was withdrawn: we found another way");
        Eventually.within(PATIENCE, () -> assertThat(jdbc.queryForObject("select count(*) from roundtable_inbox where event_id = ?",
                Long.class, draftWithdrawn.id())).isEqualTo(1));
        assertThat(storedEventTypes(DecisionCase.caseIdFor(draftId))).isEmpty();
        assertThat(storedEvents()).isEqualTo(before + 1);
        Eventually.within(PATIENCE, () -> assertThat(decisionCase(caseId).body().get("status").asText()).isEqualTo("CLOSED"));
    }

    @Test
    void theCaseShowsTheProposalAsSubmittedAndWhatCitizensSaidFromParticipationEvents() throws Exception {
        String proposalId = UUID.randomUUID().toString();
        String caseId = submitted(proposalId);
        EventEnvelope endorsed = envelope(proposalId, new EndorsementGiven(proposalId, "citizen-fay", "Fay",
                "my children would learn to grow food"), Actor.of("citizen-fay", Role.CITIZEN));
        EventEnvelope pledgedTime = envelope(proposalId, new AssetPledged(proposalId, "pledge-1", "citizen-gus", "Gus", AssetKind.TIME,
                "Saturday mornings in the garden", 8), Actor.of("citizen-gus", Role.CITIZEN));
        EventEnvelope pledgedPlace = envelope(proposalId, new AssetPledged(proposalId, "pledge-2", "citizen-hal", "Hal", AssetKind.PLACE,
                "my greenhouse", null), Actor.of("citizen-hal", Role.CITIZEN));
        EventEnvelope endorsedThenWithdrawn = envelope(proposalId, new EndorsementGiven(proposalId, "citizen-ivo", "Ivo", null),
                Actor.of("citizen-ivo", Role.CITIZEN));
        EventEnvelope withdrawn = envelope(proposalId, new EndorsementWithdrawn(proposalId, "citizen-ivo"), Actor.of("citizen-ivo", Role.CITIZEN));

        Topics.send(codec.encode(envelope("citizen-fay", new ProfileRegistered("citizen-fay", "Fay", true, List.of(Role.CITIZEN), "Northfield",
                null, null, null, false), Actor.of("citizen-fay", Role.CITIZEN))));
        Topics.send(codec.encode(endorsed), codec.encode(pledgedTime), codec.encode(endorsed), codec.encode(pledgedPlace),
                codec.encode(endorsedThenWithdrawn), codec.encode(withdrawn), codec.encode(pledgedTime));

        Eventually.within(PATIENCE, () -> {
            JsonNode said = decisionCase(caseId).body().get("whatCitizensSaid");
            assertThat(said.get("pledges").asInt()).isEqualTo(2);
            assertThat(said.get("endorsementCount").asInt()).isEqualTo(1);
            assertThat(said.get("endorsements").get(0).get("name").asText()).as("named by her consent").isEqualTo("Fay");
        });
        awaitInboxHandled(Source.PARTICIPATION.topic());
        awaitProcessed(WhatThePanelKnows.PROCESSING_GROUP, PATIENCE);
        JsonNode view = decisionCase(caseId).body();
        JsonNode said = view.get("whatCitizensSaid");
        assertThat(said.get("endorsementCount").asInt()).isEqualTo(1);
        assertThat(said.get("endorsements").get(0).get("reason").asText()).isEqualTo("my children would learn to grow food");
        assertThat(said.get("endorsements").get(0).get("name").asText()).isEqualTo("Fay");
        assertThat(said.get("pledges").asInt()).isEqualTo(2);
        assertThat(said.get("pledgeList")).extracting(pledge -> pledge.get("name").asText()).as("no profile, so no consent: pseudonyms")
                .allMatch(name -> name.startsWith("Neighbour "));
        assertThat(said.toString()).doesNotContain("citizen-gus").doesNotContain("citizen-hal");
        assertThat(said.get("hoursPerMonth").asInt()).isEqualTo(8);
        assertThat(said.get("places").asInt()).isEqualTo(1);
        JsonNode asSubmitted = view.get("proposalAsSubmitted");
        assertThat(asSubmitted.get("revision").asInt()).isEqualTo(3);
        assertThat(asSubmitted.get("content").get("aspiration").asText()).isEqualTo("Neighbours grow food together in the library's garden");
        assertThat(asSubmitted.get("content").get("ask").get("money").get("amount").decimalValue()).isEqualByComparingTo("1200.00");
        assertThat(asSubmitted.get("coDesigners")).hasSize(2);
        assertThat(view.get("title").asText()).isEqualTo("Library garden");

        TrackingEventProcessor panelKnows = resetToStart(WhatThePanelKnows.PROCESSING_GROUP);
        assertThat(jdbc.queryForObject("select count(*) from known_proposal_view", Long.class)).as("forgotten by the reset").isZero();
        panelKnows.start();
        Eventually.within(PATIENCE, () -> assertThat(decisionCase(caseId).body()).as("rebuilt from the inbox's history")
                .isEqualTo(view));
    }

    @Test
    void namesInTheCaseFollowConsentAsItNowStandsAndLoginIdsOfCitizensWithoutItNeverShow() throws Exception {
        String proposalId = UUID.randomUUID().toString();
        String caseId = submitted(proposalId);
        String bill = "bill-" + UUID.randomUUID();
        Actor asBill = Actor.of(bill, Role.CITIZEN);
        Topics.send(codec.encode(envelope(bill, new ProfileRegistered(bill, "Bill Turner", true, List.of(Role.CITIZEN), "Eastfield",
                null, null, null, false), asBill)));
        Topics.send(codec.encode(envelope(proposalId, new EndorsementGiven(proposalId, bill, "Bill Turner", "for my grandson"), asBill)),
                codec.encode(envelope(proposalId, new AssetPledged(proposalId, "pledge-" + bill, bill, "Bill Turner", AssetKind.TIME,
                        "soldering", 6), asBill)));
        String fundId = fund("ali", "5000.00");
        expect(204, api().post("/api/commissioning/cases/" + caseId + "/panel", commissioner("ali"), panel(fundId, "ali", "bea", bill, null)));
        declare(caseId, citizen(bill), false, null);
        Eventually.within(PATIENCE, () -> {
            JsonNode view = decisionCase(caseId).body();
            assertThat(view.get("whatCitizensSaid").get("endorsements").get(0).get("name").asText()).isEqualTo("Bill Turner");
            assertThat(view.get("whatCitizensSaid").get("pledgeList").get(0).get("name").asText()).isEqualTo("Bill Turner");
            assertThat(view.get("timeline").toString()).contains(bill).contains("Bill Turner");
        });

        Topics.send(codec.encode(envelope(bill, new ProfileCorrected(bill, "Neighbour X", false, List.of(Role.CITIZEN), "Eastfield",
                null, null, null, false), asBill)));

        Eventually.within(PATIENCE, () -> {
            JsonNode view = decisionCase(caseId).body();
            String pseudonym = view.get("whatCitizensSaid").get("endorsements").get(0).get("name").asText();
            assertThat(pseudonym).startsWith("Neighbour ");
            assertThat(view.get("whatCitizensSaid").get("pledgeList").get(0).get("name").asText()).isEqualTo(pseudonym);
            assertThat(view.toString()).doesNotContain("Bill Turner").doesNotContain(bill);
            JsonNode declaration = view.get("timeline").get(view.get("timeline").size() - 1);
            assertThat(declaration.get("actorId").asText()).startsWith("neighbour-");
            assertThat(declaration.get("detail").get("memberId").asText()).isEqualTo(declaration.get("actorId").asText());
        });
        assertThat(api().get("/api/commissioning/cases/" + caseId, citizen("someone-else")).body().toString())
                .as("as any citizen reads it").doesNotContain(bill).doesNotContain("Bill Turner");
        assertThat(api().get("/api/commissioning/cases/" + caseId, citizen(bill)).body().get("timeline").toString())
                .as("Bill sees himself by his own id").contains("\"" + bill + "\"");
    }
}
