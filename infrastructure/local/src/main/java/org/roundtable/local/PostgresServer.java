package org.roundtable.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

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
import java.util.regex.Pattern;

/**
 * A real PostgreSQL server on which each application gets a database of its own: an embedded PostgreSQL 15 unpacked
 * from Maven Central, either {@linkplain #embedded(Path, int) durable on a fixed port} or
 * {@linkplain #temporary() throwaway on a free one}, or a server running elsewhere ({@link #external}).
 */
public final class PostgresServer {

    private static final String JDBC_PREFIX = "jdbc:postgresql:";
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final String DUPLICATE_DATABASE = "42P04";
    private static final String UNIQUE_VIOLATION = "23505";

    private final String kind;
    private final String serverUrl;
    private final String username;
    private final String password;
    private final EmbeddedPostgres owned;

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

    /**
     * An embedded PostgreSQL 15 on a free port, fast rather than durable (no fsync), its data in a temporary directory;
     * it stops when this JVM ends.
     */
    public static PostgresServer temporary() {
        try {
            EmbeddedPostgres embedded = EmbeddedPostgres.builder()
                    .setServerConfig("fsync", "off")
                    .setRegisterShutdownHook(false)
                    .start();
            PostgresServer server = new PostgresServer("embedded", embedded.getJdbcUrl("postgres", "postgres"), "postgres", "postgres", embedded);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.stop();
                } catch (RuntimeException ignored) {
                    // the JVM is ending anyway
                }
            }, "embedded-postgres-stop"));
            return server;
        } catch (IOException failure) {
            throw new UncheckedIOException("could not start an embedded PostgreSQL", failure);
        }
    }

    /** A server this JVM did not start: {@code kind} says where it comes from; {@code serverUrl} is a JDBC url of any database on it. */
    public static PostgresServer external(String kind, String serverUrl, String username, String password) {
        return new PostgresServer(kind, serverUrl, username, password, null);
    }

    /** Stops an embedded server; a server this JVM did not start is left running. */
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

    /**
     * Kills an embedded server outright ({@code SIGKILL} to the postmaster and every process it started), as a crash
     * of its machine would, and lets go of its data folder; {@link #embedded} on the same folder starts it again, and
     * it recovers from its write-ahead log. A server this JVM did not start cannot be killed from here.
     */
    public synchronized void kill() {
        if (owned == null) {
            throw new IllegalStateException("PostgreSQL at " + serverUrl + " was not started here");
        }
        ChildProcess.kill(owned.getProcess().toHandle());
        try {
            owned.close(); // its stop finds nothing to stop (and says so in the log); it lets go of the folder's lock
        } catch (IOException failure) {
            throw new UncheckedIOException("could not let go of PostgreSQL's data folder", failure);
        }
    }

    /**
     * The JDBC url of the named database (lower case letters, digits and underscores), created on the first request.
     * Safe to call any number of times, also from several JVMs that share one server.
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

    /** Where the server comes from: {@code embedded}, or the kind an {@link #external} server was given. */
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
}
