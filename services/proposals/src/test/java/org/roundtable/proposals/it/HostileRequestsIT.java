package org.roundtable.proposals.it;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.roundtable.testsupport.hostile.HostileChecks;
import org.roundtable.testsupport.hostile.HostileRequest;
import org.roundtable.testsupport.hostile.HostileRequests;
import org.roundtable.testsupport.hostile.HostileRequestsProperty;

import java.util.List;

/** Generated hostile requests at every write operation of the proposals API, aimed at drafted and submitted proposals. */
class HostileRequestsIT extends ProposalsIntegrationTest implements HostileRequestsProperty {

    private HostileChecks checks;
    private List<String> proposals;

    @BeforeProperty
    void aRunningServiceWithProposalsToAimAt() {
        checks = new HostileChecks("proposals", api(), jdbc, CATCH_UP);
        proposals = List.of(draft(citizen("hostile-author")), draft(citizen("hostile-author")), submitted("hostile-author", "hostile-staff"));
    }

    @Override
    public HostileChecks checks() {
        return checks;
    }

    @Override
    @Provide
    public Arbitrary<HostileRequest> requests() {
        return operations()
                .pathValues("id", Arbitraries.of(proposals))
                .fieldValues("inviteeId", HostileRequests.jsonStrings(Arbitraries.of("hostile-co", "hostile-staff")))
                // the author half the time: most writes are hers to make, so plausible ones are accepted and store events
                .tokens(Arbitraries.frequency(Tuple.of(3, citizen("hostile-author")), Tuple.of(1, citizen("hostile-co")),
                        Tuple.of(1, citizen("hostile-stranger")), Tuple.of(1, auditor("hostile-auditor"))))
                .arbitrary();
    }
}
