package org.roundtable.local;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.Uuid;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * A real Apache Kafka broker in KRaft mode (combined broker and controller), run as a {@link ChildProcess} JVM from the
 * Kafka jars on this JVM's class path: either {@linkplain #temporary() on free ports with throwaway data} or
 * {@linkplain #persistent on fixed ports with data kept between runs}. {@link #stop()} and {@link #start()} take it
 * away and bring it back on the same ports with the same data.
 */
public final class KafkaBroker {

    private static final System.Logger LOG = System.getLogger(KafkaBroker.class.getName());
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
    // a test broker lives briefly under little load: compiling with C1 only starts it about a second sooner, in less memory
    private static final List<String> JVM_OPTIONS = List.of(
            "-Xms64m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:+ExitOnOutOfMemoryError",
            "-Djava.awt.headless=true");
    private final Path directory;
    private final Path properties;
    private final Path log;
    private final Path classPathArguments;
    private final int port;
    private final String clusterId = Uuid.randomUuid().toString();
    private ChildProcess process;

    private KafkaBroker(Path directory, int port, int controllerPort) throws IOException {
        this.directory = directory;
        this.properties = directory.resolve("server.properties");
        this.log = directory.resolve("broker.log");
        this.classPathArguments = directory.resolve("classpath.args");
        this.port = port;
        String data = directory.resolve("data").toAbsolutePath().toString().replace('\\', '/');
        Files.writeString(properties, String.join("\n", List.of(
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + data,
                "num.partitions=3",
                "default.replication.factor=1",
                "min.insync.replicas=1",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=3",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "transaction.state.log.num.partitions=3",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=true",
                "auto.leader.rebalance.enable=false",
                "broker.heartbeat.interval.ms=500",
                "log.segment.bytes=16777216",
                "log.index.size.max.bytes=1048576",
                // the cleaner otherwise allocates a 128 MB dedupe buffer up front
                "log.cleaner.dedupe.buffer.size=8388608",
                "num.network.threads=2",
                "num.io.threads=4",
                "background.threads=4",
                "num.recovery.threads.per.data.dir=1")) + "\n");
        writeLoggingConfiguration();
        writeClassPathArguments();
    }

    /**
     * A broker on free ports with its data in a temporary directory, which goes, with the broker, when this JVM ends.
     * Not started.
     */
    public static KafkaBroker temporary() {
        KafkaBroker broker;
        try {
            int port = freePort(Set.of());
            broker = new KafkaBroker(Files.createTempDirectory("roundtable-kafka-"), port, freePort(Set.of(port)));
        } catch (IOException failure) {
            throw new UncheckedIOException("could not prepare a Kafka broker", failure);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(broker::discard, "kafka-broker-stop"));
        return broker;
    }

    /**
     * A broker on fixed ports that keeps its data in {@code directory} from one start to the next (the storage is
     * formatted only when the directory holds none yet), for a long-running local platform. Not started; whoever
     * starts it stops it.
     */
    public static KafkaBroker persistent(Path directory, int port, int controllerPort) {
        try {
            Files.createDirectories(directory);
            return new KafkaBroker(directory.toAbsolutePath(), port, controllerPort);
        } catch (IOException failure) {
            throw new UncheckedIOException("could not prepare a Kafka broker in " + directory, failure);
        }
    }

    /** Where the broker writes its log. */
    public Path log() {
        return log;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /**
     * Starts the broker (again) on the same ports with the same data, and waits until it answers. The storage is
     * formatted only on the very first start.
     */
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        long started = System.nanoTime();
        boolean format = !Files.exists(directory.resolve("data").resolve("meta.properties"));
        List<String> arguments = new ArrayList<>(List.of(
                "-Dlog4j2.configurationFile=" + directory.resolve("log4j2.properties").toUri(),
                "-Dlogback.configurationFile=" + directory.resolve("logback.xml").toAbsolutePath(),
                "@" + classPathArguments.toAbsolutePath(),
                KafkaBrokerMain.class.getName(),
                properties.toAbsolutePath().toString()));
        if (format) {
            arguments.addAll(List.of("--format", clusterId));
        }
        process = ChildProcess.start("the Kafka broker", ChildProcess.java(JVM_OPTIONS, arguments), directory, Map.of(), log);
        try {
            awaitAnswer();
        } catch (RuntimeException failure) {
            end();
            throw failure;
        }
        LOG.log(System.Logger.Level.INFO, "Kafka broker at {0} answered {1} ms after {2} (data and log in {3})",
                bootstrapServers(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
                format ? "formatting and starting" : "starting again", directory);
    }

    /** Ends the broker process and waits for it: from now on the broker is unreachable, until {@link #start()}. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        long stopping = System.nanoTime();
        end();
        LOG.log(System.Logger.Level.DEBUG, "Kafka broker stopped in {0} ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopping));
    }

    /** Kills the broker process outright ({@code SIGKILL}), as a crash would; {@link #start()} starts it again on its data. */
    public synchronized void kill() {
        ChildProcess killed = process;
        process = null;
        if (killed != null) {
            killed.kill();
        }
    }

    private void end() {
        ChildProcess ending = process;
        process = null;
        if (ending != null) {
            ending.stop(STOP_TIMEOUT);
        }
    }

    private synchronized void discard() {
        stop();
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException | UncheckedIOException ignored) {
            // a temporary directory left behind is no reason to fail the JVM's exit
        }
    }

    private void awaitAnswer() {
        long started = System.nanoTime();
        // a plain connection first: an admin client polling a closed port logs a warning on every attempt
        process.awaitReady(START_TIMEOUT, this::accepts);
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200,
                AdminClientConfig.RETRY_BACKOFF_MAX_MS_CONFIG, 200))) {
            process.awaitReady(START_TIMEOUT.minusNanos(System.nanoTime() - started), () -> listsItself(admin));
        }
    }

    /** Only an unfenced broker lists itself. */
    private static boolean listsItself(Admin admin) {
        try {
            Collection<Node> nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs(2000)).nodes().get(3, TimeUnit.SECONDS);
            return !nodes.isEmpty();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the Kafka broker", interrupted);
        } catch (Exception notYet) {
            return false;
        }
    }

    private boolean accepts() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    private void writeLoggingConfiguration() throws IOException {
        Files.writeString(directory.resolve("logback.xml"), """
                <configuration>
                  <appender name="console" class="ch.qos.logback.core.ConsoleAppender">
                    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level [%thread] %logger{1} - %msg%n</pattern></encoder>
                  </appender>
                  <logger name="kafka.server.KafkaRaftServer" level="INFO"/>
                  <logger name="kafka.server.BrokerServer" level="INFO"/>
                  <root level="WARN"><appender-ref ref="console"/></root>
                </configuration>
                """);
        Files.writeString(directory.resolve("log4j2.properties"), String.join("\n", List.of(
                "status=warn",
                "appender.console.type=Console",
                "appender.console.name=console",
                "appender.console.layout.type=PatternLayout",
                "appender.console.layout.pattern=%d{HH:mm:ss.SSS} %-5level [%t] %logger{1} - %msg%n",
                "rootLogger.level=warn",
                "rootLogger.appenderRef.console.ref=console",
                "logger.raft.name=kafka.server.KafkaRaftServer",
                "logger.raft.level=info",
                "logger.broker.name=kafka.server.BrokerServer",
                "logger.broker.level=info")) + "\n");
    }

    /**
     * Passes the class path through a file: a service's test class path can exceed the length the operating system
     * allows for one command-line argument.
     */
    private void writeClassPathArguments() throws IOException {
        String classPath = String.join(File.pathSeparator, classPath(System.getProperty("java.class.path")));
        Files.writeString(classPathArguments, "-cp \"" + classPath.replace("\\", "\\\\").replace("\"", "\\\"") + "\"\n");
    }

    /**
     * The running JVM's class path, with the {@code Class-Path} entries of manifest-only jars (as test runners and IDEs
     * use to shorten command lines) spelled out.
     */
    static List<String> classPath(String javaClassPath) {
        Set<String> entries = new LinkedHashSet<>();
        for (String entry : javaClassPath.split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                addWithManifestClassPath(Path.of(entry).toAbsolutePath(), entries);
            }
        }
        return List.copyOf(entries);
    }

    private static void addWithManifestClassPath(Path entry, Set<String> entries) {
        if (!entries.add(entry.toString()) || !Files.isRegularFile(entry) || !entry.toString().endsWith(".jar")) {
            return;
        }
        try (JarFile jar = new JarFile(entry.toFile())) {
            Manifest manifest = jar.getManifest();
            String referenced = manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
            if (referenced == null) {
                return;
            }
            URI base = entry.toUri();
            for (String reference : referenced.trim().split("\\s+")) {
                if (!reference.isEmpty()) {
                    try {
                        addWithManifestClassPath(Path.of(base.resolve(reference)), entries);
                    } catch (IllegalArgumentException notAFile) {
                        // a URL the JVM would not load from either
                    }
                }
            }
        } catch (IOException unreadable) {
            // the JVM skips an unreadable jar, and so does the child
        }
    }

    /**
     * A free loopback port below the range the operating system hands out to outgoing connections: while the broker is
     * stopped, clients keep reconnecting to its port, and one of them could otherwise be given that very port as its own
     * local port (even connect to itself) and keep the broker from binding it again.
     */
    private static int freePort(Set<Integer> taken) throws IOException {
        int[] ephemeral = ephemeralPortRange();
        if (ephemeral[0] > 12_000) {
            for (int attempt = 0; attempt < 100; attempt++) {
                int candidate = ThreadLocalRandom.current().nextInt(10_000, ephemeral[0]);
                if (!taken.contains(candidate) && bindable(candidate)) {
                    return candidate;
                }
            }
        }
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("127.0.0.1", port), 1);
            return true;
        } catch (IOException inUse) {
            return false;
        }
    }

    private static int[] ephemeralPortRange() {
        try {
            // read by line: Files.readString trusts the size a /proc file reports and gets it wrong
            String[] range = Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).get(0).trim().split("\\s+");
            return new int[] {Integer.parseInt(range[0]), Integer.parseInt(range[1])};
        } catch (IOException | RuntimeException unknown) {
            // not Linux: the IANA range, which macOS and Windows use
            return new int[] {49_152, 65_535};
        }
    }
}
