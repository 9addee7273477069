package org.roundtable.testsupport;

import org.roundtable.local.KafkaBroker;
import org.roundtable.local.PostgresServer;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import java.util.concurrent.TimeUnit;

/**
 * The PostgreSQL server and the Kafka broker of this test JVM, each started on first use and shared by every test in
 * it. PostgreSQL is the server named by {@code ROUNDTABLE_TEST_POSTGRES_URL} (with {@code ROUNDTABLE_TEST_POSTGRES_USER}
 * and {@code ROUNDTABLE_TEST_POSTGRES_PASSWORD}); else a Testcontainers PostgreSQL 15 where Docker is available; else
 * a {@linkplain PostgresServer#temporary() temporary embedded one}. The broker is a {@linkplain KafkaBroker#temporary()
 * temporary one}.
 */
public final class SharedInfrastructure {

    private static final System.Logger LOG = System.getLogger(SharedInfrastructure.class.getName());
    private static PostgresServer postgres;
    private static KafkaBroker kafka;

    private SharedInfrastructure() {
    }

    /** The PostgreSQL server of this JVM, started on first call. */
    public static synchronized PostgresServer postgres() {
        if (postgres == null) {
            long starting = System.nanoTime();
            postgres = startPostgres();
            LOG.log(System.Logger.Level.INFO, "PostgreSQL ({0}) ready in {1} ms", postgres.kind(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - starting));
        }
        return postgres;
    }

    /** The Kafka broker of this JVM, started on first call. A test may {@linkplain KafkaBroker#stop() stop} and start it again. */
    public static synchronized KafkaBroker kafka() {
        if (kafka == null) {
            KafkaBroker broker = KafkaBroker.temporary();
            broker.start();
            kafka = broker;
        }
        return kafka;
    }

    private static PostgresServer startPostgres() {
        String external = System.getenv("ROUNDTABLE_TEST_POSTGRES_URL");
        if (external != null && !external.isBlank()) {
            return PostgresServer.external("external", external.trim(),
                    envOr("ROUNDTABLE_TEST_POSTGRES_USER", "postgres"), envOr("ROUNDTABLE_TEST_POSTGRES_PASSWORD", ""));
        }
        if (dockerAvailable()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:15-alpine")
                    .withCommand("postgres", "-c", "fsync=off", "-c", "max_connections=300");
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "postgres-container-stop"));
            return PostgresServer.external("testcontainers", container.getJdbcUrl(), container.getUsername(), container.getPassword());
        }
        return PostgresServer.temporary();
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError unavailable) {
            return false;
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
