package org.roundtable.benchmarks;

import org.roundtable.identity.DemoLogin;
import org.roundtable.platform.Application;
import org.roundtable.platform.LocalStack;
import org.roundtable.platform.Ports;
import org.roundtable.platform.StackFootprint;
import org.roundtable.platform.SyntheticCitizens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The local platform as {@code ./roundtable} runs it (the platform's {@link LocalStack}), on a fresh data folder,
 * with the authorization server in benchmark mode so that many distinct citizens get real tokens. {@link #close()} ends
 * every process it started and removes the data folder.
 */
final class StackUnderLoad implements AutoCloseable {

    /**
     * What the API needs, in the launcher's order: the authorization server, the five services (the gateway reports
     * itself healthy only when all five are) and the gateway; not the web pages nor the ledger's witness.
     */
    private static final List<Application> APPLICATIONS = Application.ALL.stream()
            .filter(application -> application != Application.WEB && application != Application.WITNESS).toList();

    /** JVM options every application takes after the launcher's own ({@code -Dstack.jvm-options}); none by default. */
    private static final String STACK_JVM_OPTIONS = System.getProperty("stack.jvm-options", "");

    private final LocalStack stack;
    private final Path data;

    private StackUnderLoad(LocalStack stack, Path data) {
        this.stack = stack;
        this.data = data;
    }

    /** Starts the stack; with {@code jvmOptions} (say, a flight recording) given to every application's JVM, if not empty. */
    static StackUnderLoad start(Path root, int portOffset, String jvmOptions) {
        Path data;
        try {
            data = Files.createTempDirectory("roundtable-benchmarks");
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        Map<String, String> environment = new LinkedHashMap<>(Map.of("ROUNDTABLE_BENCHMARK_USERS", "true"));
        if (!jvmOptions.isEmpty()) {
            environment.put("JAVA_TOOL_OPTIONS", jvmOptions);
        }
        if (!STACK_JVM_OPTIONS.isBlank()) {
            environment.put(LocalStack.EXTRA_JVM_OPTIONS, STACK_JVM_OPTIONS);
            System.out.println("stack: every application's JVM also takes " + STACK_JVM_OPTIONS);
        }
        LocalStack stack = new LocalStack(new LocalStack.Settings(root, data, new Ports(portOffset), APPLICATIONS, System.out, Map.of(), 1)
                .withEnvironment(environment));
        long starting = System.nanoTime();
        try {
            stack.start();
        } catch (RuntimeException failure) {
            throw new IllegalStateException("the local stack did not start (its logs stay in " + data.resolve("logs") + "): "
                    + failure.getMessage(), failure);
        }
        System.out.printf("stack: ready after %d s%n", Duration.ofNanos(System.nanoTime() - starting).toSeconds());
        return new StackUnderLoad(stack, data);
    }

    Ports ports() {
        return stack.ports();
    }

    LocalStack stack() {
        return stack;
    }

    /** The processor time each of the stack's processes has used so far; the launcher is this JVM (and Gatling in it). */
    Map<String, Double> processorSeconds() {
        return StackFootprint.processorSeconds(data);
    }

    /** {@code count} citizens, {@code benchmark-citizen-<first>} onwards, each with a token from the benchmark mode. */
    List<SyntheticCitizens.Citizen> citizens(int first, int count) {
        return new SyntheticCitizens(ports().issuer()).mint(first, count);
    }

    /** A demo account's token through the real browser login (the auditor reads the ledger, which citizens do not). */
    String login(String username) {
        return new DemoLogin(ports().issuer()).accessToken(username, org.roundtable.identity.DemoAccounts.PASSWORD);
    }

    @Override
    public void close() {
        try {
            stack.close();
        } finally {
            delete(data);
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind is harmless
        }
    }
}
