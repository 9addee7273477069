package org.roundtable.outcomes.it;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.roundtable.testsupport.SpringTestContexts;
import org.roundtable.testsupport.hostile.HostileChecks;
import org.roundtable.testsupport.hostile.HostileRequest;
import org.roundtable.testsupport.hostile.HostileRequests;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Generated hostile requests at every write operation of the outcomes API, as its OpenAPI document lists them. */
class HostileRequestsIT extends OutcomesIntegrationTest {

    private static HostileChecks checks;
    private static List<String> initiatives;

    @BeforeProperty
    void aRunningServiceWithInitiativesToAimAt() throws Exception {
        SpringTestContexts.prepare(this);
        checks = new HostileChecks("outcomes", api(), jdbc, Duration.ofSeconds(20));
        initiatives = List.of(startedInitiative(area(), "amara"), startedInitiative(area(), "amara"));
        for (String id : initiatives) {
            String base = "/api/outcomes/initiatives/" + id;
            api().put(base + "/provider", commissioner("dana"), Map.of("providerId", "greenshoots", "providerName", "Green Shoots CIC"))
                    .expect(204);
            api().put(base + "/indicators/indicator-1", commissioner("dana"),
                    Map.of("unit", "neighbours known by name", "baseline", 3, "target", 10, "direction", "HIGHER_IS_BETTER")).expect(204);
        }
    }

    @Provide
    Arbitrary<HostileRequest> requests() {
        return HostileRequests.from(api().get("/v3/api-docs", null).body())
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

    /** Shrinking would send more requests to a service whose state the first ones changed, so a failure is shown as found. */
    @Property(tries = 250, shrinking = ShrinkingMode.OFF, edgeCases = EdgeCasesMode.NONE)
    void everyAnswerIsASuccessOrAProblemAndNoProcessorStalls(@ForAll("requests") HostileRequest request) {
        checks.check(request);
    }

    @AfterContainer
    static void report() {
        checks.printReportAndRequireCleanRun(5);
    }
}
