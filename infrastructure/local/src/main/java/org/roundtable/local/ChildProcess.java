package org.roundtable.local;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A process this JVM starts: its output appended to a log file, waited on until it is ready (failing with the end of
 * that log as soon as it exits, or once it takes too long), and stopped together with every process it started.
 */
public final class ChildProcess {

    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration FORCED_EXIT = Duration.ofSeconds(10);
    private static final int TAIL_LINES = 60;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final Process process;
    private final Path log;

    private ChildProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code command} in {@code directory} with {@code environment} added to this JVM's, its standard output and
     * error appended to {@code log}. Its standard input stays a pipe from this JVM, which {@link #stop} closes.
     */
    public static ChildProcess start(String name, List<String> command, Path directory, Map<String, String> environment, Path log) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            Files.writeString(log, "---- starting at " + Instant.now() + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            return new ChildProcess(name, builder.start(), log);
        } catch (IOException failure) {
            throw new UncheckedIOException("could not start " + name, failure);
        }
    }

    /** The command that runs the Java this JVM runs on, with these JVM options, then these arguments. */
    public static List<String> java(List<String> jvmOptions, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(arguments);
        return command;
    }

    public String name() {
        return name;
    }

    public Path log() {
        return log;
    }

    public ProcessHandle handle() {
        return process.toHandle();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits until {@code ready} holds; fails with the end of the log if the process exits first, or after {@code timeout}. */
    public void awaitReady(Duration timeout, BooleanSupplier ready) {
        awaitReady(List.of(this), timeout, process -> ready.getAsBoolean(), process -> { });
    }

    /**
     * Waits until every process is ready, in whatever order they get there, telling {@code whenReady} of each as it
     * is; fails with the end of its log as soon as one of them exits, or once {@code timeout} has passed.
     */
    public static void awaitReady(List<ChildProcess> processes, Duration timeout, Predicate<ChildProcess> ready,
                                  Consumer<ChildProcess> whenReady) {
        List<ChildProcess> pending = new ArrayList<>(processes);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!pending.isEmpty()) {
            for (ChildProcess child : List.copyOf(pending)) {
                if (!child.isAlive()) {
                    throw new IllegalStateException(child.name + " exited with code " + child.process.exitValue()
                            + "; the end of " + child.log + ":\n" + child.tail());
                }
                if (ready.test(child)) {
                    pending.remove(child);
                    whenReady.accept(child);
                }
            }
            if (!pending.isEmpty()) {
                if (System.nanoTime() - deadline > 0) {
                    throw new IllegalStateException("not ready within " + timeout.toSeconds() + " s: "
                            + pending.stream().map(ChildProcess::name).toList() + "; the end of " + pending.get(0).log + ":\n"
                            + pending.get(0).tail());
                }
                pause(POLL);
            }
        }
    }

    /**
     * Waits until the process ends by itself and returns its exit code; if it still runs after {@code timeout}, ends
     * it and everything it started, and fails.
     */
    public int awaitExit(Duration timeout) {
        try {
            if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return process.exitValue();
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            stop(Duration.ZERO);
            throw new IllegalStateException("interrupted while waiting for " + name + " to finish", interrupted);
        }
        stop(Duration.ZERO);
        throw new IllegalStateException(name + " did not finish within " + timeout.toSeconds() + " s; the end of " + log + ":\n" + tail());
    }

    /** Whether the Spring Boot application at {@code baseUrl} reports itself {@code UP} at {@code /actuator/health}. */
    public static boolean reportsUp(String baseUrl) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health"))
                    .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && "UP".equals(JSON.readTree(response.body()).path("status").asText());
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking " + baseUrl + " for its health", interrupted);
        }
    }

    /**
     * Ends the process and every process it started: closes its standard input (a child that watches it ends
     * itself), asks each to stop, and kills whatever still runs after {@code grace}.
     */
    public void stop(Duration grace) {
        try {
            process.getOutputStream().close();
        } catch (IOException alreadyGone) {
            // nothing to tell it
        }
        stop(List.of(process.toHandle()), grace);
    }

    /** Ends these processes and every process they started; what still runs after {@code grace} is killed. */
    public static void stop(List<ProcessHandle> processes, Duration grace) {
        List<ProcessHandle> everything = new ArrayList<>();
        for (ProcessHandle process : processes) {
            everything.add(process);
            process.descendants().forEach(everything::add);
        }
        everything.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle process : everything) {
            long left = deadline - System.nanoTime();
            try {
                if (left > 0) {
                    process.onExit().get(left, TimeUnit.NANOSECONDS);
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            } catch (Exception stillRunning) {
                // killed below
            }
            if (process.isAlive()) {
                process.destroyForcibly();
                try {
                    process.onExit().get(FORCED_EXIT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                } catch (Exception unkillable) {
                    // nothing more this JVM can do about it
                }
            }
        }
    }

    /** Kills the process and every process it started outright ({@code SIGKILL}), as a crash would, and waits until they are gone. */
    public void kill() {
        kill(handle());
    }

    /** Kills this process and every process it started outright ({@code SIGKILL}), and waits until they are gone. */
    public static void kill(ProcessHandle process) {
        List<ProcessHandle> everything = new ArrayList<>();
        everything.add(process);
        process.descendants().forEach(everything::add);
        everything.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle killed : everything) {
            try {
                killed.onExit().get(FORCED_EXIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while killing process " + killed.pid(), interrupted);
            } catch (Exception unkillable) {
                throw new IllegalStateException("process " + killed.pid() + " still runs " + FORCED_EXIT.toSeconds() + " s after it was killed");
            }
        }
    }

    /** The last lines of the log. */
    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
        } catch (IOException | UncheckedIOException unreadable) {
            return "(no log at " + log + ")";
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a child process", interrupted);
        }
    }
}
