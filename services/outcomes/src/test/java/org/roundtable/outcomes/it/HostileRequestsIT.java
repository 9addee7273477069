package org.roundtable.outcomes.it;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.roundtable.testsupport.hostile.HostileChecks;
import org.roundtable.testsupport.hostile.HostileRequest;
import org.roundtable.testsupport.hostile.HostileRequests;
import org.roundtable.testsupport.hostile.HostileRequestsProperty;

import java.util.List;
import java.util.Map;

/** Generated hostile requests at every write operation of the outcomes API, aimed at initiatives with a provider and an indicator. */
class HostileRequestsIT extends OutcomesIntegrationTest implements HostileRequestsProperty {

    private HostileChecks checks;
    private List<String> initiatives;

    @BeforeProperty
    void aRunningServiceWithInitiativesToAimAt() throws Exception {
        checks = new HostileChecks("outcomes", api(), jdbc, CATCH_UP);
        initiatives = List.of(startedInitiative(area(), "amara"), startedInitiative(area(), "amara"));
        for (String id : initiatives) {
            String base = "/api/outcomes/initiatives/" + id;
            api().put(base + "/provider", commissioner("dana"), Map.of("providerId", "greenshoots", "providerName", "Green Shoots CIC"))
                    .expect(204);
            api().put(base + "/indicators/indicator-1", commissioner("dana"),
                    Map.of("unit", "neighbours known by name", "baseline", 3, "target", 10, "direction", "HIGHER_IS_BETTER")).expect(204);
        }
    }

    @Override
    public HostileChecks checks() {
        return checks;
    }

    @Override
    @Provide
    public Arbitrary<HostileRequest> requests() {
        return operations()
                .pathValues("id", Arbitraries.of(initiatives))
                .pathValues("indicatorId", Arbitraries.of("indicator-1", "indicator-2"))
                .fieldValues("indicatorId", HostileRequests.jsonStrings(Arbitraries.just("indicator-1")))
                .fieldValues("providerId", HostileRequests.jsonStrings(Arbitraries.just("greenshoots")))
                .fieldValues("pledgeId", Arbitraries.just("null"))
                .fieldValues("observedOn", HostileRequests.jsonStrings(Arbitraries.of("2026-01-15", "2025-06-01")))
                .fieldValues("givenOn", HostileRequests.jsonStrings(Arbitraries.of("2026-01-15", "2025-06-01")))
                .fieldValues("reviewDates", Arbitraries.of("[\"2027-06-01\"]", "[\"2027-06-01\",\"2028-01-15\"]"))
                .tokens(Arbitraries.of(commissioner("dana"), provider("greenshoots"), citizen("amara"), auditor("hostile-auditor")))
                .arbitrary();
    }
}
