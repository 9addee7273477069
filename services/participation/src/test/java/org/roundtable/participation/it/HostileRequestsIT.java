package org.roundtable.participation.it;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.roundtable.testsupport.Eventually;
import org.roundtable.testsupport.hostile.HostileChecks;
import org.roundtable.testsupport.hostile.HostileRequest;
import org.roundtable.testsupport.hostile.HostileRequests;
import org.roundtable.testsupport.hostile.HostileRequestsProperty;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Generated hostile requests at every write operation of the participation API, aimed at a submitted proposal, its workshop and a pledge. */
class HostileRequestsIT extends ParticipationIntegrationTest implements HostileRequestsProperty {

    private static final String AUTHOR = "hostile-author";

    private HostileChecks checks;
    private String proposalId;
    private String workshopId;
    private String pledgeId;

    @BeforeProperty
    void aRunningServiceWithASubmittedProposalToAimAt() throws Exception {
        checks = new HostileChecks("participation", api(), jdbc, CATCH_UP);
        proposalId = UUID.randomUUID().toString();
        proposal(proposalId, AUTHOR, true);
        Eventually.within(Duration.ofSeconds(60), () -> assertThat(storedEventTypes(proposalId)).contains("EndorsementsOpened"));
        String base = "/api/participation/proposals/" + proposalId;
        workshopId = api().post(base + "/workshops", citizen(AUTHOR), Map.of("title", "Planting day", "startsAt", "2030-05-01T10:00:00Z",
                "place", "Library garden", "online", false)).expect(201).body().get("id").asText();
        pledgeId = api().post(base + "/pledges", citizen("hostile-pledger"), Map.of("kind", "TIME", "hoursPerMonth", 4))
                .expect(201).body().get("id").asText();
    }

    @Override
    public HostileChecks checks() {
        return checks;
    }

    @Override
    public int minimumRecorded() {
        return 10;
    }

    @Override
    @Provide
    public Arbitrary<HostileRequest> requests() {
        return operations()
                .pathValues("proposalId", Arbitraries.just(proposalId))
                .pathValues("workshopId", Arbitraries.just(workshopId))
                .pathValues("pledgeId", Arbitraries.just(pledgeId))
                .fieldValues("participantId", HostileRequests.jsonStrings(Arbitraries.of("hostile-pledger", AUTHOR)))
                .fieldValues("roles", Arbitraries.of("[\"CITIZEN\"]", "[\"CITIZEN\",\"STAFF\"]"))
                .tokens(Arbitraries.of(citizen(AUTHOR), citizen("hostile-pledger"), citizen("hostile-neighbour"), auditor("hostile-auditor")))
                .arbitrary();
    }
}
