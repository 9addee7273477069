package org.roundtable.outcomes.it;

import org.junit.jupiter.api.Test;
import org.roundtable.kit.authority.Authorities;
import org.roundtable.outcomes.domain.InitiativeCommands.AssignProvider;
import org.roundtable.outcomes.domain.InitiativeCommands.RecordAssetsGiven;
import org.roundtable.outcomes.domain.InitiativeCommands.ReportProgress;
import org.roundtable.outcomes.domain.InitiativeCommands.ReviewInitiative;
import org.roundtable.outcomes.domain.InitiativeCommands.ShareLivedExperience;
import org.roundtable.testsupport.ApiClient;
import org.roundtable.testsupport.TestTokens;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ApiRefusalsIT extends OutcomesIntegrationTest {

    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    static final Map<String, Object> DEFINITION = Map.of("unit", "people", "baseline", 3, "target", 10, "direction", "HIGHER_IS_BETTER");

    @Test
    void withoutATokenNothingIsWrittenAndOnlyWhatThePublicPagesShowIsRead() throws Exception {
        String id = startedInitiative(area(), "amara");
        long before = storedEvents();

        assertThat(api().get("/api/outcomes/initiatives", null).status()).as("initiatives are public reading").isEqualTo(200);
        assertThat(api().get("/api/outcomes/initiatives/" + id, null).status()).isEqualTo(200);
        assertProblem(api().get("/api/outcomes/operations/dead-letters", null), 401);
        assertProblem(api().put("/api/outcomes/initiatives/" + id + "/provider", null, Map.of("providerId", "x", "providerName", "X")), 401);
        assertProblem(api().get("/api/outcomes/initiatives", TestTokens.shared().mintExpired("dana", "COMMISSIONER")), 401);
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void eachActionIsOpenOnlyToItsRolesAndAuditorsOnlyRead() throws Exception {
        String id = startedInitiative(area(), "amara");
        String base = "/api/outcomes/initiatives/" + id;
        expect(204, api().put(base + "/indicators/indicator-1", commissioner("dana"), DEFINITION));
        long before = storedEvents();

        assertProblem(api().put(base + "/provider", auditor("hana"), Map.of("providerId", "x", "providerName", "X")), 403);
        assertProblem(api().put(base + "/provider", provider("greenshoots"), Map.of("providerId", "greenshoots", "providerName", "X")), 403);
        assertProblem(api().put(base + "/indicators/indicator-1", citizen("amara"), DEFINITION), 403);
        assertProblem(api().post(base + "/progress-reports", auditor("hana"), report("indicator-1")), 403);
        assertProblem(api().post(base + "/progress-reports", commissioner("dana"), report("indicator-1")), 403);
        assertProblem(api().send("POST", base + "/progress-reports", TestTokens.shared().mint("both", "Both", "CITIZEN", "AUDITOR"),
                report("indicator-1"), "X-Acting-Role", "AUDITOR"), 403);
        assertProblem(api().post(base + "/reviews", provider("greenshoots"), Map.of("status", "ON_TRACK", "reason", "fine")), 403);
        assertProblem(api().post(base + "/progress-reports", provider("greenshoots"), report("indicator-1")), 403);
        assertProblem(api().post(base + "/assets-given", citizen("bill"), Map.of("kind", "SKILL", "description", "x", "givenOn", TODAY.toString())), 403);
        assertProblem(api().post(base + "/progress-reports", citizen("bill"), report("indicator-1")), 403);
        assertProblem(api().post(base + "/lived-experience", provider("greenshoots"), report("indicator-1")), 403);
        assertThat(storedEvents()).isEqualTo(before);
        assertThat(api().get(base, auditor("hana")).status()).isEqualTo(200);
    }

    @Test
    void eachEndpointIsOpenOnlyToTheRolesItsCommandDeclares() throws Exception {
        String base = "/api/outcomes/initiatives/" + startedInitiative(area(), "amara");

        assertOpenOnlyTo(Authorities.rolesOf(AssignProvider.class), "PUT", base + "/provider", Map.of("providerId", "x", "providerName", "X"));
        assertOpenOnlyTo(Authorities.rolesOf(ReportProgress.class), "POST", base + "/progress-reports", report("indicator-1"));
        assertOpenOnlyTo(Authorities.rolesOf(ShareLivedExperience.class), "POST", base + "/lived-experience", report("indicator-1"));
        assertOpenOnlyTo(Authorities.rolesOf(RecordAssetsGiven.class), "POST", base + "/assets-given",
                Map.of("kind", "SKILL", "description", "x", "givenOn", TODAY.toString()));
        assertOpenOnlyTo(Authorities.rolesOf(ReviewInitiative.class), "POST", base + "/reviews", Map.of("status", "ON_TRACK", "reason", "fine"));
    }

    @Test
    void onlyTheFundsHoldersAndThePanelsUnrecusedCommissionersManageTheInitiative() throws Exception {
        String id = startedInitiative(area(), "amara");
        String base = "/api/outcomes/initiatives/" + id;
        long before = storedEvents();

        ApiClient.Response recused = api().put(base + "/provider", commissioner("farah"), Map.of("providerId", "greenshoots", "providerName", "G"));
        assertProblem(recused, 403);
        assertThat(recused.body().get("detail").asText()).contains("manage it");
        assertProblem(api().put(base + "/provider", commissioner("zed"), Map.of("providerId", "greenshoots", "providerName", "G")), 403);
        assertProblem(api().post(base + "/reviews", commissioner("farah"), Map.of("status", "ON_TRACK", "reason", "fine")), 403);
        assertProblem(api().put(base + "/indicators/indicator-1", commissioner("farah"), DEFINITION), 403);
        assertProblem(api().put(base + "/review-dates", commissioner("zed"), Map.of("reviewDates", List.of(TODAY.toString()))), 403);
        assertThat(storedEvents()).isEqualTo(before);

        expect(204, api().put(base + "/provider", commissioner("eli"), Map.of("providerId", "greenshoots", "providerName", "Green Shoots CIC")));
        expect(204, api().post(base + "/reviews", commissioner("dana"), Map.of("status", "ON_TRACK", "reason", "started well")));
    }

    @Test
    void invalidInputIs400NamingTheFieldAndStoresNothing() throws Exception {
        String id = startedInitiative(area(), "amara");
        String base = "/api/outcomes/initiatives/" + id;
        String dana = commissioner("dana");
        expect(204, api().put(base + "/indicators/indicator-1", dana, DEFINITION));
        long before = storedEvents();

        assertField(api().put(base + "/indicators/indicator-1", dana, with(DEFINITION, "unit", " ")), "unit");
        assertField(api().put(base + "/indicators/indicator-1", dana, with(DEFINITION, "direction", "SIDEWAYS")), "direction");
        assertField(api().put(base + "/indicators/indicator-1", dana, with(DEFINITION, "baseline", "lots")), "baseline");
        assertField(api().put(base + "/indicators/indicator-1", dana, with(DEFINITION, "target", 1)), "target");
        assertField(api().put(base + "/indicators/indicator-1", dana, "{\"unit\": "), "body");
        assertField(api().put(base + "/provider", dana, Map.of("providerName", "Green Shoots CIC")), "providerId");
        assertField(api().put(base + "/review-dates", dana, Map.of("reviewDates", List.of(TODAY.minusDays(1).toString()))), "reviewDates[0]");
        assertField(api().post(base + "/lived-experience", citizen("bill"), report("indicator-7")), "readings[0].indicatorId");
        assertField(api().post(base + "/lived-experience", citizen("bill"),
                Map.of("readings", List.of(Map.of("indicatorId", "indicator-1", "value", 5)), "narrative", "x",
                        "observedOn", TODAY.plusDays(2).toString())), "observedOn");
        assertField(api().post(base + "/lived-experience", citizen("bill"),
                Map.of("readings", List.of(Map.of("indicatorId", "indicator-1", "value", 5)), "observedOn", TODAY.toString())), "narrative");
        assertField(api().post(base + "/assets-given", citizen("amara"), Map.of("kind", "TIME", "description", "Digging",
                "givenOn", TODAY.toString())), "hours");
        assertField(api().post(base + "/reviews", dana, Map.of("status", "ON_TRACK", "reason", "fine", "overrideReason", "why not")),
                "overrideReason");
        assertField(api().post(base + "/reviews", dana, Map.of("status", "FLOURISHING", "reason", "fine")), "status");
        assertField(api().send("POST", base + "/reviews", dana, Map.of("status", "ON_TRACK", "reason", "fine"), "X-Acting-Role", "WIZARD"),
                "X-Acting-Role");
        assertField(api().get("/api/outcomes/initiatives/not-a-uuid", dana), "id");
        assertField(api().get("/api/outcomes/initiatives?size=0", dana), "size");
        assertField(api().get("/api/outcomes/initiatives?status=FINISHED", dana), "status");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void unknownInitiativesIndicatorsAndServiceAreasAre404() throws Exception {
        String id = startedInitiative(area(), "amara");
        String unknown = UUID.randomUUID().toString();
        long before = storedEvents();

        assertProblem(api().get("/api/outcomes/initiatives/" + unknown, auditor("hana")), 404);
        assertProblem(api().put("/api/outcomes/initiatives/" + unknown + "/provider", commissioner("dana"),
                Map.of("providerId", "greenshoots", "providerName", "Green Shoots CIC")), 404);
        assertProblem(api().post("/api/outcomes/initiatives/" + unknown + "/lived-experience", citizen("bill"), report("indicator-1")), 404);
        assertProblem(api().put("/api/outcomes/initiatives/" + id + "/indicators/indicator-9", commissioner("dana"), DEFINITION), 404);
        assertProblem(api().get("/api/outcomes/service-areas/nowhere-" + unknown, auditor("hana")), 404);
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void stateRulesRefuseWith409AndStoreNothing() throws Exception {
        String id = startedInitiative(area(), "amara");
        String base = "/api/outcomes/initiatives/" + id;
        String dana = commissioner("dana");
        long before = storedEvents();

        ApiClient.Response undefined = api().post(base + "/lived-experience", citizen("bill"), report("indicator-1"));
        assertProblem(undefined, 409);
        assertThat(undefined.body().get("detail").asText()).contains("not defined yet");
        assertProblem(api().post(base + "/reviews", dana, Map.of("status", "ACHIEVED", "reason", "done")), 409);
        assertThat(storedEvents()).isEqualTo(before);

        expect(204, api().post(base + "/reviews", dana, Map.of("status", "STOPPED", "reason", "the garden was sold")));
        long afterStop = storedEvents();
        assertProblem(api().post(base + "/reviews", dana, Map.of("status", "ON_TRACK", "reason", "reopened")), 409);
        assertProblem(api().put(base + "/indicators/indicator-1", dana, DEFINITION), 409);
        assertThat(storedEvents()).isEqualTo(afterStop);
    }

    private static Map<String, Object> report(String indicatorId) {
        return Map.of("readings", List.of(Map.of("indicatorId", indicatorId, "value", 5)), "narrative", "We met twice",
                "observedOn", TODAY.toString());
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> changed = new java.util.HashMap<>(body);
        changed.put(field, value);
        return changed;
    }
}
