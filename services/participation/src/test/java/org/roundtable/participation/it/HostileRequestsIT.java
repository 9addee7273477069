package org.roundtable.participation.it;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.roundtable.testsupport.Eventually;
import org.roundtable.testsupport.SpringTestContexts;
import org.roundtable.testsupport.hostile.HostileChecks;
import org.roundtable.testsupport.hostile.HostileRequest;
import org.roundtable.testsupport.hostile.HostileRequests;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Generated hostile requests at every write operation of the participation API, as its OpenAPI document lists them. */
class HostileRequestsIT extends ParticipationIntegrationTest {

    private static final String AUTHOR = "hostile-author";

    private static HostileChecks checks;
    private static String proposalId;
    private static String workshopId;
    private static String pledgeId;

    @BeforeProperty
    void aRunningServiceWithASubmittedProposalToAimAt() throws Exception {
        SpringTestContexts.prepare(this);
        checks = new HostileChecks("participation", api(), jdbc, Duration.ofSeconds(20));
        proposalId = UUID.randomUUID().toString();
        proposal(proposalId, AUTHOR, true);
        Eventually.within(Duration.ofSeconds(60), () -> assertThat(storedEventTypes(proposalId)).contains("EndorsementsOpened"));
        String base = "/api/participation/proposals/" + proposalId;
        workshopId = api().post(base + "/workshops", citizen(AUTHOR), Map.of("title", "Planting day", "startsAt", "2030-05-01T10:00:00Z",
                "place", "Library garden", "online", false)).expect(201).body().get("id").asText();
        pledgeId = api().post(base + "/pledges", citizen("hostile-pledger"), Map.of("kind", "TIME", "hoursPerMonth", 4))
                .expect(201).body().get("id").asText();
    }

    @Provide
    Arbitrary<HostileRequest> requests() {
        return HostileRequests.from(api().get("/v3/api-docs", null).body())
                .pathValues("proposalId", Arbitraries.just(proposalId))
                .pathValues("workshopId", Arbitraries.just(workshopId))
                .pathValues("pledgeId", Arbitraries.just(pledgeId))
                .fieldValues("participantId", HostileRequests.jsonStrings(Arbitraries.of("hostile-pledger", AUTHOR)))
                .fieldValues("roles", Arbitraries.of("[\"CITIZEN\"]", "[\"CITIZEN\",\"STAFF\"]"))
                .tokens(Arbitraries.of(citizen(AUTHOR), citizen("hostile-pledger"), citizen("hostile-neighbour"), auditor("hostile-auditor")))
                .arbitrary();
    }

    /** Shrinking would send more requests to a service whose state the first ones changed, so a failure is shown as found. */
    @Property(tries = 250, shrinking = ShrinkingMode.OFF, edgeCases = EdgeCasesMode.NONE)
    void everyAnswerIsASuccessOrAProblemAndNoProcessorStalls(@ForAll("requests") HostileRequest request) {
        checks.check(request);
    }

    @AfterContainer
    static void report() {
        checks.printReportAndRequireCleanRun(10);
    }
}
