package org.roundtable.platform;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of every service and of the gateway behind one address, citizens endorsing through it, and one kill -9
 * of each kind while they do: a service instance, the broker, PostgreSQL, a gateway instance, each started again.
 * Nothing accepted is lost or doubled anywhere it should be, the ledger verifies, each panel's deadline closes its case
 * once, and the fund gives no more than it holds. Runs its own stack, on ports 50 above the shared platform's.
 */
class FaultsIT {

    private static final Ports PORTS = new Ports(SharedPlatform.PORTS.offset() + 50);

    @Test
    void killingEachKindOfProcessUnderLoadLosesNothingAndDoublesNothing() throws Exception {
        Path root = Path.of("").toAbsolutePath().getParent().getParent();
        Path data = Path.of("target", "faults-it").toAbsolutePath();
        deleteQuietly(data);
        Files.createDirectories(data);
        List<ProcessHandle> before = ProcessHandle.current().descendants().toList();
        FaultHarness.Figures figures;
        try (LocalStack stack = new LocalStack(LocalStack.Settings.of(root, data, PORTS, System.out).withInstances(2).withEnvironment(java.util.Map.of("ROUNDTABLE_BENCHMARK_USERS", "true")))
                .start()) {
            figures = new FaultHarness(stack, System.out).run(Duration.ofSeconds(30), 1, 3);
        }
        figures.print(System.out);

        assertThat(figures.faults()).hasSize(4);
        assertThat(figures.accepted()).as("endorsements accepted").isPositive();
        assertThat(figures.lost()).as("events lost").isZero();
        assertThat(figures.duplicated()).as("events duplicated").isZero();
        assertThat(figures.readModelGaps()).as("read-model gaps").isZero();
        assertThat(figures.ledgerVerifies()).as("the ledger verifies").isTrue();
        assertThat(figures.deadlinesFired()).as("cases closed at their deadline").isEqualTo(FaultHarness.CASES);
        assertThat(figures.deadlinesFiredTwice()).as("deadlines fired twice").isZero();
        assertThat(figures.fundsOverAllocated()).as("funds over-allocated").isZero();
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .filter(process -> !before.contains(process)).toList()).as("processes left running").isEmpty();
    }

    private static void deleteQuietly(Path folder) {
        try (var paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | java.io.UncheckedIOException leftBehind) {
            // nothing there yet
        }
    }
}
