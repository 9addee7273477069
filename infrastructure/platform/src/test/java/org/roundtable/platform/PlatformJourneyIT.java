package org.roundtable.platform;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole platform as {@code ./roundtable} runs it (on a data folder of its own and ports moved by an offset, so
 * it can run beside a developer's stack), and the demo journey played through the gateway with real tokens from the
 * local authorization server. Each step of the journey already waits for its effect; these tests look at the end state.
 */
class PlatformJourneyIT {

    /** Moved by {@code -Droundtable.it.portOffset=N} when two checkouts run this test side by side. */
    private static final Ports PORTS = new Ports(Integer.getInteger("roundtable.it.portOffset", 300));

    @TempDir
    static Path data;
    private static LocalStack stack;
    private static DemoJourney.Result journey;

    @BeforeAll
    @Timeout(value = 12, unit = TimeUnit.MINUTES)
    static void startThePlatformAndPlayTheJourney() {
        Path root = Path.of("").toAbsolutePath().getParent().getParent();
        stack = new LocalStack(LocalStack.Settings.of(root, data, PORTS, System.out)).start();
        journey = DemoJourney.against(PORTS, System.out).play();
        JourneyReport.print(journey, System.out);
    }

    @AfterAll
    static void stopThePlatform() {
        if (stack != null) {
            List<ProcessHandle> children = ProcessHandle.current().descendants().toList();
            stack.close();
            assertThat(children).isNotEmpty().noneMatch(ProcessHandle::isAlive);
        }
    }

    @Test
    void theGatewayRefusesARequestWithoutAToken() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(PORTS.gatewayUrl() + "/api/proposals")).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void theProposalWasCoDesignedAmendedAndCommissioned() {
        JsonNode proposal = journey.proposal();

        assertThat(proposal.path("status").asText()).isEqualTo("COMMISSIONED");
        assertThat(proposal.path("authorId").asText()).isEqualTo("amara");
        assertThat(proposal.path("revisions")).hasSize(2);
        JsonNode amendment = proposal.path("revisions").get(1);
        assertThat(amendment.path("actorId").asText()).isEqualTo("chen");
        assertThat(amendment.path("actorRole").asText()).isEqualTo("STAFF");
        assertThat(proposal.path("current").path("content").path("assets")).hasSize(4);
        JsonNode chen = DemoJourney.find(proposal.path("coDesigners"), "participantId", "chen");
        assertThat(chen.path("role").asText()).isEqualTo("STAFF");
        assertThat(proposal.path("caseId").asText()).isEqualTo(journey.caseId());
        assertThat(new BigDecimal(proposal.path("allocated").path("amount").asText())).isEqualByComparingTo("12000");
    }

    @Test
    void citizensEndorsedPledgedTimeAndHeldAWorkshop() {
        JsonNode participation = journey.participation();

        assertThat(participation.path("endorsementCount").asInt()).isEqualTo(2);
        assertThat(participation.path("pledgeTotals").path("hoursPerMonth").asInt()).isEqualTo(10);
        JsonNode workshop = participation.path("workshops").get(0);
        assertThat(workshop.path("attended").asInt()).isEqualTo(1);
        assertThat(workshop.path("contributions")).hasSize(2);
    }

    @Test
    void thePanelApprovedWithFarahRecusedAndTheFundPaid() {
        JsonNode decisionCase = journey.decisionCase();

        assertThat(decisionCase.path("status").asText()).isEqualTo("CLOSED");
        assertThat(decisionCase.path("outcome").asText()).isEqualTo("APPROVED");
        JsonNode roll = decisionCase.path("decision").path("roll");
        assertThat(DemoJourney.find(roll, "memberId", "farah").path("recused").asBoolean()).isTrue();
        assertThat(DemoJourney.find(roll, "memberId", "farah").hasNonNull("vote")).isFalse();
        for (String member : List.of("dana", "eli", "bill")) {
            assertThat(DemoJourney.find(roll, "memberId", member).path("vote").asText()).as(member).isEqualTo("APPROVE");
            assertThat(DemoJourney.find(roll, "memberId", member).path("rationale").asText()).as(member).isNotBlank();
        }
        assertThat(DemoJourney.find(roll, "memberId", "bill").path("role").asText()).isEqualTo("CITIZEN");
        assertThat(new BigDecimal(journey.fund().path("remaining").asText())).isEqualByComparingTo("38000");
    }

    @Test
    void theInitiativeIsDeliveredByGreenShootsAndReportsProgress() {
        JsonNode initiative = journey.initiative();

        assertThat(initiative.path("proposalId").asText()).isEqualTo(journey.proposalId());
        assertThat(initiative.path("provider").path("id").asText()).isEqualTo("greenshoots");
        assertThat(new BigDecimal(initiative.path("funding").path("amount").asText())).isEqualByComparingTo("12000");
        assertThat(initiative.path("reports")).hasSize(1);
        assertThat(initiative.path("reports").get(0).path("reporterId").asText()).isEqualTo("greenshoots");
        assertThat(initiative.path("assets").path("pledgesFulfilled").asInt()).isEqualTo(1);
    }

    @Test
    void theLedgerVerifies() {
        assertThat(journey.verification().path("intact").asBoolean()).isTrue();
        assertThat(journey.verification().path("entriesVerified").asLong()).isGreaterThanOrEqualTo(journey.history().path("steps").size());
        assertThat(journey.verification().hasNonNull("firstMismatch")).isFalse();
    }

    @Test
    void theTimelineNamesEveryActorInTheOrderTheyActed() {
        List<String> acts = new ArrayList<>();
        journey.history().path("steps").forEach(step -> acts.add(step.path("actorId").asText() + " " + step.path("event").asText()));

        assertThat(acts).containsSubsequence(
                "amara ProposalDrafted",
                "amara CoDesignerInvited",
                "chen CoDesignerJoined",
                "chen ProposalAmended",
                "amara ProposalSubmitted",
                "bill EndorsementGiven",
                "bill AssetPledged",
                "bill ContributionRecorded",
                "dana PanelAssembled",
                "farah InterestDeclared",
                "dana VoteCast",
                "eli VoteCast",
                "bill VoteCast",
                "dana DecisionReached",
                "dana ProviderAssigned",
                "greenshoots ProgressReported");
        JsonNode recusal = journey.history().path("steps").findParents("recusal").stream()
                .filter(step -> step.path("recusal").asBoolean()).findFirst().orElseThrow();
        assertThat(recusal.path("actorId").asText()).isEqualTo("farah");
    }

    @Test
    void thePowerMapCountsWhoDecidedWhoWasRecusedAndWhoSatAtTheTable() {
        JsonNode powerMap = journey.powerMap();

        assertThat(actor(powerMap, "dana", "COMMISSIONER").path("votesCast").asInt()).isEqualTo(1);
        assertThat(actor(powerMap, "dana", "COMMISSIONER").path("decisionsClosed").asInt()).isEqualTo(1);
        assertThat(actor(powerMap, "eli", "COMMISSIONER").path("votesCast").asInt()).isEqualTo(1);
        assertThat(actor(powerMap, "farah", "COMMISSIONER").path("votesCast").asInt()).isZero();
        assertThat(actor(powerMap, "farah", "COMMISSIONER").path("recusals").asInt()).isEqualTo(1);
        assertThat(actor(powerMap, "bill", "CITIZEN").path("votesCast").asInt()).isEqualTo(1);
        assertThat(actor(powerMap, "bill", "CITIZEN").path("hoursPledgedPerMonth").asInt()).isEqualTo(6);
        assertThat(actor(powerMap, "amara", "CITIZEN").path("proposalsDrafted").asInt()).isEqualTo(1);
        assertThat(actor(powerMap, "chen", "STAFF").path("coDesignsJoined").asInt()).isEqualTo(1);
        JsonNode decision = DemoJourney.find(powerMap.path("decisions"), "caseId", journey.caseId());
        assertThat(decision.path("outcome").asText()).isEqualTo("APPROVED");
        assertThat(decision.path("panelSize").asInt()).isEqualTo(4);
        assertThat(decision.path("commissionersAtTable").asInt()).isEqualTo(3);
        assertThat(decision.path("citizensAtTable").asInt()).isEqualTo(1);
        assertThat(decision.path("citizensVoted").asInt()).isEqualTo(1);
        assertThat(decision.path("membersVoted").asInt()).isEqualTo(3);
        assertThat(decision.path("recused").asInt()).isEqualTo(1);
    }

    private static JsonNode actor(JsonNode powerMap, String actorId, String role) {
        for (JsonNode actor : powerMap.path("actors")) {
            if (actorId.equals(actor.path("actorId").asText()) && role.equals(actor.path("role").asText())) {
                return actor;
            }
        }
        throw new AssertionError("the power map has no " + actorId + " as " + role + ": " + powerMap.path("actors"));
    }
}
