package org.roundtable.audit.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roundtable.testsupport.ApiClient;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class AsOfReplayIT extends AuditIntegrationTest {

    private GardenJourney journey;

    @BeforeEach
    void aProposalsWholeLifeIsInTheLedger() throws Exception {
        journey = GardenJourney.startingAt(Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(2, ChronoUnit.DAYS)).publish(codec, jdbc);
    }

    @Test
    void betweenTwoVotesThePanelHadOnlyTheVotesCastSoFar() {
        JsonNode state = asOf(journey.at(45));

        assertThat(Instant.parse(state.get("asOf").asText())).isEqualTo(journey.at(45));
        assertThat(state.get("proposal").get("status").asText()).isEqualTo("UNDER_DECISION");
        assertThat(state.get("proposal").get("revision").asInt()).isEqualTo(2);
        JsonNode decisionCase = state.get("decisionCase");
        assertThat(decisionCase.get("caseId").asText()).isEqualTo(journey.caseId());
        assertThat(decisionCase.get("status").asText()).isEqualTo("SITTING");
        JsonNode sitting = decisionCase.get("sitting");
        assertThat(sitting.get("panel").get("members")).hasSize(3);
        assertThat(sitting.get("declarations")).extracting(d -> d.get("memberId").asText() + ":" + d.get("recused").asBoolean())
                .containsExactly(journey.id("dana") + ":false", journey.id("eli") + ":true", journey.id("ivy") + ":false");
        assertThat(sitting.get("votes")).extracting(v -> v.get("memberId").asText() + ":" + v.get("vote").asText())
                .containsExactly(journey.id("dana") + ":APPROVE", journey.id("ivy") + ":REJECT");
        assertThat(sitting.get("decision").isNull()).isTrue();
        assertThat(state.get("initiative").isNull()).isTrue();

        JsonNode ivyLater = asOf(journey.at(55)).get("decisionCase").get("sitting").get("votes").get(1);
        assertThat(ivyLater.get("vote").asText()).isEqualTo("APPROVE");
        assertThat(ivyLater.get("earlier")).extracting(v -> v.get("vote").asText()).containsExactly("REJECT");
    }

    @Test
    void endorsementsAreCountedWithWithdrawalsApplied() {
        JsonNode before = asOf(journey.at(9)).get("endorsements");
        assertThat(before.get("count").asInt()).isEqualTo(2);
        assertThat(before.get("current")).extracting(e -> e.get("reason").asText())
                .containsExactly("my children would use it", "a place to meet neighbours");

        JsonNode after = asOf(journey.at(10)).get("endorsements");
        assertThat(after.get("count").asInt()).isEqualTo(1);
        assertThat(after.get("current")).extracting(e -> e.get("participantId").asText()).containsExactly(journey.id("gus"));
        assertThat(after.get("withdrawn")).extracting(e -> e.get("participantId").asText()).containsExactly(journey.id("bill"));
    }

    @Test
    void laterTheDecisionAndTheInitiativeAreThere() {
        JsonNode state = asOf(journey.at(105));

        assertThat(state.get("proposal").get("status").asText()).isEqualTo("COMMISSIONED");
        assertThat(state.get("decisionCase").get("status").asText()).isEqualTo("DECIDED");
        assertThat(state.get("decisionCase").get("sitting").get("decision").get("outcome").asText()).isEqualTo("APPROVED");
        JsonNode initiative = state.get("initiative");
        assertThat(initiative.get("initiativeId").asText()).isEqualTo(journey.initiativeId());
        assertThat(initiative.get("providerName").asText()).isEqualTo("Green Shoots CIC");
        assertThat(initiative.get("indicators").get(0).get("latestReading").get("value").decimalValue()).isEqualByComparingTo("18");
        assertThat(initiative.get("reviews").get(0).get("status").asText()).isEqualTo("ON_TRACK");
        assertThat(state.get("skippedEntries").asInt()).isZero();
        assertThat(asOf(journey.at(110)).get("skippedEntries").asInt()).as("the unknown event at minute 110").isEqualTo(1);
    }

    @Test
    void beforeTheProposalWasDraftedNothingWasKnown() {
        JsonNode state = asOf(journey.at(0).minusMillis(1));

        assertThat(state.get("proposal").isNull()).isTrue();
        assertThat(state.get("decisionCase").isNull()).isTrue();
        assertThat(state.get("entriesApplied").asInt()).isZero();
    }

    @Test
    void aMissingOrMalformedInstantIs400NamingAt() {
        String path = "/api/audit/proposals/" + journey.proposalId() + "/as-of";

        assertInvalidAt(api().get(path, auditor()));
        assertInvalidAt(api().get(path + "?at=", auditor()));
        assertInvalidAt(api().get(path + "?at=yesterday", auditor()));
        assertInvalidAt(api().get(path + "?at=2026-13-01T00:00:00Z", auditor()));
    }

    @Test
    void anUnknownProposalIs404() {
        ApiClient.Response response = api().get("/api/audit/proposals/" + UUID.randomUUID() + "/as-of?at=" + journey.at(50), auditor());

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    private JsonNode asOf(Instant at) {
        ApiClient.Response response = api().get("/api/audit/proposals/" + journey.proposalId() + "/as-of?at=" + at, auditor());
        expect(200, response);
        return response.body();
    }

    private static void assertInvalidAt(ApiClient.Response response) {
        assertThat(response.status()).as("status of %s", response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.firstInvalidField()).isEqualTo("at");
    }
}
