package org.roundtable.commissioning.it;

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
import java.util.UUID;

/** Generated hostile requests at every write operation of the commissioning API, as its OpenAPI document lists them. */
class HostileRequestsIT extends CommissioningIntegrationTest {

    private static HostileChecks checks;
    private static String fundId;
    private static List<String> cases;

    @BeforeProperty
    void aRunningServiceWithAFundAndOpenCasesToAimAt() throws Exception {
        SpringTestContexts.prepare(this);
        checks = new HostileChecks("commissioning", api(), jdbc, Duration.ofSeconds(20));
        fundId = fund("ali", "5000.00");
        String sitting = submitted(UUID.randomUUID().toString());
        expect(204, api().post("/api/commissioning/cases/" + sitting + "/panel", commissioner("ali"), panel(fundId, "ali", "bea", "cal", null)));
        cases = List.of(sitting, submitted(UUID.randomUUID().toString()), submitted(UUID.randomUUID().toString()));
    }

    @Provide
    Arbitrary<HostileRequest> requests() {
        return HostileRequests.from(api().get("/v3/api-docs", null).body())
                .pathValues("caseId", Arbitraries.of(cases))
                .fieldValues("fundId", HostileRequests.jsonStrings(Arbitraries.just(fundId)))
                .fieldValues("memberId", HostileRequests.jsonStrings(Arbitraries.of("ali", "bea", "cal")))
                .fieldValues("chairId", HostileRequests.jsonStrings(Arbitraries.just("ali")))
                .fieldValues("holderIds", Arbitraries.of("[\"bea\"]", "[]", "[\"ali\",\"bea\"]"))
                .fieldValues("periodStart", HostileRequests.jsonStrings(Arbitraries.just("2026-04-01")))
                .fieldValues("periodEnd", HostileRequests.jsonStrings(Arbitraries.of("2027-03-31", "2026-09-30")))
                .fieldValues("currency", HostileRequests.jsonStrings(Arbitraries.just("GBP")))
                .fieldValues("serviceArea", HostileRequests.jsonStrings(Arbitraries.just(AREA)))
                .fieldValues("members", Arbitraries.just("[{\"memberId\":\"ali\",\"role\":\"COMMISSIONER\"},"
                        + "{\"memberId\":\"bea\",\"role\":\"COMMISSIONER\"},{\"memberId\":\"cal\",\"role\":\"CITIZEN\"}]"))
                .tokens(Arbitraries.of(commissioner("ali"), commissioner("bea"), citizen("cal"), auditor("hostile-auditor")))
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
