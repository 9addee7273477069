package org.roundtable.commissioning.it;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.roundtable.testsupport.hostile.HostileChecks;
import org.roundtable.testsupport.hostile.HostileRequest;
import org.roundtable.testsupport.hostile.HostileRequests;
import org.roundtable.testsupport.hostile.HostileRequestsProperty;

import java.util.List;
import java.util.UUID;

/** Generated hostile requests at every write operation of the commissioning API, aimed at a fund and open cases, one with a panel sitting. */
class HostileRequestsIT extends CommissioningIntegrationTest implements HostileRequestsProperty {

    private HostileChecks checks;
    private String fundId;
    private List<String> cases;

    @BeforeProperty
    void aRunningServiceWithAFundAndOpenCasesToAimAt() throws Exception {
        checks = new HostileChecks("commissioning", api(), jdbc, CATCH_UP);
        fundId = fund("ali", "5000.00");
        String sitting = submitted(UUID.randomUUID().toString());
        expect(204, api().post("/api/commissioning/cases/" + sitting + "/panel", commissioner("ali"), panel(fundId, "ali", "bea", "cal", null)));
        cases = List.of(sitting, submitted(UUID.randomUUID().toString()), submitted(UUID.randomUUID().toString()));
    }

    @Override
    public HostileChecks checks() {
        return checks;
    }

    @Override
    @Provide
    public Arbitrary<HostileRequest> requests() {
        return operations()
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
}
