package org.roundtable.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Measures the local stack: the time from launch to every application healthy, and the memory held by all its
 * processes (the launcher, the Kafka broker, PostgreSQL with its backends, the authorization server, the services and
 * the gateway), as resident set size (which counts pages shared between processes once per process) and as
 * proportional set size (which shares them out). Optionally after the demo journey too. Prints figures; Linux only.
 *
 * <p>{@code java -cp infrastructure/platform/target/roundtable-platform-0.1.0-SNAPSHOT-exec.jar
 * org.roundtable.platform.StackFootprint [--demo] [--port-offset N]} from the project root; it uses a fresh data folder.
 */
public final class StackFootprint {

    private record Usage(long rssKb, long pssKb) {
    }

    private StackFootprint() {
    }

    public static void main(String[] args) throws IOException {
        boolean demo = List.of(args).contains("--demo");
        int offset = List.of(args).contains("--port-offset") ? Integer.parseInt(args[List.of(args).indexOf("--port-offset") + 1]) : 200;
        Path root = Path.of("").toAbsolutePath();
        Path data = Files.createTempDirectory("roundtable-footprint-");
        Ports ports = new Ports(offset);
        long launched = System.nanoTime();
        try (LocalStack stack = new LocalStack(LocalStack.Settings.of(root, data, ports, System.out)).start()) {
            double ready = (System.nanoTime() - launched) / 1e9;
            System.out.printf("%nReady: every application healthy %.1f s after launch (build not included).%n", ready);
            report("Memory once ready", data);
            if (demo) {
                DemoJourney.against(ports, System.out).play();
                report("Memory after the demo journey", data);
            }
        } finally {
            try (Stream<Path> files = Files.walk(data)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
    }

    private static void report(String title, Path data) {
        Map<String, Usage> byProcess = new LinkedHashMap<>();
        List<ProcessHandle> processes = new ArrayList<>();
        processes.add(ProcessHandle.current());
        ProcessHandle.current().descendants().forEach(processes::add);
        postmaster(data).ifPresent(postgres -> {
            processes.add(postgres);
            postgres.descendants().forEach(processes::add);
        });
        long rss = 0;
        long pss = 0;
        for (ProcessHandle process : processes) {
            Usage usage = usage(process.pid());
            rss += usage.rssKb();
            pss += usage.pssKb();
            byProcess.merge(label(process), usage, (a, b) -> new Usage(a.rssKb() + b.rssKb(), a.pssKb() + b.pssKb()));
        }
        System.out.printf("%n%s (%d processes):%n", title, processes.size());
        byProcess.forEach((name, usage) -> System.out.printf("  %-22s RSS %6.0f MB   PSS %6.0f MB%n", name, usage.rssKb() / 1024.0,
                usage.pssKb() / 1024.0));
        System.out.printf("  %-22s RSS %6.0f MB   PSS %6.0f MB%n", "total", rss / 1024.0, pss / 1024.0);
    }

    private static Optional<ProcessHandle> postmaster(Path data) {
        try {
            long pid = Long.parseLong(Files.readAllLines(data.resolve("postgres").resolve("postmaster.pid")).get(0).trim());
            return ProcessHandle.of(pid);
        } catch (IOException | RuntimeException none) {
            return Optional.empty();
        }
    }

    private static Usage usage(long pid) {
        long rss = 0;
        long pss = 0;
        try (Stream<String> lines = Files.lines(Path.of("/proc", Long.toString(pid), "smaps_rollup"))) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.startsWith("Rss:")) {
                    rss = kilobytes(line);
                } else if (line.startsWith("Pss:")) {
                    pss = kilobytes(line);
                }
            }
        } catch (IOException | java.io.UncheckedIOException gone) {
            // the process ended meanwhile
        }
        return new Usage(rss, pss);
    }

    private static long kilobytes(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }

    private static String label(ProcessHandle process) {
        if (process.pid() == ProcessHandle.current().pid()) {
            return "launcher";
        }
        String command = process.info().command().orElse("");
        List<String> arguments = List.of(process.info().arguments().orElse(new String[0]));
        if (command.endsWith("postgres")) {
            return "postgres";
        }
        if (arguments.stream().anyMatch(argument -> argument.endsWith("KafkaBrokerMain"))) {
            return "kafka";
        }
        return arguments.stream().filter(argument -> argument.endsWith("-exec.jar")).findFirst()
                .map(jar -> Path.of(jar).getFileName().toString().replace("roundtable-", "").replaceAll("-0\\..*", ""))
                .orElse(Path.of(command).getFileName().toString());
    }
}
