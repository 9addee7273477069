package org.roundtable.platform;

import org.roundtable.local.ChildProcess;
import org.roundtable.local.KafkaBroker;
import org.roundtable.local.PostgresServer;
import org.roundtable.local.SharedClasses;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The whole platform on one machine with only a JDK: an embedded PostgreSQL with a database per service and a real
 * Kafka broker in KRaft mode (their data kept under the data folder between runs), then the local authorization
 * server, the five services and the gateway, each a child process started from its executable jar. Waits until each
 * reports itself healthy, and on {@link #close()} (or Ctrl-C, through {@link #main}) ends every process it started.
 */
public final class LocalStack implements AutoCloseable {

    /**
     * @param root         the project root, where each module's {@code target/} holds its executable jar
     * @param data         where PostgreSQL, Kafka, the authorization server and the audit ledger keep their data, and the logs go
     * @param ports        the ports, possibly moved by an offset
     * @param applications the applications to run, in start order; the authorization server, if among them, first
     * @param out          where progress and the summary are printed
     * @param environment  variables given to every application beyond its own (say, {@code ROUNDTABLE_BENCHMARK_USERS})
     * @param instances    how many instances of each service and of the gateway run, each application's instances behind
     *                     a {@link LoopbackBalancer} on its address (1: the application itself on its address)
     */
    public record Settings(Path root, Path data, Ports ports, List<Application> applications, PrintStream out,
                           Map<String, String> environment, int instances) {

        public Settings {
            root = root.toAbsolutePath().normalize();
            data = data.toAbsolutePath().normalize();
            applications = List.copyOf(applications);
            environment = Map.copyOf(environment);
            if (instances < 1 || instances > 4) {
                throw new IllegalArgumentException("between 1 and 4 instances of each service, not " + instances);
            }
            if (instances > 1 && ports.audit() + instances * Application.INSTANCE_PORT_STEP > 65_535) {
                throw new IllegalArgumentException("with " + instances + " instances, a port offset of " + ports.offset()
                        + " puts the last instances beyond port 65535");
            }
        }

        public static Settings of(Path root, Path data, Ports ports, PrintStream out) {
            return new Settings(root, data, ports, Application.ALL, out, Map.of(), 1);
        }

        /** The same settings, every application also given these variables. */
        public Settings withEnvironment(Map<String, String> variables) {
            Map<String, String> all = new LinkedHashMap<>(environment);
            all.putAll(variables);
            return new Settings(root, data, ports, applications, out, all, instances);
        }

        /** The same settings, with this many instances of each service and of the gateway. */
        public Settings withInstances(int count) {
            return new Settings(root, data, ports, applications, out, environment, count);
        }

        /** What runs, in start order: each application, or each of its instances. */
        List<Application> processes() {
            if (instances == 1) {
                return applications;
            }
            List<Application> processes = new ArrayList<>();
            for (Application application : applications) {
                if (Application.REPLICATED.contains(application)) {
                    for (int number = 1; number <= instances; number++) {
                        processes.add(application.instance(number));
                    }
                } else {
                    processes.add(application);
                }
            }
            return processes;
        }
    }

    private static final Duration START_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    /** Small heaps and the client compiler: a local platform of seven JVMs starts sooner and fits in less memory. */
    private static final List<String> JVM_OPTIONS = List.of("-Xms32m", "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-Xss512k", "-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true", "-Xshare:auto");

    /** The variable whose JVM options every application takes after the launcher's own. */
    public static final String EXTRA_JVM_OPTIONS = "ROUNDTABLE_JVM_OPTIONS";

    /** The launcher says itself when the broker answers; kept here so the level set on it stays. */
    private static final java.util.logging.Logger INFRASTRUCTURE_LOG = java.util.logging.Logger.getLogger("org.roundtable.local");

    private final Settings settings;
    private final Map<Application, ChildProcess> running = new LinkedHashMap<>();
    private final List<LoopbackBalancer> balancers = new ArrayList<>();
    private final Map<Application, Path> jars = new LinkedHashMap<>();
    private final Map<Application, String> jdbcUrls = new LinkedHashMap<>();
    private final Map<ChildProcess, SharedClasses> classData = new LinkedHashMap<>();
    private final long startedAt = System.nanoTime();
    private PostgresServer postgres;
    private KafkaBroker kafka;
    private boolean closed;

    public LocalStack(Settings settings) {
        this.settings = settings;
    }

    public Settings settings() {
        return settings;
    }

    public Ports ports() {
        return settings.ports();
    }

    /** The PostgreSQL server every application's database lives on, once started. */
    public synchronized PostgresServer database() {
        if (postgres == null) {
            throw new IllegalStateException("the local stack has not started its database");
        }
        return postgres;
    }

    /** Starts everything and returns once every application reports itself healthy; on failure, ends what it started. */
    public LocalStack start() {
        try {
            startAll();
            return this;
        } catch (RuntimeException failure) {
            close();
            throw failure;
        }
    }

    private Path logs() {
        return settings.data().resolve("logs");
    }

    private void startAll() {
        settings.processes().forEach(process -> jars.put(process, process.application().executableJar(settings.root())));
        Path logs = logs();
        try {
            Files.createDirectories(logs);
        } catch (IOException failure) {
            throw new UncheckedIOException("could not create " + logs, failure);
        }
        stopLeftovers();
        // each application runs from its extracted jar (see SharedClasses): extracted while the infrastructure starts
        CompletableFuture<Void> extractions = CompletableFuture.runAsync(
                () -> jars.values().stream().distinct().forEach(SharedClasses::prepare));

        CompletableFuture<Void> broker = CompletableFuture.runAsync(() -> {
            KafkaBroker starting = KafkaBroker.persistent(settings.data().resolve("kafka"), ports().kafka(), ports().kafkaController());
            synchronized (this) {
                requireOpen();
                kafka = starting;
            }
            starting.start();
        });
        PostgresServer database = PostgresServer.embedded(settings.data().resolve("postgres"), ports().postgres());
        synchronized (this) {
            postgres = database;
            requireOpen();
        }
        settings.processes().stream().filter(application -> application.database() != null)
                .forEach(application -> jdbcUrls.put(application, database.jdbcUrl(application.database())));
        say("%-21s 127.0.0.1:%d  (databases %s)", "PostgreSQL", ports().postgres(),
                String.join(", ", jdbcUrls.keySet().stream().map(Application::database).distinct().toList()));
        broker.join();
        say("%-21s 127.0.0.1:%d  (KRaft; log %s)", "Kafka", ports().kafka(), kafka.log());
        extractions.join();

        startBalancers();
        List<Application> first = settings.processes().stream().filter(Application.IDENTITY::equals).toList();
        List<Application> then = settings.processes().stream()
                .filter(application -> !Application.IDENTITY.equals(application) && !application.laterInstance()).toList();
        // later instances start once the first are up: the first creates what they share (keys, tables, topics)
        List<Application> later = settings.processes().stream().filter(Application::laterInstance).toList();
        boolean recorded = false;
        for (List<Application> wave : List.of(first, then, later)) {
            Map<ChildProcess, Application> started = new LinkedHashMap<>();
            for (Application application : wave) {
                started.put(launch(application), application);
            }
            awaitHealthy(started);
            // after each wave: a later instance of an application then starts from the archive its first one wrote
            recorded |= writeClassDataArchives();
        }
        if (!recorded) {
            say("Every application started from the class-data archive of its jar");
        }
    }

    /**
     * Has every application started without a class-data archive of its jar (the first start of a build) write one
     * now that it is ready, so that the next start maps it; returns whether there was any.
     */
    private boolean writeClassDataArchives() {
        Map<ChildProcess, SharedClasses> recording = new LinkedHashMap<>();
        synchronized (this) {
            classData.forEach((child, classes) -> {
                if (classes.trains()) {
                    recording.put(child, classes);
                }
            });
            classData.clear();
        }
        if (recording.isEmpty()) {
            return false;
        }
        long started = System.nanoTime();
        long written = recording.entrySet().stream().filter(entry -> entry.getValue().writeArchive(entry.getKey())).count();
        say("Class-data archives written for the next start: %d of %d applications (%d ms)", written, recording.size(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        return true;
    }

    private void awaitHealthy(Map<ChildProcess, Application> started) {
        ChildProcess.awaitReady(List.copyOf(started.keySet()), START_TIMEOUT,
                child -> {
                    requireOpen();
                    return ChildProcess.reportsUp("http://127.0.0.1:" + started.get(child).portIn(ports()));
                },
                child -> say("%-21s http://127.0.0.1:%d  up after %d s", child.name(), started.get(child).portIn(ports()), secondsSinceStart()));
    }

    /** With several instances, one address for each replicated application, in front of its instances. */
    private void startBalancers() {
        if (settings.instances() == 1) {
            return;
        }
        for (Application application : settings.applications()) {
            if (!Application.REPLICATED.contains(application)) {
                continue;
            }
            List<Integer> instancePorts = new ArrayList<>();
            for (int number = 1; number <= settings.instances(); number++) {
                instancePorts.add(application.instance(number).portIn(ports()));
            }
            // the gateway's address is the platform's one door in, as the gateway itself listens when it runs alone
            InetAddress address = Application.GATEWAY.equals(application)
                    ? new InetSocketAddress(0).getAddress() : InetAddress.getLoopbackAddress();
            LoopbackBalancer balancer = LoopbackBalancer.start(application.name(), address, application.portIn(ports()), instancePorts);
            synchronized (this) {
                balancers.add(balancer);
            }
            say("%-21s 127.0.0.1:%d  -> instances on %s", application.name(), application.portIn(ports()), instancePorts);
        }
    }

    /** Kills one running process outright ({@code SIGKILL}), as a crash of its machine would. */
    public void kill(Application process) {
        ChildProcess killed;
        synchronized (this) {
            requireOpen();
            killed = running.get(process);
        }
        if (killed == null) {
            throw new IllegalArgumentException(process.name() + " is not running here");
        }
        killed.kill();
    }

    /** Starts a process of this stack again and returns once it reports itself healthy. */
    public void restart(Application process) {
        if (!jars.containsKey(process)) {
            throw new IllegalArgumentException(process.name() + " is not part of this stack");
        }
        awaitHealthy(Map.of(launch(process), process));
        writeClassDataArchives();
    }

    /** Kills the Kafka broker outright. */
    public void killBroker() {
        broker().kill();
    }

    /** Starts the Kafka broker again on its data and returns once it answers. */
    public void restartBroker() {
        broker().start();
    }

    private synchronized KafkaBroker broker() {
        requireOpen();
        return kafka;
    }

    /** Kills PostgreSQL outright: the postmaster and every process it started. */
    public void killDatabase() {
        database().kill();
    }

    /** Starts PostgreSQL again on its data, which recovers from its write-ahead log. */
    public void restartDatabase() {
        PostgresServer database = PostgresServer.embedded(settings.data().resolve("postgres"), ports().postgres());
        synchronized (this) {
            requireOpen();
            postgres = database;
        }
    }

    private ChildProcess launch(Application application) {
        return launch(application, jars.get(application), logs(), jdbcUrls.get(application));
    }

    private ChildProcess launch(Application application, Path jar, Path logs, String jdbcUrl) {
        SharedClasses classes = SharedClasses.forJar(jar);
        Map<String, String> environment = new LinkedHashMap<>(
                application.environment(ports(), settings.data(), jdbcUrl, postgres.username(), postgres.password()));
        environment.putAll(settings.environment());
        boolean shared = !instrumented(environment);
        List<String> options = new ArrayList<>(JVM_OPTIONS);
        if (shared) {
            options.addAll(classes.jvmOptions());
        }
        options.addAll(extraJvmOptions(environment));
        List<String> command = ChildProcess.java(options, classes.arguments());
        synchronized (this) {
            requireOpen();
            ChildProcess child = ChildProcess.start(application.name(), command, settings.root(), environment,
                    logs.resolve(application.name() + ".log"));
            running.put(application, child);
            if (shared) {
                classData.put(child, classes);
            }
            rememberChildren();
            return child;
        }
    }

    /**
     * Whether the JVM is told to record itself or to take an agent: Java 17 crashes when a class of a class-data
     * archive loads while a class-file hook is on (a flight recording sets one), so such a JVM starts without the archive.
     */
    static boolean instrumented(Map<String, String> environment) {
        String options = environment.getOrDefault("JAVA_TOOL_OPTIONS", "") + " " + String.join(" ", extraJvmOptions(environment));
        return options.contains("StartFlightRecording") || options.contains("-javaagent") || options.contains("-agentlib")
                || options.contains("-agentpath");
    }

    /**
     * Options every application's JVM takes after the launcher's own, so they win over them (say,
     * {@code -XX:TieredStopAtLevel=4} for the server compiler under load): {@value #EXTRA_JVM_OPTIONS}, separated by spaces.
     */
    static List<String> extraJvmOptions(Map<String, String> environment) {
        String options = environment.getOrDefault(EXTRA_JVM_OPTIONS, System.getenv().getOrDefault(EXTRA_JVM_OPTIONS, ""));
        return options.isBlank() ? List.of() : List.of(options.strip().split("\\s+"));
    }

    public long secondsSinceStart() {
        return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startedAt);
    }

    /** Ends every application (and anything it started), then the broker, then PostgreSQL. Safe to call more than once. */
    @Override
    public void close() {
        List<ChildProcess> processes;
        KafkaBroker broker;
        PostgresServer database;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            processes = new ArrayList<>(running.values());
            broker = kafka;
            database = postgres;
        }
        balancers.forEach(LoopbackBalancer::close);
        ChildProcess.stop(processes.stream().map(ChildProcess::handle).toList(), STOP_TIMEOUT);
        if (broker != null) {
            broker.stop();
        }
        if (database != null) {
            try {
                database.stop();
            } catch (RuntimeException alreadyStopped) {
                // Ctrl-C reaches PostgreSQL too, which may have shut down by itself already
            }
        }
        try {
            Files.deleteIfExists(childrenFile());
        } catch (IOException ignored) {
            // a stale list only names processes that are gone; the next start checks each one
        }
    }

    /**
     * The applications' process ids, kept in the data folder: if this launcher is killed outright (no Ctrl-C, no
     * shutdown hook), the next start on the same data ends what it left running. The broker needs no such list: it
     * ends by itself when its parent does.
     */
    private Path childrenFile() {
        return settings.data().resolve("children.pids");
    }

    private void rememberChildren() {
        try {
            Files.write(childrenFile(), running.values().stream().map(child -> Long.toString(child.handle().pid())).toList());
        } catch (IOException failure) {
            throw new UncheckedIOException("could not write " + childrenFile(), failure);
        }
    }

    private void stopLeftovers() {
        List<ProcessHandle> leftovers = new ArrayList<>();
        try {
            if (Files.exists(childrenFile())) {
                for (String line : Files.readAllLines(childrenFile())) {
                    ProcessHandle.of(Long.parseLong(line.trim()))
                            .filter(process -> process.info().commandLine().orElse("").contains("-exec.jar"))
                            .ifPresent(leftovers::add);
                }
            }
            Path postmaster = settings.data().resolve("postgres").resolve("postmaster.pid");
            if (Files.exists(postmaster)) {
                ProcessHandle.of(Long.parseLong(Files.readAllLines(postmaster).get(0).trim()))
                        .filter(process -> process.info().commandLine().orElse("").contains(settings.data().resolve("postgres").toString()))
                        .ifPresent(leftovers::add);
            }
        } catch (IOException | RuntimeException unreadable) {
            say("Could not check for processes an earlier run left behind: %s", unreadable.getMessage());
            return;
        }
        if (!leftovers.isEmpty()) {
            say("Ending %d processes an earlier run of this data folder left running (it was killed, not stopped)", leftovers.size());
            ChildProcess.stop(leftovers, STOP_TIMEOUT);
        }
    }

    private synchronized void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the local stack is stopping");
        }
    }

    private void say(String format, Object... arguments) {
        settings.out().println(String.format(format, arguments));
    }

    private static final String USAGE = "usage: ./roundtable [--demo] [--port-offset N] [--data DIR] [--instances N] [--soak MINUTES]";

    /**
     * {@code [--demo] [--port-offset N] [--data DIR] [--instances N] [--soak MINUTES]}: starts the platform from the project root (the current folder),
     * prints where everything is, plays the demo journey if asked, and runs until Ctrl-C.
     */
    public static void main(String[] args) throws InterruptedException {
        INFRASTRUCTURE_LOG.setLevel(java.util.logging.Level.WARNING);
        boolean demo = false;
        int offset = 0;
        int instances = 1;
        int soakMinutes = 0;
        Path root = Path.of("").toAbsolutePath();
        Path data = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--demo" -> demo = true;
                case "--port-offset" -> offset = Integer.parseInt(value(args, ++i, "--port-offset"));
                case "--data" -> data = Path.of(value(args, ++i, "--data"));
                case "--instances" -> instances = Integer.parseInt(value(args, ++i, "--instances"));
                case "--soak" -> soakMinutes = Integer.parseInt(value(args, ++i, "--soak"));
                case "--help", "-h" -> {
                    System.out.println(USAGE);
                    return;
                }
                default -> {
                    System.err.println("unknown option " + args[i] + "; " + USAGE);
                    System.exit(2);
                }
            }
        }
        if (!Files.isDirectory(root.resolve("services"))) {
            System.err.println("run this from the project root (where ./roundtable is), not " + root);
            System.exit(2);
        }
        if (soakMinutes > 0) {
            System.exit(Soak.run(root, data == null ? root.resolve(".data-soak") : data, data == null, new Ports(offset),
                    Duration.ofMinutes(soakMinutes)));
        }
        LocalStack stack = new LocalStack(Settings.of(root, data == null ? root.resolve(".data") : data, new Ports(offset), System.out)
                .withInstances(instances));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping Roundtable...");
            stack.close();
            System.out.println("Stopped: no process left running.");
            stopped.countDown();
        }, "local-stack-stop"));
        Path kept = stack.settings().data();
        System.out.println("Starting Roundtable (data and logs in " + (kept.startsWith(root) ? root.relativize(kept) : kept) + ")");
        try {
            stack.start();
        } catch (RuntimeException failure) {
            System.err.println("Roundtable did not start: " + failure.getMessage());
            System.exit(1);
        }
        Summary.print(stack, System.out);
        if (demo) {
            try {
                DemoJourney.Result result = DemoJourney.against(stack.ports(), System.out).play();
                JourneyReport.print(result, System.out);
            } catch (RuntimeException failure) {
                System.err.println("The demo journey stopped: " + failure.getMessage());
            }
        }
        System.out.println("Roundtable is running. Ctrl-C stops everything.");
        stopped.await();
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            System.err.println(option + " needs a value");
            System.exit(2);
        }
        return args[index];
    }
}
