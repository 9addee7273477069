package org.roundtable.audit.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roundtable.events.Actor;
import org.roundtable.events.EventEnvelope;
import org.roundtable.events.Role;
import org.roundtable.events.commissioning.Vote;
import org.roundtable.events.commissioning.VoteCast;
import org.roundtable.events.participation.ProfileCorrected;
import org.roundtable.testsupport.ApiClient;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class DecisionHistoryIT extends AuditIntegrationTest {

    private GardenJourney journey;

    @BeforeEach
    void aProposalsWholeLifeIsInTheLedger() throws Exception {
        journey = GardenJourney.startingAt(Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(3, ChronoUnit.DAYS)).publish(codec, jdbc);
    }

    @Test
    void theTimelineFollowsTheProposalAcrossAllFourTopicsInLedgerOrder() {
        JsonNode history = history(journey.proposalId());

        List<String> events = names(history.get("steps"));
        List<String> expected = new ArrayList<>(journey.namesInOrderOfHappening());
        expected.remove("FundCreated");
        assertThat(events).as("everything about the proposal, its case and its initiative, not the fund it drew on")
                .containsExactlyInAnyOrderElementsOf(expected);
        List<Long> positions = new ArrayList<>();
        history.get("steps").forEach(step -> positions.add(step.get("position").asLong()));
        assertThat(positions).as("in the order the ledger recorded them").isSorted();
        assertThat(history.get("steps")).allSatisfy(step -> {
            assertThat(step.has("recusal") && !step.get("recusal").asBoolean()).as("no false flags: " + step).isFalse();
            step.properties().forEach(field -> assertThat(field.getValue().isNull()).as("no null fields: " + step).isFalse());
        });
        List<String> sources = new ArrayList<>();
        history.get("steps").forEach(step -> sources.add(step.get("source").asText()));
        assertThat(sources).contains("proposals", "participation", "commissioning", "outcomes");
        assertThat(history.get("caseIds")).extracting(JsonNode::asText).containsExactly(journey.caseId());
        assertThat(history.get("initiativeIds")).extracting(JsonNode::asText).containsExactly(journey.initiativeId());
        assertThat(history.get("title").asText()).isEqualTo("Library garden and reading corner");
        assertThat(history.get("skippedEntries").asInt()).as("the event of a type this version does not know").isEqualTo(1);

        JsonNode amended = only(history, "ProposalAmended");
        assertThat(amended.get("actorId").asText()).isEqualTo(journey.id("chen"));
        assertThat(amended.get("actorRole").asText()).isEqualTo("STAFF");
        assertThat(amended.path("actorName").asText(null)).as("staff acting as staff are named").isEqualTo("Chen Li");
        assertThat(Instant.parse(amended.get("occurredAt").asText())).isEqualTo(journey.at(3));
        assertThat(amended.get("reason").asText()).isEqualTo("added a reading corner for teenagers");
        assertThat(amended.get("description").asText()).isEqualTo("Amended the proposal to revision 2: 'Library garden and reading corner'");
        assertThat(only(history, "ProposalDrafted").get("actorName").asText()).isEqualTo("Amara Okafor");
    }

    @Test
    void recusalsAndChangedVotesAreFlagged() {
        JsonNode history = history(journey.proposalId());

        List<JsonNode> declarations = all(history, "InterestDeclared");
        assertThat(declarations).extracting(step -> step.path("recusal").asBoolean()).containsExactly(false, true, false);
        assertThat(declarations.get(1).get("actorId").asText()).isEqualTo(journey.id("eli"));
        assertThat(declarations.get(1).get("declaredInterest").asText()).isEqualTo("my sister runs the library café");

        List<JsonNode> votes = all(history, "VoteCast");
        assertThat(votes).extracting(step -> step.path("changedVote").asBoolean()).containsExactly(false, false, true);
        JsonNode changed = votes.get(2);
        assertThat(changed.get("actorId").asText()).isEqualTo(journey.id("ivy"));
        assertThat(changed.get("actorRole").asText()).isEqualTo("CITIZEN");
        assertThat(changed.get("previousVote").asText()).isEqualTo("REJECT");
        assertThat(changed.get("vote").asText()).isEqualTo("APPROVE");
        assertThat(changed.get("previousRationale").asText()).isEqualTo("nothing in it for teenagers");
        assertThat(changed.get("reason").asText()).isEqualTo("the reading corner answers it");
    }

    @Test
    void peopleAndFundsAreNamedAsTheWholeLedgerNamesThemNow() throws Exception {
        String ivy = journey.id("ivy");
        EventEnvelope corrected = envelope(ivy, Actor.of(ivy, Role.CITIZEN), new ProfileCorrected(ivy, "Neighbour R2D7Q", false,
                List.of(Role.CITIZEN), "Eastfield", null, null, null, false), journey.at(24 * 60), 1);
        publish(corrected);
        awaitLedgerHolds(corrected);

        JsonNode history = history(journey.proposalId());

        assertThat(all(history, "VoteCast").get(2).get("actorName").asText())
                .as("a citizen by their profile as it stands now, corrected after the decision").isEqualTo("Neighbour R2D7Q");
        assertThat(only(history, "FundsAllocated").get("description").asText())
                .as("the fund by the name it was created with, an entry not about the proposal").contains("from 'Libraries'");
    }

    @Test
    void anotherProposalsEventsStayOutOfTheTimeline() throws Exception {
        GardenJourney other = GardenJourney.startingAt(journey.start()).publish(codec, jdbc);

        JsonNode history = history(journey.proposalId());

        List<String> actors = new ArrayList<>();
        history.get("steps").forEach(step -> actors.add(step.get("actorId").asText()));
        assertThat(actors).doesNotContain(other.id("amara"), other.id("ivy"), other.id("dana"));
        assertThat(history.get("steps")).hasSize(journey.events().size() - 1);
    }

    @Test
    void aStrayVoteOfAnotherCaseNamingNoProposalIsNotPartOfIt() throws Exception {
        String strayCase = UUID.randomUUID().toString();
        EventEnvelope stray = envelope(strayCase, Actor.of(journey.id("ivy"), Role.CITIZEN),
                new VoteCast(strayCase, journey.id("ivy"), Vote.REJECT, "elsewhere", null, null), journey.at(45), 0);
        publish(stray);
        awaitLedgerHolds(stray);

        assertThat(all(history(journey.proposalId()), "VoteCast")).hasSize(3);
    }

    @Test
    void anUnknownProposalIs404() {
        ApiClient.Response response = api().get("/api/audit/proposals/" + UUID.randomUUID() + "/history", auditor());

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    private JsonNode history(String proposalId) {
        ApiClient.Response response = api().get("/api/audit/proposals/" + proposalId + "/history", auditor());
        expect(200, response);
        return response.body();
    }

    private static List<String> names(JsonNode steps) {
        List<String> names = new ArrayList<>();
        steps.forEach(step -> names.add(step.get("event").asText()));
        return names;
    }

    private static List<JsonNode> all(JsonNode history, String event) {
        List<JsonNode> found = new ArrayList<>();
        history.get("steps").forEach(step -> {
            if (step.get("event").asText().equals(event)) {
                found.add(step);
            }
        });
        return found;
    }

    private static JsonNode only(JsonNode history, String event) {
        List<JsonNode> found = all(history, event);
        assertThat(found).as(event).hasSize(1);
        return found.get(0);
    }
}
