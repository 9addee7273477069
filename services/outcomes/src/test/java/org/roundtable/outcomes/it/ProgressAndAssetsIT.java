package org.roundtable.outcomes.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.roundtable.events.EventEnvelope;
import org.roundtable.testsupport.ApiClient;
import org.roundtable.testsupport.Eventually;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roundtable.outcomes.HeardEvents.pledged;

class ProgressAndAssetsIT extends OutcomesIntegrationTest {

    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @Test
    void seriesProgressAssetsReviewsAndTheServiceAreaSummaryAreComputedFromWhatWasReported() throws Exception {
        String area = area();
        String id = startedInitiative(area, "amara", "chen");
        String base = "/api/outcomes/initiatives/" + id;
        String dana = commissioner("dana");
        String green = provider("greenshoots");
        profile("bill", "Neighbour bill", true);
        profile("amara", "Amara Okafor", true);

        expect(204, api().put(base + "/provider", dana, Map.of("providerId", "greenshoots", "providerName", "Green Shoots CIC")));
        expect(204, api().put(base + "/indicators/indicator-1", dana,
                Map.of("unit", "neighbours known by name", "baseline", 3, "target", 10, "direction", "HIGHER_IS_BETTER")));
        expect(204, api().put(base + "/indicators/indicator-2", dana,
                Map.of("name", "People feeling alone", "unit", "%", "baseline", 40, "target", 25, "direction", "LOWER_IS_BETTER")));
        expect(204, api().put(base + "/review-dates", dana, Map.of("reviewDates", List.of(TODAY.plusDays(90).toString(), TODAY.plusDays(30).toString()))));

        long before = storedEvents();
        expect(403, api().post(base + "/progress-reports", provider("other-provider"), report(TODAY, Map.of("indicator-1", 9))));
        assertThat(storedEvents()).as("a provider that is not assigned stores nothing").isEqualTo(before);

        expect(201, api().post(base + "/progress-reports", green, report(TODAY.minusDays(5), Map.of("indicator-1", 6, "indicator-2", 34))));
        expect(201, api().post(base + "/progress-reports", green, report(TODAY.minusDays(20), Map.of("indicator-1", 4))));
        expect(201, api().post(base + "/lived-experience", citizen("bill"), report(TODAY.minusDays(1), Map.of("indicator-1", 40))));

        Eventually.within(WAIT, () -> assertThat(detail(id).body().get("reports")).hasSize(3));
        JsonNode detail = detail(id).body();
        assertThat(detail.get("provider").get("id").asText()).isEqualTo("greenshoots");
        assertThat(detail.get("reviewDates")).extracting(JsonNode::asText)
                .containsExactly(TODAY.plusDays(30).toString(), TODAY.plusDays(90).toString());
        JsonNode connection = detail.get("indicators").get(0);
        assertThat(connection.get("series")).extracting(p -> p.get("observedOn").asText() + "=" + p.get("value").decimalValue().stripTrailingZeros())
                .as("the provider's series alone").containsExactly(TODAY.minusDays(20) + "=4", TODAY.minusDays(5) + "=6");
        assertThat(connection.get("livedExperience")).extracting(p -> p.get("observedOn").asText() + "=" + p.get("value").decimalValue().stripTrailingZeros().toPlainString())
                .containsExactly(TODAY.minusDays(1) + "=40");
        assertThat(connection.get("series")).extracting(p -> p.get("reportedOn").asText()).containsOnly(TODAY.toString());
        assertThat(connection.get("latest").decimalValue()).as("lived experience is never the latest value").isEqualByComparingTo("6");
        assertThat(connection.get("progress").decimalValue()).isEqualByComparingTo("0.4286");
        assertThat(connection.get("met").asBoolean()).isFalse();
        JsonNode loneliness = detail.get("indicators").get(1);
        assertThat(loneliness.get("name").asText()).isEqualTo("People feeling alone");
        assertThat(loneliness.get("direction").asText()).isEqualTo("LOWER_IS_BETTER");
        assertThat(loneliness.get("progress").decimalValue()).isEqualByComparingTo("0.4");
        assertThat(detail.get("reports")).extracting(r -> r.get("reporterId").asText() + "/" + r.get("reporterRole").asText())
                .containsExactly("greenshoots/PROVIDER", "greenshoots/PROVIDER", "bill/CITIZEN");

        String proposalId = detail.get("proposalId").asText();
        EventEnvelope pledge = envelope(proposalId, pledged(proposalId, "pledge-" + id, "bill", 8));
        send(pledge);
        awaitHandled(pledge);
        expect(201, api().post(base + "/assets-given", green, Map.of("pledgeId", "pledge-" + id, "description", "Dug the raised beds",
                "hours", 6, "givenOn", TODAY.minusDays(2).toString())));
        expect(201, api().post(base + "/assets-given", citizen("amara"), Map.of("kind", "PLACE", "description", "Opened her greenhouse",
                "givenOn", TODAY.toString())));
        before = storedEvents();
        expect(403, api().post(base + "/assets-given", citizen("bill"), Map.of("kind", "SKILL", "description", "Advice",
                "givenOn", TODAY.toString())));
        assertThat(storedEvents()).isEqualTo(before);

        Eventually.within(WAIT, () -> assertThat(detail(id).body().get("assets").get("given")).hasSize(2));
        JsonNode assets = detail(id).body().get("assets");
        assertThat(assets.get("pledgesExpected").asInt()).isEqualTo(1);
        assertThat(assets.get("pledgesFulfilled").asInt()).isEqualTo(1);
        assertThat(assets.get("pledgedHoursPerMonth").asInt()).isEqualTo(8);
        assertThat(assets.get("hoursGiven").decimalValue()).isEqualByComparingTo("6");
        assertThat(assets.get("given")).extracting(g -> g.get("participantId").asText() + "/" + g.get("kind").asText() + "/" + g.get("recordedBy").asText())
                .containsExactly("bill/TIME/greenshoots", "amara/PLACE/amara");
        assertThat(assets.get("given").get(0).get("publicName").asText()).isEqualTo("Neighbour bill");

        before = storedEvents();
        ApiClient.Response tooEarly = api().post(base + "/reviews", dana, Map.of("status", "ACHIEVED", "reason", "it feels done"));
        expect(409, tooEarly);
        assertThat(tooEarly.body().get("detail").asText()).contains("not every target is met");
        assertThat(storedEvents()).isEqualTo(before);
        expect(204, api().post(base + "/reviews", dana, Map.of("status", "ON_TRACK", "reason", "growing steadily")));
        expect(201, api().post(base + "/progress-reports", green, report(TODAY, Map.of("indicator-1", 11, "indicator-2", 25))));
        expect(204, api().post(base + "/reviews", dana, Map.of("status", "ACHIEVED", "reason", "every target met")));

        Eventually.within(WAIT, () -> assertThat(detail(id).body().get("status").asText()).isEqualTo("ACHIEVED"));
        detail = detail(id).body();
        assertThat(detail.get("indicators")).extracting(i -> i.get("progress").decimalValue().stripTrailingZeros().toPlainString() + " "
                + i.get("met").asBoolean()).containsExactly("1 true", "1 true");
        assertThat(detail.get("reviews")).extracting(r -> r.get("status").asText() + " by " + r.get("reviewerId").asText())
                .containsExactly("ON_TRACK by dana", "ACHIEVED by dana");
        assertThat(detail.get("reviews").get(1).path("overrideReason").isMissingNode() || detail.get("reviews").get(1).get("overrideReason").isNull()).isTrue();

        JsonNode summary = api().get("/api/outcomes/service-areas/" + area, auditor("hana")).body();
        assertThat(summary.get("initiatives").asInt()).isEqualTo(1);
        assertThat(summary.get("byStatus").get("ACHIEVED").asInt()).isEqualTo(1);
        assertThat(summary.get("funding").get(0).get("amount").decimalValue()).isEqualByComparingTo("1000.00");
        assertThat(summary.get("indicatorsDefined").asInt()).isEqualTo(2);
        assertThat(summary.get("indicatorsMet").asInt()).isEqualTo(2);
        assertThat(summary.get("averageProgress").decimalValue()).isEqualByComparingTo("1");
        assertThat(summary.get("reports").asInt()).isEqualTo(4);
        assertThat(summary.get("livedExperienceReports").asInt()).isEqualTo(1);
        assertThat(summary.get("pledgesFulfilled").asInt()).isEqualTo(1);
        assertThat(summary.get("assetsGiven").asInt()).isEqualTo(2);
        assertThat(summary.get("hoursGiven").decimalValue()).isEqualByComparingTo("6");
        assertThat(api().get("/api/outcomes/service-areas", auditor("hana")).body()).extracting(s -> s.get("serviceArea").asText()).contains(area);

        assertThat(api().get("/api/outcomes/initiatives?serviceArea=" + area + "&status=ACHIEVED", auditor("hana")).body().get("totalItems").asInt())
                .isEqualTo(1);
        assertThat(api().get("/api/outcomes/initiatives?serviceArea=" + area + "&status=AT_RISK", auditor("hana")).body().get("totalItems").asInt())
                .isZero();
    }

    @Test
    void citizensAppearAsTheirConsentNowStandsAndNeverByLoginWithoutIt() throws Exception {
        String id = startedInitiative(area(), "amara");
        String base = "/api/outcomes/initiatives/" + id;
        String bill = "bill-" + UUID.randomUUID();
        profile(bill, "Bill Turner", true);
        String proposalId = detail(id).body().get("proposalId").asText();
        EventEnvelope pledge = envelope(proposalId, pledged(proposalId, "pledge-" + id, bill, 6));
        send(pledge);
        awaitHandled(pledge);
        expect(204, api().put(base + "/indicators/indicator-1", commissioner("dana"),
                Map.of("unit", "neighbours known by name", "baseline", 3, "target", 10, "direction", "HIGHER_IS_BETTER")));
        expect(201, api().post(base + "/lived-experience", citizen(bill), report(TODAY, Map.of("indicator-1", 5))));
        Eventually.within(WAIT, () -> {
            JsonNode detail = detail(id).body();
            assertThat(detail.get("assets").get("pledged").get(0).get("publicName").asText()).isEqualTo("Bill Turner");
            assertThat(detail.get("reports").get(0).get("reporterId").asText()).isEqualTo(bill);
        });

        profile(bill, "Bill Turner", false);

        JsonNode detail = api().get(base, citizen("someone-else")).body();
        JsonNode pledged = detail.get("assets").get("pledged").get(0);
        assertThat(pledged.get("publicName").asText()).startsWith("Neighbour ");
        assertThat(pledged.get("participantId").asText()).startsWith("neighbour-");
        assertThat(detail.get("reports").get(0).get("reporterId").asText()).isEqualTo(pledged.get("participantId").asText());
        assertThat(detail.toString()).doesNotContain("Bill Turner").doesNotContain(bill);
    }

    @Test
    void theApiIsDocumentedWithOpenApiAndTheServiceIsObservable() {
        ApiClient.Response docs = api().get("/v3/api-docs", null);

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body().get("paths").has("/api/outcomes/initiatives")).isTrue();
        assertThat(docs.body().get("paths").has("/api/outcomes/initiatives/{id}/progress-reports")).isTrue();
        assertThat(docs.body().get("paths").has("/api/outcomes/service-areas/{serviceArea}")).isTrue();
        assertThat(docs.body().get("components").get("securitySchemes").has("bearer")).isTrue();
        assertThat(api().get("/actuator/health", null).status()).isEqualTo(200);
    }

    private static Map<String, Object> report(LocalDate observedOn, Map<String, Integer> values) {
        List<Map<String, Object>> readings = values.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(entry -> Map.<String, Object>of("indicatorId", entry.getKey(), "value", entry.getValue())).toList();
        return Map.of("readings", readings, "narrative", "What we saw in the garden", "observedOn", observedOn.toString());
    }
}
