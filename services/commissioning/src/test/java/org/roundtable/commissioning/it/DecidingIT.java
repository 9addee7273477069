package org.roundtable.commissioning.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.roundtable.events.Actor;
import org.roundtable.events.EventEnvelope;
import org.roundtable.events.Role;
import org.roundtable.events.commissioning.Allocation;
import org.roundtable.events.commissioning.DecisionOutcome;
import org.roundtable.events.commissioning.DecisionReached;
import org.roundtable.events.commissioning.FundsAllocated;
import org.roundtable.events.commissioning.InterestDeclared;
import org.roundtable.events.commissioning.PanelAssembled;
import org.roundtable.events.commissioning.RollEntry;
import org.roundtable.events.commissioning.Vote;
import org.roundtable.events.commissioning.VoteCast;
import org.roundtable.events.proposals.Money;
import org.roundtable.testsupport.ApiClient;
import org.roundtable.testsupport.Eventually;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class DecidingIT extends CommissioningIntegrationTest {

    @Test
    void votesLeadToDecisionReachedOnKafkaWithTheFullRollAndTheAllocation() throws Exception {
        String fundId = fund("ali", "5000.00");
        String caseId = submitted(UUID.randomUUID().toString());

        expect(204, api().post("/api/commissioning/cases/" + caseId + "/panel", commissioner("ali"), panel(fundId, "ali", "bea", "cal", null)));
        declare(caseId, commissioner("ali"), false, null);
        declare(caseId, commissioner("bea"), true, "my sister chairs the allotment society");
        declare(caseId, citizen("cal"), false, null);
        vote(caseId, citizen("cal"), "REJECT", "who keeps it going in winter?");
        vote(caseId, commissioner("ali"), "APPROVE", "builds on what the library already has");
        vote(caseId, citizen("cal"), "APPROVE", "the society will keep it going in winter");
        expect(204, api().post("/api/commissioning/cases/" + caseId + "/closure", commissioner("ali"), null));

        Money asked = ASKED;
        EventEnvelope decided = published(caseId, "DecisionReached", 1).get(0);
        assertThat(decided.actor()).as("the chair, named as an office holder").isEqualTo(new Actor("ali", Role.COMMISSIONER, "Commissioner ali"));
        DecisionReached decision = decided.dataAs(DecisionReached.class);
        assertThat(decision.outcome()).isEqualTo(DecisionOutcome.APPROVED);
        assertThat(decision.serviceArea()).isEqualTo(AREA);
        assertThat(decision.allocation()).isEqualTo(new Allocation(fundId, asked));
        assertThat(decision.roll()).containsExactly(
                new RollEntry("ali", Role.COMMISSIONER, Vote.APPROVE, "builds on what the library already has", false, null),
                new RollEntry("bea", Role.COMMISSIONER, null, null, true, "my sister chairs the allotment society"),
                new RollEntry("cal", Role.CITIZEN, Vote.APPROVE, "the society will keep it going in winter", false, null));

        FundsAllocated allocated = published(fundId, "FundsAllocated", 1).get(0).dataAs(FundsAllocated.class);
        assertThat(allocated).isEqualTo(new FundsAllocated(fundId, caseId, decision.proposalId(), asked,
                new Money(new BigDecimal("3800.00"), "GBP"), AREA));

        List<EventEnvelope> votes = published(caseId, "VoteCast", 3);
        assertThat(votes).extracting(v -> v.dataAs(VoteCast.class).previousVote()).containsExactly(null, null, Vote.REJECT);
        assertThat(votes).extracting(v -> v.actor().role()).containsExactly(Role.CITIZEN, Role.COMMISSIONER, Role.CITIZEN);
        assertThat(votes.get(2).dataAs(VoteCast.class).proposalId()).isEqualTo(decision.proposalId());
        InterestDeclared recusal = published(caseId, "InterestDeclared", 3).stream().map(e -> e.dataAs(InterestDeclared.class))
                .filter(InterestDeclared::recused).findFirst().orElseThrow();
        assertThat(recusal.memberId()).isEqualTo("bea");
        PanelAssembled panel = published(caseId, "PanelAssembled", 1).get(0).dataAs(PanelAssembled.class);
        assertThat(panel.serviceArea()).isEqualTo(AREA);
        assertThat(panel.amount()).isEqualTo(asked);

        Eventually.within(PATIENCE, () -> {
            JsonNode view = decisionCase(caseId).body();
            assertThat(view.get("status").asText()).isEqualTo("CLOSED");
            assertThat(view.get("outcome").asText()).isEqualTo("APPROVED");
            assertThat(view.get("timeline")).extracting(e -> e.get("kind").asText()).containsExactly("OPENED", "PANEL_ASSEMBLED",
                    "NO_INTEREST_DECLARED", "RECUSED", "NO_INTEREST_DECLARED", "VOTE_CAST", "VOTE_CAST", "VOTE_CHANGED", "DECISION_REACHED");
            assertThat(api().get("/api/commissioning/funds/" + fundId, auditor("aud")).body().get("remaining").decimalValue())
                    .isEqualByComparingTo("3800.00");
            // office holders by the name they acted under; the citizen member, who gave no consent, by pseudonym only
            JsonNode roll = view.get("decision").get("roll");
            assertThat(roll.get(0).get("name").asText()).isEqualTo("Commissioner ali");
            assertThat(roll.get(1).get("name").asText()).isEqualTo("Commissioner bea");
            assertThat(roll.get(2).get("memberId").asText()).isNotEqualTo("cal");
            assertThat(roll.get(2).get("name").asText()).doesNotContain("cal");
        });
        long before = storedEvents();
        assertProblem(api().post("/api/commissioning/cases/" + caseId + "/votes", citizen("cal"),
                java.util.Map.of("vote", "REJECT", "rationale", "too late")), 409);
        assertProblem(api().post("/api/commissioning/cases/" + caseId + "/closure", commissioner("ali"), null), 409);
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void withoutQuorumNothingIsDecidedAndAFundHolderAssemblesANewPanel() throws Exception {
        String fundId = fund("ali", "5000.00");
        String caseId = submitted(UUID.randomUUID().toString());
        expect(204, api().post("/api/commissioning/cases/" + caseId + "/panel", commissioner("ali"), panel(fundId, "ali", "bea", "cal", "800.00")));
        declare(caseId, commissioner("ali"), false, null);
        declare(caseId, commissioner("bea"), false, null);
        vote(caseId, commissioner("ali"), "APPROVE", "good");
        vote(caseId, commissioner("bea"), "APPROVE", "good too");

        assertProblem(api().post("/api/commissioning/cases/" + caseId + "/closure", commissioner("ali"), null), 409);
        expect(204, api().post("/api/commissioning/cases/" + caseId + "/closure", commissioner("ali"),
                java.util.Map.of("reason", "our citizen member cannot attend before the deadline")));

        DecisionReached noQuorum = published(caseId, "DecisionReached", 1).get(0).dataAs(DecisionReached.class);
        assertThat(noQuorum.outcome()).isEqualTo(DecisionOutcome.NO_QUORUM);
        assertThat(noQuorum.allocation()).isNull();
        assertThat(storedEventTypes(fundId)).containsExactly("FundCreated");
        Eventually.within(PATIENCE, () -> {
            JsonNode view = decisionCase(caseId).body();
            assertThat(view.get("status").asText()).isEqualTo("OPEN");
            assertThat(view.get("outcome").asText()).isEqualTo("NO_QUORUM");
        });

        expect(204, api().post("/api/commissioning/cases/" + caseId + "/panel", commissioner("ali"), panel(fundId, "ali", "dan", "eve", "800.00")));
        Eventually.within(PATIENCE, () -> {
            JsonNode view = decisionCase(caseId).body();
            assertThat(view.get("status").asText()).isEqualTo("ASSEMBLED");
            assertThat(view.path("outcome").isNull() || view.path("outcome").isMissingNode()).as("outcome of %s", view).isTrue();
        });
        assertProblem(api().post("/api/commissioning/cases/" + caseId + "/votes", commissioner("bea"),
                java.util.Map.of("vote", "APPROVE", "rationale", "still good")), 403);
        // ali's declaration holds through the new panel; eve is new round the table
        declare(caseId, citizen("eve"), false, null);
        vote(caseId, commissioner("ali"), "APPROVE", "good");
        vote(caseId, citizen("eve"), "APPROVE", "we need it");
        expect(204, api().post("/api/commissioning/cases/" + caseId + "/closure", commissioner("ali"), null));

        List<EventEnvelope> decisions = published(caseId, "DecisionReached", 2);
        DecisionReached approved = decisions.get(1).dataAs(DecisionReached.class);
        assertThat(approved.outcome()).isEqualTo(DecisionOutcome.APPROVED);
        assertThat(approved.allocation().amount()).isEqualTo(new Money(new BigDecimal("800.00"), "GBP"));
        assertThat(approved.roll()).extracting(RollEntry::memberId).containsExactly("ali", "dan", "eve");
        Eventually.within(PATIENCE, () -> {
            JsonNode view = decisionCase(caseId).body();
            assertThat(view.get("status").asText()).isEqualTo("CLOSED");
            assertThat(view.get("outcome").asText()).isEqualTo("APPROVED");
            assertThat(view.get("timeline")).extracting(e -> e.get("kind").asText())
                    .containsSubsequence("PANEL_ASSEMBLED", "DECISION_REACHED", "PANEL_ASSEMBLED", "DECISION_REACHED");
        });
    }

    @Test
    void aDeclaredInterestHoldsThroughANewPanelAndChangesOnlyWithAReasonThatIsShown() throws Exception {
        String fundId = fund("ali", "5000.00");
        String caseId = submitted(UUID.randomUUID().toString());
        String casePath = "/api/commissioning/cases/" + caseId;
        expect(204, api().post(casePath + "/panel", commissioner("ali"), panel(fundId, "ali", "bea", "cal", "800.00")));
        declare(caseId, commissioner("bea"), true, "I am a trustee of the library's friends");
        assertProblem(api().post(casePath + "/votes", commissioner("bea"), java.util.Map.of("vote", "APPROVE", "rationale", "x")), 403);

        ApiClient.Response atOnce = api().post(casePath + "/closure", commissioner("ali"), null);
        assertProblem(atOnce, 409);
        assertThat(atOnce.body().get("detail").asText()).contains("only with a reason");
        expect(204, api().post(casePath + "/closure", commissioner("ali"), java.util.Map.of("reason", "start again")));
        DecisionReached noQuorum = published(caseId, "DecisionReached", 1).get(0).dataAs(DecisionReached.class);
        assertThat(noQuorum.note()).isEqualTo("closed by the chair without quorum before its deadline: start again");
        expect(204, api().post(casePath + "/panel", commissioner("ali"), panel(fundId, "ali", "bea", "cal", "800.00")));

        long before = storedEvents();
        assertField(api().post(casePath + "/declarations", commissioner("bea"), java.util.Map.of("hasInterest", false)), "changeReason");
        assertProblem(api().post(casePath + "/votes", commissioner("bea"), java.util.Map.of("vote", "APPROVE", "rationale", "x")), 403);
        assertThat(storedEvents()).isEqualTo(before);

        expect(204, api().post(casePath + "/declarations", commissioner("bea"),
                java.util.Map.of("hasInterest", false, "changeReason", "I stood down as a trustee last month")));
        Eventually.within(PATIENCE, () -> {
            JsonNode changed = null;
            for (JsonNode entry : decisionCase(caseId).body().get("timeline")) {
                if ("DECLARATION_CHANGED".equals(entry.get("kind").asText())) {
                    changed = entry;
                }
            }
            assertThat(changed).isNotNull();
            assertThat(changed.toString()).contains("I stood down as a trustee last month");
        });
    }

    @Test
    void anApprovalTheFundCannotMeetIsRefusedAndTheCaseStaysOpen() throws Exception {
        String fundId = fund("ali", "500.00");
        String caseId = submitted(UUID.randomUUID().toString());
        expect(204, api().post("/api/commissioning/cases/" + caseId + "/panel", commissioner("ali"), panel(fundId, "ali", "bea", "cal", null)));
        declare(caseId, commissioner("ali"), false, null);
        declare(caseId, citizen("cal"), false, null);
        vote(caseId, commissioner("ali"), "APPROVE", "good");
        vote(caseId, citizen("cal"), "APPROVE", "good");
        long before = storedEvents();

        ApiClient.Response refused = api().post("/api/commissioning/cases/" + caseId + "/closure", commissioner("ali"), null);

        assertProblem(refused, 409);
        assertThat(refused.body().get("detail").asText()).contains("holds only 500.00 GBP");
        assertThat(storedEvents()).isEqualTo(before);
        assertThat(storedEventTypes(caseId)).doesNotContain("DecisionReached");
        assertThat(decisionCase(caseId).body().get("status").asText()).isEqualTo("ASSEMBLED");
    }
}
