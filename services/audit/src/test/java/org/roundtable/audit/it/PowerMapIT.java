package org.roundtable.audit.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roundtable.testsupport.ApiClient;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PowerMapIT extends AuditIntegrationTest {

    private GardenJourney journey;
    private GardenJourney elsewhere;

    @BeforeEach
    void twoProposalsInTwoServiceAreasAreInTheLedger() throws Exception {
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(5, ChronoUnit.DAYS);
        journey = GardenJourney.startingAt(start).publish(codec, jdbc);
        elsewhere = GardenJourney.startingAt(start).publish(codec, jdbc);
    }

    @Test
    void perActorAndRoleWhoDecidedHeldAndAllocatedMoneyGaveTimeAndBroughtKnowledge() {
        JsonNode map = json("/api/audit/power-map?serviceArea=" + journey.serviceArea().toUpperCase());

        assertThat(map.get("serviceArea").asText()).isEqualTo(journey.serviceArea().toUpperCase());
        JsonNode actors = map.get("actors");
        assertThat(actors).extracting(actor -> actor.get("actorId").asText()).allMatch(id -> id.endsWith(suffix(journey)));
        JsonNode dana = actor(actors, journey.id("dana"), "COMMISSIONER");
        assertThat(dana.get("name").asText()).isEqualTo("Dana Reeves");
        assertThat(dana.get("decisionsClosed").asInt()).isEqualTo(1);
        assertThat(dana.get("decisionsVotedIn").asInt()).isEqualTo(1);
        assertThat(dana.get("votesCast").asInt()).isEqualTo(1);
        assertThat(dana.get("fundsHeld")).extracting(JsonNode::asText).containsExactly(journey.fundId());
        assertThat(map.get("funds")).singleElement().satisfies(fund -> {
            assertThat(fund.get("fundId").asText()).isEqualTo(journey.fundId());
            assertThat(fund.get("amount").decimalValue()).isEqualByComparingTo("10000");
            assertThat(fund.get("allocated").decimalValue()).isEqualByComparingTo("1200");
            assertThat(fund.get("holders")).extracting(holder -> holder.get("name").asText()).containsExactly("Dana Reeves", "Eli Morgan");
        });
        assertThat(map.get("totals")).singleElement().satisfies(total -> {
            assertThat(total.get("currency").asText()).isEqualTo("GBP");
            assertThat(total.get("fundsHeld").decimalValue()).as("one fund held jointly counts once").isEqualByComparingTo("10000");
            assertThat(total.get("allocated").decimalValue()).isEqualByComparingTo("1200");
        });
        JsonNode eli = actor(actors, journey.id("eli"), "COMMISSIONER");
        assertThat(eli.get("recusals").asInt()).isEqualTo(1);
        assertThat(eli.get("fundsAllocatedOnPanel")).isEmpty();
        assertThat(eli.get("name").asText()).as("a commissioner is named as they acted").isEqualTo("Eli Morgan");
        assertThat(actor(actors, journey.id("chen"), "STAFF").get("name").asText()).isEqualTo("Chen Li");
        assertThat(actor(actors, journey.id("amara"), "CITIZEN").get("name").asText()).isEqualTo("Amara Okafor");
        JsonNode ivy = actor(actors, journey.id("ivy"), "CITIZEN");
        assertThat(ivy.get("votesCast").asInt()).isEqualTo(2);
        assertThat(ivy.get("fundsAllocatedOnPanel").get(0).get("amount").decimalValue()).isEqualByComparingTo("1200");
        JsonNode bill = actor(actors, journey.id("bill"), "CITIZEN");
        assertThat(bill.get("hoursPledgedPerMonth").asInt()).isEqualTo(4);
        assertThat(bill.get("hoursGiven").decimalValue()).isEqualByComparingTo("3.5");
        assertThat(actor(actors, journey.id("chen"), "STAFF").get("coDesignsJoined").asInt()).isEqualTo(1);
        assertThat(actor(actors, journey.id("amara"), "CITIZEN").get("proposalsDrafted").asInt()).isEqualTo(1);
        assertThat(actor(actors, journey.id("gus"), "CITIZEN").get("workshopContributions").asInt()).isEqualTo(1);

        assertThat(map.get("decisions")).singleElement().satisfies(decision -> {
            assertThat(decision.get("caseId").asText()).isEqualTo(journey.caseId());
            assertThat(decision.get("panelSize").asInt()).isEqualTo(3);
            assertThat(decision.get("citizensAtTable").asInt()).isEqualTo(1);
            assertThat(decision.get("citizensVoted").asInt()).isEqualTo(1);
            assertThat(decision.get("recused").asInt()).isEqualTo(1);
        });
    }

    @Test
    void aPeriodCountsOnlyWhatHappenedInIt() {
        String area = "&serviceArea=" + journey.serviceArea();
        JsonNode votingHour = json("/api/audit/power-map?from=" + journey.at(35) + "&to=" + journey.at(60) + area);

        assertThat(actor(votingHour.get("actors"), journey.id("ivy"), "CITIZEN").get("votesCast").asInt()).isEqualTo(2);
        assertThat(actor(votingHour.get("actors"), journey.id("dana"), "COMMISSIONER").get("votesCast").asInt()).isZero();
        assertThat(votingHour.get("decisions")).as("decided at minute 60; the end is exclusive").isEmpty();

        LocalDate day = LocalDate.ofInstant(journey.start(), ZoneOffset.UTC);
        JsonNode wholeDays = json("/api/audit/power-map?from=" + day + "&to=" + day.plusDays(2) + area);
        assertThat(wholeDays.get("decisions")).hasSize(1);
        assertThat(Instant.parse(wholeDays.get("from").asText())).isEqualTo(day.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    @Test
    void theSameMapAsCsvWithAHeaderRowByAcceptOrByFormat() {
        String path = "/api/audit/power-map?serviceArea=" + journey.serviceArea();
        ApiClient.Response byAccept = api().send("GET", path, auditor(), null, "Accept", "text/csv");
        ApiClient.Response byFormat = api().get(path + "&format=csv", auditor());

        for (ApiClient.Response response : List.of(byAccept, byFormat)) {
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.contentType()).startsWith("text/csv");
            List<String> lines = Arrays.asList(response.body().asText().split("\r\n"));
            assertThat(lines.get(0)).startsWith("Person id,Name,Role,Decisions closed,Decisions voted in,Votes cast,Recusals,Funds held,");
            assertThat(lines).contains(journey.id("dana") + ",Dana Reeves,COMMISSIONER,1,1,1,0,Libraries,1200.00,GBP,0,0,0,0,0",
                    journey.id("bill") + ",Bill Turner,CITIZEN,0,0,0,0,,,,4,3.5,0,0,0");
            assertThat(lines).as("a header, then the journey's seven people").hasSize(1 + 7);
        }
        assertThat(byFormat.body().asText()).isEqualTo(byAccept.body().asText());

        ApiClient.Response decisions = api().send("GET", "/api/audit/power-map/decisions?serviceArea=" + journey.serviceArea(),
                auditor(), null, "Accept", "text/csv");
        assertThat(decisions.contentType()).startsWith("text/csv");
        String[] rows = decisions.body().asText().split("\r\n");
        assertThat(rows).hasSize(2);
        assertThat(rows[1]).startsWith(journey.caseId() + "," + journey.proposalId() + ",Library garden and reading corner,"
                + journey.serviceArea() + ",APPROVED,");
        assertThat(rows[1]).endsWith(",Dana Reeves,COMMISSIONER,3,2,1,2,1,1,1200.00,GBP");
    }

    @Test
    void withoutAServiceAreaEveryAreaIsMapped() {
        JsonNode map = json("/api/audit/power-map?from=" + journey.at(-2000) + "&to=" + journey.at(200));

        assertThat(map.get("decisions")).extracting(decision -> decision.get("caseId").asText())
                .contains(journey.caseId(), elsewhere.caseId());
        assertThat(map.get("actors")).extracting(actor -> actor.get("actorId").asText())
                .contains(journey.id("ivy"), elsewhere.id("ivy"));
        assertThat(json("/api/audit/power-map/decisions?serviceArea=" + elsewhere.serviceArea()))
                .extracting(decision -> decision.get("caseId").asText()).containsExactly(elsewhere.caseId());
    }

    @Test
    void decisionsComeAPageAtATimeEachLinkingTheNextUntilTheLast() {
        String period = "from=" + journey.at(-2000) + "&to=" + journey.at(200);
        List<String> listed = new java.util.ArrayList<>();
        String path = "/api/audit/power-map/decisions?" + period + "&limit=1";
        int pages = 0;
        while (path != null && pages < 200) {
            ApiClient.Response page = api().get(path, auditor());
            expect(200, page);
            pages++;
            assertThat(page.body()).hasSize(1);
            listed.add(page.body().get(0).get("caseId").asText());
            String link = page.header("Link");
            if (link == null) {
                path = null;
            } else {
                assertThat(link).startsWith("<").endsWith(">; rel=\"next\"").contains("after=").contains("limit=1");
                java.net.URI next = java.net.URI.create(link.substring(1, link.indexOf('>')));
                path = next.getRawPath() + "?" + next.getRawQuery();
            }
        }
        assertThat(pages).as("the last page links nowhere").isLessThan(200).isGreaterThanOrEqualTo(2);
        assertThat(listed).as("each decision once").doesNotHaveDuplicates().contains(journey.caseId(), elsewhere.caseId());
        assertThat(json("/api/audit/power-map/decisions?" + period + "&limit=1000")).extracting(decision -> decision.get("caseId").asText())
                .as("the same decisions in the same order as one page").containsExactlyElementsOf(listed);
        JsonNode more = json("/api/audit/power-map?serviceArea=" + journey.serviceArea()).get("moreDecisionsAfter");
        assertThat(more == null || more.isNull()).as("one decision: all listed in the map").isTrue();
    }

    @Test
    void badParametersAre400NamingTheField() {
        assertInvalid(api().get("/api/audit/power-map?from=last-week", auditor()), "from");
        assertInvalid(api().get("/api/audit/power-map?to=2026-02-30", auditor()), "to");
        assertInvalid(api().get("/api/audit/power-map?from=2026-03-02&to=2026-03-01", auditor()), "to");
        assertInvalid(api().get("/api/audit/power-map?format=xml", auditor()), "format");
        assertInvalid(api().get("/api/audit/power-map?serviceArea=" + "x".repeat(101), auditor()), "serviceArea");
        assertInvalid(api().get("/api/audit/power-map/decisions?from=soon", auditor()), "from");
        assertInvalid(api().get("/api/audit/power-map/decisions?after=0", auditor()), "after");
        assertInvalid(api().get("/api/audit/power-map/decisions?after=9000000000000", auditor()), "after");
        assertInvalid(api().get("/api/audit/power-map/decisions?after=soon", auditor()), "after");
        assertInvalid(api().get("/api/audit/power-map/decisions?limit=0", auditor()), "limit");
        assertInvalid(api().get("/api/audit/power-map/decisions?limit=1001", auditor()), "limit");
        assertInvalid(api().send("GET", "/api/audit/power-map?to=tomorrow", auditor(), null, "Accept", "text/csv"), "to");
        assertInvalid(api().send("GET", "/api/audit/power-map", auditor(), null, "Accept", "text/csv;q=oops"), "Accept");
    }

    private JsonNode json(String path) {
        ApiClient.Response response = api().get(path, auditor());
        expect(200, response);
        assertThat(response.contentType()).startsWith("application/json");
        return response.body();
    }

    private static String suffix(GardenJourney journey) {
        return journey.id("dana").substring("dana".length());
    }

    @Test
    void theApiDescriptionExplainsEveryColumnTheExportsWrite() {
        List<String> headers = new java.util.ArrayList<>();
        for (String table : List.of("/api/audit/power-map", "/api/audit/power-map/funds", "/api/audit/power-map/decisions")) {
            String csv = api().get(table + "?serviceArea=" + journey.serviceArea() + "&format=csv", auditor()).expect(200).body().asText();
            headers.addAll(Arrays.asList(csv.split("\r\n")[0].split(",")));
        }
        String description = api().get("/v3/api-docs", null).expect(200).body().get("paths").get("/api/audit/power-map")
                .get("get").get("description").asText();

        assertThat(headers).hasSizeGreaterThan(30).allSatisfy(header -> assertThat(description).contains(header.replace("\"", "")));
    }

    private static JsonNode actor(JsonNode actors, String actorId, String role) {
        List<JsonNode> found = new java.util.ArrayList<>();
        actors.forEach(actor -> {
            if (actor.get("actorId").asText().equals(actorId) && role.equals(actor.get("role").asText())) {
                found.add(actor);
            }
        });
        assertThat(found).as(actorId + " as " + role + " in " + actors).hasSize(1);
        return found.get(0);
    }

    private static void assertInvalid(ApiClient.Response response, String field) {
        assertThat(response.status()).as("status of %s", response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.firstInvalidField()).isEqualTo(field);
    }
}
