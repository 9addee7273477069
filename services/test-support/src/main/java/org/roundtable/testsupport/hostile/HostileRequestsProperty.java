package org.roundtable.testsupport.hostile;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.roundtable.testsupport.ApiClient;
import org.roundtable.testsupport.SpringTestContexts;

import java.time.Duration;

/**
 * Generated hostile requests at every write operation of a service's API, as its OpenAPI document lists them, each
 * sent and checked by {@link HostileChecks}; the run ends with its report and fails unless it was clean and exercised
 * both sides. A service's integration test implements this and says only what is its own: the state it sets up for the
 * requests to reach (in its {@code @BeforeProperty}, which runs after the Spring context is injected), the checks it
 * made then, and the values and tokens of {@link #requests()}.
 */
public interface HostileRequestsProperty {

    /** How long every processor may take to catch up with an accepted request. */
    Duration CATCH_UP = Duration.ofSeconds(20);

    /** The API of the service under test. */
    ApiClient api();

    /** The checks every request of this run goes through. */
    HostileChecks checks();

    /** The requests: {@link #operations()} with values and tokens that reach the state the test set up. */
    Arbitrary<HostileRequest> requests();

    /** How many accepted requests must have stored events for the run to count. */
    default int minimumRecorded() {
        return 5;
    }

    /** Every write operation the service's OpenAPI document lists. */
    default HostileRequests operations() {
        return HostileRequests.from(api().get("/v3/api-docs", null).body());
    }

    /** jqwik runs no Spring extension: the test instance is injected from its class's Spring context first. */
    @BeforeProperty
    default void injectTheSpringContext() {
        SpringTestContexts.prepare(this);
    }

    /** Shrinking would send more requests to a service whose state the first ones changed, so a failure is shown as found. */
    @Property(tries = 250, shrinking = ShrinkingMode.OFF, edgeCases = EdgeCasesMode.NONE)
    default void everyAnswerIsASuccessOrAProblemAndNoProcessorStalls(@ForAll("requests") HostileRequest request) {
        checks().check(request);
    }

    @AfterProperty
    default void theRunWasCleanAndExercisedBothSides() {
        checks().printReportAndRequireCleanRun(minimumRecorded());
    }
}
