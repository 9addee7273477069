package org.roundtable.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The long run of {@link FaultHarness}: two instances of everything on a fresh data folder, load and repeated rounds
 * of kills for the given time, then the figures. Exits 0 when nothing was lost, doubled or missed, 1 otherwise.
 */
final class Soak {

    private static final int WORKERS = 4;

    private Soak() {
    }

    /**
     * @param data      where the stack keeps its data and logs: emptied first when it is {@code own}, the soak's own
     *                  folder, and otherwise refused unless it is empty, so the figures count this run alone
     */
    static int run(Path root, Path data, boolean own, Ports ports, Duration duration) {
        try {
            if (own) {
                deleteAll(data);
            } else if (Files.isDirectory(data)) {
                try (Stream<Path> inside = Files.list(data)) {
                    if (inside.findAny().isPresent()) {
                        System.err.println("The soak counts what one run stored: " + data + " holds data already; name an empty or new folder");
                        return 2;
                    }
                }
            }
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        System.out.println("Soak: two instances of every service and of the gateway, kills for " + duration.toMinutes()
                + " minutes (data and logs in " + data + ")");
        try (LocalStack stack = new LocalStack(LocalStack.Settings.of(root, data, ports, System.out).withInstances(2)
                .withEnvironment(Map.of("ROUNDTABLE_BENCHMARK_USERS", "true"))).start()) {
            FaultHarness.Figures figures = new FaultHarness(stack, System.out).run(duration, 1, WORKERS);
            figures.print(System.out);
            return figures.clean() ? 0 : 1;
        } catch (Exception failure) {
            System.err.println("The soak stopped: " + failure);
            return 1;
        }
    }

    private static void deleteAll(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
