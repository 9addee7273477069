package org.roundtable.outcomes.it;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Lived experience from before the platform's century, and queries no database takes, are refused as problem+json. */
class HostileInputIT extends OutcomesIntegrationTest {

    @Test
    void queriesWithNulOrAPageBeyondEveryListAre400NamingTheParameter() {
        assertField(api().get("/api/outcomes/initiatives?serviceArea=%00", auditor("hana")), "serviceArea");
        assertField(api().get("/api/outcomes/initiatives?page=2147483647&size=100", auditor("hana")), "page");
    }

    @Test
    void anObservationDatedFiveThousandYearsBeforeOurEraIsRefusedAndNothingStored() throws Exception {
        String id = startedInitiative(area(), "amara");
        String base = "/api/outcomes/initiatives/" + id;
        String dana = commissioner("dana");
        expect(204, api().put(base + "/indicators/indicator-1", dana,
                Map.of("unit", "neighbours known by name", "baseline", 3, "target", 10, "direction", "HIGHER_IS_BETTER")));
        long before = storedEvents();

        assertField(api().post(base + "/lived-experience", citizen("amara"), Map.of("readings",
                List.of(Map.of("indicatorId", "indicator-1", "value", 5)), "narrative", "Long ago", "observedOn", "-5000-01-01")), "observedOn");
        assertField(api().put(base + "/review-dates", dana, Map.of("reviewDates", List.of("+300000-01-01"))), "reviewDates[0]");
        assertField(api().post(base + "/assets-given", citizen("amara"), Map.of("kind", "TIME", "description", "digging", "hours", 2,
                "givenOn", "1900-01-01")), "givenOn");
        assertField(api().post(base + "/lived-experience", citizen("amara"), Map.of("readings",
                List.of(Map.of("indicatorId", "indicator-1", "value", 5)), "narrative", "nul\u0000", "observedOn", "2026-01-01")), "narrative");
        assertThat(storedEvents()).isEqualTo(before);
    }
}
