package org.roundtable.platform;

import org.roundtable.local.SharedClasses;

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

    private record Usage(long rssKb, long pssKb, double cpuSeconds) {

        Usage plus(Usage other) {
            return new Usage(rssKb + other.rssKb, pssKb + other.pssKb, cpuSeconds + other.cpuSeconds);
        }
    }

    private StackFootprint() {
    }

    /**
     * The time from launch until every application was healthy, and the memory of all the stack's processes then and
     * the processor time they had used (which, over the machine's cores, is the least the start could take).
     */
    public record Footprint(double readySeconds, long rssKb, long pssKb, double cpuSeconds) {
    }

    public static void main(String[] args) throws IOException {
        boolean demo = List.of(args).contains("--demo");
        int offset = List.of(args).contains("--port-offset") ? Integer.parseInt(args[List.of(args).indexOf("--port-offset") + 1]) : 200;
        Footprint footprint = measure(Path.of("").toAbsolutePath(), new Ports(offset), demo);
        System.out.printf("%nReady: every application healthy %.1f s after launch (build not included).%n", footprint.readySeconds());
    }

    /**
     * Starts the whole stack as {@code ./roundtable} does, on a fresh data folder, prints the memory of each process
     * once it is ready (and after the demo journey, if asked), stops it and returns what it measured when ready. A
     * start from a warm build is measured: if some application's jar has no class-data archive yet (the first start
     * after a build writes them), the stack is started once before, and what that first start took is printed.
     */
    public static Footprint measure(Path root, Ports ports, boolean demo) throws IOException {
        boolean firstOfBuild = Application.ALL.stream()
                .anyMatch(application -> SharedClasses.forJar(application.executableJar(root)).trains());
        if (firstOfBuild) {
            System.out.println("The first start of this build, which writes the class-data archives:");
            Footprint first = once(root, ports, false, 0);
            System.out.printf("%nThe first start of this build: every application healthy %.1f s after launch, processor time %.1f s."
                    + " Now a start from the archives:%n", first.readySeconds(), first.cpuSeconds());
            return once(root, ports, demo, processorSeconds(ProcessHandle.current()));
        }
        return once(root, ports, demo, 0);
    }

    /** {@code launcherBefore}: the processor time this JVM had used for an earlier start, which this one does not count. */
    private static Footprint once(Path root, Ports ports, boolean demo, double launcherBefore) throws IOException {
        Path data = Files.createTempDirectory("roundtable-footprint-");
        long launched = System.nanoTime();
        try (LocalStack stack = new LocalStack(LocalStack.Settings.of(root, data, ports, System.out)).start()) {
            double ready = (System.nanoTime() - launched) / 1e9;
            Usage once = report("Memory once ready", data, launcherBefore);
            if (demo) {
                DemoJourney.against(ports, System.out).play();
                report("Memory after the demo journey", data, launcherBefore);
            }
            return new Footprint(ready, once.rssKb(), once.pssKb(), once.cpuSeconds());
        } finally {
            try (Stream<Path> files = Files.walk(data)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
    }

    /**
     * The processor time each of the stack's processes has used so far, summed by what it is (the launcher, which is
     * this JVM; postgres, with all its backends; kafka; each application), for the stack whose data folder is given.
     */
    public static Map<String, Double> processorSeconds(Path data) {
        Map<String, Double> byProcess = new LinkedHashMap<>();
        for (ProcessHandle process : processes(data)) {
            byProcess.merge(label(process), processorSeconds(process), Double::sum);
        }
        return byProcess;
    }

    private static List<ProcessHandle> processes(Path data) {
        List<ProcessHandle> processes = new ArrayList<>();
        processes.add(ProcessHandle.current());
        ProcessHandle.current().descendants().forEach(processes::add);
        postmaster(data).ifPresent(postgres -> {
            processes.add(postgres);
            postgres.descendants().forEach(processes::add);
        });
        return processes;
    }

    private static double processorSeconds(ProcessHandle process) {
        return process.info().totalCpuDuration().map(duration -> duration.toNanos() / 1e9).orElse(0.0);
    }

    private static Usage report(String title, Path data, double launcherBefore) {
        Map<String, Usage> byProcess = new LinkedHashMap<>();
        List<ProcessHandle> processes = processes(data);
        Usage total = new Usage(0, 0, 0);
        for (ProcessHandle process : processes) {
            Usage usage = usage(process, process.pid() == ProcessHandle.current().pid() ? launcherBefore : 0);
            total = total.plus(usage);
            byProcess.merge(label(process), usage, Usage::plus);
        }
        System.out.printf("%n%s (%d processes):%n", title, processes.size());
        byProcess.forEach((name, usage) -> print(name, usage));
        print("total", total);
        return total;
    }

    private static void print(String name, Usage usage) {
        System.out.printf("  %-22s RSS %6.0f MB   PSS %6.0f MB   CPU %6.1f s%n", name, usage.rssKb() / 1024.0, usage.pssKb() / 1024.0,
                usage.cpuSeconds());
    }

    private static Optional<ProcessHandle> postmaster(Path data) {
        try {
            long pid = Long.parseLong(Files.readAllLines(data.resolve("postgres").resolve("postmaster.pid")).get(0).trim());
            return ProcessHandle.of(pid);
        } catch (IOException | RuntimeException none) {
            return Optional.empty();
        }
    }

    private static Usage usage(ProcessHandle process, double cpuBefore) {
        long rss = 0;
        long pss = 0;
        double cpu = processorSeconds(process) - cpuBefore;
        try (Stream<String> lines = Files.lines(Path.of("/proc", Long.toString(process.pid()), "smaps_rollup"))) {
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
        return new Usage(rss, pss, cpu);
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
