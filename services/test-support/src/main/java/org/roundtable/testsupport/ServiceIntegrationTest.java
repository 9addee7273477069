package org.roundtable.testsupport;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.roundtable.events.Role;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every service's integration-test base class needs whatever the service: its API on the random port, its
 * database, its event store, an expected status and a token per role. The base class of each service extends this and
 * carries the {@code @SpringBootTest} and {@code @RealInfrastructure} annotations and the service's own helpers.
 */
public abstract class ServiceIntegrationTest {

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    private Environment environment;

    @Autowired
    private MeterRegistry meters;

    @Autowired
    private ObjectProvider<EventProcessingConfiguration> processing;

    public ApiClient api() {
        return ApiClient.onPort(port);
    }

    public static void expect(int status, ApiClient.Response response) {
        response.expect(status);
    }

    /** A refusal with this status, answered as problem+json. */
    public static void assertProblem(ApiClient.Response response, int status) {
        assertThat(response.status()).as("status of %s", response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("status").asInt()).isEqualTo(status);
    }

    /** A 400 problem whose first error names this field. */
    public static void assertField(ApiClient.Response response, String field) {
        assertProblem(response, 400);
        assertThat(response.firstInvalidField()).as("invalid field of %s", response.body()).isEqualTo(field);
    }

    /**
     * The endpoint is open only to the roles its command declares: a token holding any other role a person can hold is
     * refused, before the request is read, with 403 problem+json naming the roles it is open to and the one the token
     * holds; nothing is stored.
     */
    public void assertOpenOnlyTo(List<Role> declared, String method, String path, Object body) {
        long before = storedEvents();
        for (Role role : Role.values()) {
            if (role == Role.SYSTEM || declared.contains(role)) {
                continue;
            }
            ApiClient.Response refused = api().send(method, path, TestTokens.shared().mint("holder-" + role, "Holder " + role, role.name()), body);
            assertProblem(refused, 403);
            assertThat(refused.body().get("detail").asText()).as("%s %s as %s", method, path, role)
                    .isEqualTo("this action is open to " + declared + "; the token holds [" + role + "]");
        }
        assertThat(storedEvents()).isEqualTo(before);
    }

    /** How many events this service's event store holds, of every aggregate. */
    public long storedEvents() {
        return new EventStore(jdbc).count();
    }

    /**
     * Waits until the tracking processor has read every event the store held when called: what a saga or a projection
     * does with them is done once this returns.
     */
    public void awaitProcessed(String processorName, Duration patience) throws Exception {
        EventStore store = new EventStore(jdbc);
        long head = store.head();
        Eventually.within(patience, () -> assertThat(store.positionsOf(processorName)).as("segments of %s", processorName)
                .isNotEmpty().allSatisfy(position -> assertThat(position).isGreaterThanOrEqualTo(head)));
    }

    /** {@link Projections#resetToStart} on this service: the processor forgets what it kept and reads all again once started. */
    public TrackingEventProcessor resetToStart(String processingGroup) {
        return Projections.resetToStart(processing.getObject(), processingGroup);
    }

    /** The events of one aggregate as this service stored them, by simple type name. */
    public List<String> storedEventTypes(String aggregateId) {
        return new EventStore(jdbc).typesOf(aggregateId);
    }

    /**
     * Waits until this service's inbox has handled every record now on {@code topics} (sent before this call), so a
     * test can check what a redelivery left without sleeping. The inbox's consumer group is the one the kit's settings
     * name ({@code roundtable.inbox.group}).
     */
    public void awaitInboxHandled(String... topics) throws Exception {
        Topics.awaitHandled(environment.getRequiredProperty("roundtable.inbox.group"), Duration.ofSeconds(60), topics);
    }

    /** Waits until this service's relay has published every event its store holds now (its lag gauge reads 0). */
    public void awaitRelayed() throws Exception {
        Eventually.within(Duration.ofSeconds(60), () -> {
            Gauge lag = meters.find("roundtable.relay.lag").gauge();
            assertThat(lag).as("the relay's lag gauge").isNotNull();
            assertThat(lag.value()).as("stored events not yet published").isZero();
        });
    }

    public static String citizen(String subject) {
        return TestTokens.shared().mint(subject, "Citizen " + subject, "CITIZEN");
    }

    /** A staff member, who is a citizen too. */
    public static String staff(String subject) {
        return TestTokens.shared().mint(subject, "Staff " + subject, "STAFF", "CITIZEN");
    }

    public static String commissioner(String subject) {
        return TestTokens.shared().mint(subject, "Commissioner " + subject, "COMMISSIONER");
    }

    public static String provider(String subject) {
        return TestTokens.shared().mint(subject, "Provider " + subject, "PROVIDER");
    }

    public static String auditor(String subject) {
        return TestTokens.shared().mint(subject, "Auditor " + subject, "AUDITOR");
    }
}
