package org.roundtable.proposals.it;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.roundtable.testsupport.SpringTestContexts;
import org.roundtable.testsupport.hostile.HostileChecks;
import org.roundtable.testsupport.hostile.HostileRequest;
import org.roundtable.testsupport.hostile.HostileRequests;

import java.time.Duration;
import java.util.List;

/** Generated hostile requests at every write operation of the proposals API, as its OpenAPI document lists them. */
class HostileRequestsIT extends ProposalsIntegrationTest {

    private static HostileChecks checks;
    private static List<String> proposals;

    @BeforeProperty
    void aRunningServiceWithProposalsToAimAt() {
        SpringTestContexts.prepare(this);
        checks = new HostileChecks("proposals", api(), jdbc, Duration.ofSeconds(20));
        proposals = List.of(draft(citizen("hostile-author")), draft(citizen("hostile-author")), submitted("hostile-author", "hostile-staff"));
    }

    @Provide
    Arbitrary<HostileRequest> requests() {
        return HostileRequests.from(api().get("/v3/api-docs", null).body())
                .pathValues("id", Arbitraries.of(proposals))
                .fieldValues("inviteeId", HostileRequests.jsonStrings(Arbitraries.of("hostile-co", "hostile-staff")))
                // the author half the time: most writes are hers to make, so plausible ones are accepted and store events
                .tokens(Arbitraries.frequency(Tuple.of(3, citizen("hostile-author")), Tuple.of(1, citizen("hostile-co")),
                        Tuple.of(1, citizen("hostile-stranger")), Tuple.of(1, auditor("hostile-auditor"))))
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
