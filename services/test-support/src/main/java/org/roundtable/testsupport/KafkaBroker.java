package org.roundtable.testsupport;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Apache Kafka broker in KRaft mode (combined broker and controller), run as a child JVM from the Kafka jars
 * on the test class path. One per test JVM, started on first use. {@link #stop()} and {@link #start()} take it away
 * and bring it back on the same port with the same data, for outage tests.
 */
public final class KafkaBroker {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static KafkaBroker shared;

    private final Path directory;
    private final Path properties;
    private final int port;
    private Process process;

    private KafkaBroker(Path directory, int port, int controllerPort) throws IOException {
        this.directory = directory;
        this.port = port;
        this.properties = directory.resolve("server.properties");
        Files.writeString(properties, String.join("\n", List.of(
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + directory.resolve("data"),
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
                "log.segment.bytes=16777216")) + "\n");
        format();
    }

    public static synchronized KafkaBroker shared() {
        if (shared == null) {
            try {
                Path directory = Files.createTempDirectory("roundtable-kafka-");
                shared = new KafkaBroker(directory, freePort(), freePort());
            } catch (IOException failure) {
                throw new UncheckedIOException("could not prepare a Kafka broker", failure);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "kafka-broker-stop"));
            shared.start();
        }
        return shared;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Starts the broker (again) on the same port with the same data, and waits until it answers. */
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        try {
            process = java(List.of("-Xms128m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"),
                    KafkaBrokerMain.class.getName(), List.of(properties.toString()), directory.resolve("broker.log"));
        } catch (IOException failure) {
            throw new UncheckedIOException("could not start the Kafka broker", failure);
        }
        awaitAnswer();
    }

    /** Ends the broker: from now on it is unreachable, until {@link #start()}. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        try {
            process.getOutputStream().close();
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (IOException ignored) {
            process.destroyForcibly();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        process = null;
    }

    private void format() throws IOException {
        Process formatting = java(List.of("-Xmx256m", "-XX:+UseSerialGC"), "kafka.tools.StorageTool",
                List.of("format", "-t", Uuid.randomUuid().toString(), "-c", properties.toString()), directory.resolve("format.log"));
        try {
            if (!formatting.waitFor(60, TimeUnit.SECONDS) || formatting.exitValue() != 0) {
                formatting.destroyForcibly();
                throw new IllegalStateException("formatting Kafka storage failed:\n" + tail(directory.resolve("format.log")));
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while formatting Kafka storage", interrupted);
        }
    }

    private void awaitAnswer() {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000))) {
            while (Instant.now().isBefore(deadline)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the Kafka broker exited:\n" + tail(directory.resolve("broker.log")));
                }
                try {
                    admin.describeCluster(new DescribeClusterOptions().timeoutMs(3000)).nodes().get(4, TimeUnit.SECONDS);
                    return;
                } catch (Exception notYet) {
                    sleep(200);
                }
            }
        }
        throw new IllegalStateException("the Kafka broker did not answer within " + START_TIMEOUT.toSeconds() + " s:\n"
                + tail(directory.resolve("broker.log")));
    }

    private static Process java(List<String> jvmOptions, String mainClass, List<String> arguments, Path log) throws IOException {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        Path logging = loggingConfiguration();
        command.add("-Dlog4j2.configurationFile=" + logging.resolve("log4j2.properties"));
        command.add("-Dlogback.configurationFile=" + logging.resolve("logback.xml"));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(arguments);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** The broker logs warnings and its start, whichever logging library the class path brings. */
    private static Path loggingConfiguration() throws IOException {
        Path directory = Files.createTempDirectory("roundtable-kafka-logging-");
        Files.writeString(directory.resolve("logback.xml"), """
                <configuration>
                  <appender name="console" class="ch.qos.logback.core.ConsoleAppender">
                    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{1} - %msg%n</pattern></encoder>
                  </appender>
                  <logger name="kafka.server.KafkaRaftServer" level="INFO"/>
                  <root level="WARN"><appender-ref ref="console"/></root>
                </configuration>
                """);
        Files.writeString(directory.resolve("log4j2.properties"), String.join("\n", List.of(
                "status=warn",
                "appender.console.type=Console",
                "appender.console.name=console",
                "appender.console.layout.type=PatternLayout",
                "appender.console.layout.pattern=%d{HH:mm:ss.SSS} %-5level %logger{1} - %msg%n",
                "rootLogger.level=warn",
                "rootLogger.appenderRef.console.ref=console",
                "logger.server.name=kafka.server.KafkaRaftServer",
                "logger.server.level=info")) + "\n");
        return directory;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException unreadable) {
            return "(no log at " + log + ")";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }
}
