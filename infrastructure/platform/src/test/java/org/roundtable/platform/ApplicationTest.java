package org.roundtable.platform;

import org.junit.jupiter.api.Test;

import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApplicationTest {

    private static final Ports PORTS = new Ports(100);
    private static final Path DATA = Path.of("/tmp/roundtable-data");

    @Test
    void anInstanceListensOnLoopbackAtItsOwnPortAndIsSetUpAsItsApplication() {
        Application second = Application.PARTICIPATION.instance(2);

        assertThat(second.name()).isEqualTo("participation-2");
        assertThat(second.portIn(PORTS)).isEqualTo(PORTS.participation() + 20_000);
        assertThat(second.application()).isEqualTo(Application.PARTICIPATION);
        assertThat(second.laterInstance()).isTrue();
        assertThat(Application.PARTICIPATION.instance(1).laterInstance()).isFalse();
        assertThat(Application.PARTICIPATION.laterInstance()).isFalse();

        Map<String, String> alone = Application.PARTICIPATION.environment(PORTS, DATA, "jdbc:postgresql://x/participation", "u", "p");
        Map<String, String> instance = second.environment(PORTS, DATA, "jdbc:postgresql://x/participation", "u", "p");
        assertThat(instance).containsEntry("PORT", Integer.toString(PORTS.participation() + 20_000))
                .containsEntry("SERVER_ADDRESS", Application.LOOPBACK);
        assertThat(withoutPort(instance)).isEqualTo(withoutPort(alone));
    }

    @Test
    void aGatewayInstanceListensOnLoopbackBehindTheOneDoorIn() {
        assertThat(Application.GATEWAY.environment(PORTS, DATA, "jdbc:postgresql://x/gateway", "u", "p")).doesNotContainKey("SERVER_ADDRESS");
        Map<String, String> instance = Application.GATEWAY.instance(1).environment(PORTS, DATA, "jdbc:postgresql://x/gateway", "u", "p");
        assertThat(instance).containsEntry("SERVER_ADDRESS", Application.LOOPBACK)
                .containsEntry("ROUNDTABLE_PROPOSALS_URL", "http://127.0.0.1:" + PORTS.proposals());
    }

    @Test
    void anInstanceIsTheSameWhicheverCallMadeIt() {
        assertThat(Application.AUDIT.instance(2)).isEqualTo(Application.AUDIT.instance(2)).hasSameHashCodeAs(Application.AUDIT.instance(2))
                .isNotEqualTo(Application.AUDIT.instance(1)).isNotEqualTo(Application.AUDIT);
    }

    @Test
    void onlyTheServicesAndTheGatewayRunAsSeveralInstances() {
        for (Application alone : new Application[]{Application.IDENTITY, Application.WEB, Application.WITNESS}) {
            assertThatThrownBy(() -> alone.instance(1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(alone.name());
        }
        assertThatThrownBy(() -> Application.PROPOSALS.instance(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withTwoInstancesTheStackRunsEachServiceAndGatewayTwiceAndTheRestOnce() {
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
        LocalStack.Settings settings = LocalStack.Settings.of(Path.of("."), DATA, PORTS, nowhere).withInstances(2);

        assertThat(settings.processes()).extracting(Application::name).containsExactly("authorization-server",
                "proposals-1", "proposals-2", "participation-1", "participation-2", "commissioning-1", "commissioning-2",
                "outcomes-1", "outcomes-2", "audit-1", "audit-2", "web", "gateway-1", "gateway-2", "witness");
        assertThat(LocalStack.Settings.of(Path.of("."), DATA, PORTS, nowhere).processes()).isEqualTo(Application.ALL);
        assertThatThrownBy(() -> settings.withInstances(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> settings.withInstances(5)).isInstanceOf(IllegalArgumentException.class);
    }

    private static Map<String, String> withoutPort(Map<String, String> environment) {
        Map<String, String> rest = new java.util.HashMap<>(environment);
        rest.remove("PORT");
        return rest;
    }
}
