package org.roundtable.local;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The long-running kinds the local platform uses: fixed ports, and data kept from one start to the next. */
class PersistentInfrastructureIT {

    @Test
    void postgresKeepsItsDatabasesAcrossARestartOnTheSamePort(@TempDir Path data) throws Exception {
        int port = freePort();
        PostgresServer first = PostgresServer.embedded(data, port);
        String url;
        try {
            url = first.jdbcUrl("kept_between_runs");
            try (Connection connection = DriverManager.getConnection(url, first.username(), first.password());
                 Statement statement = connection.createStatement()) {
                statement.execute("create table remembered (what text)");
                statement.execute("insert into remembered values ('the first run')");
            }
        } finally {
            first.stop();
        }

        PostgresServer second = PostgresServer.embedded(data, port);
        try {
            assertThat(second.jdbcUrl("kept_between_runs")).isEqualTo(url).contains(":" + port + "/");
            try (Connection connection = DriverManager.getConnection(url, second.username(), second.password());
                 Statement statement = connection.createStatement();
                 ResultSet result = statement.executeQuery("select what from remembered")) {
                assertThat(result.next()).isTrue();
                assertThat(result.getString(1)).isEqualTo("the first run");
            }
        } finally {
            second.stop();
        }
    }

    @Test
    void kafkaKeepsItsTopicsAcrossARestartOnTheSamePorts(@TempDir Path data) throws Exception {
        int port = freePort();
        int controllerPort = freePort();
        KafkaBroker first = KafkaBroker.persistent(data, port, controllerPort);
        first.start();
        try (Admin admin = admin(first)) {
            admin.createTopics(List.of(new NewTopic("kept-between-runs", 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } finally {
            first.stop();
        }

        KafkaBroker second = KafkaBroker.persistent(data, port, controllerPort);
        second.start();
        try (Admin admin = admin(second)) {
            assertThat(second.bootstrapServers()).isEqualTo("127.0.0.1:" + port);
            Set<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            assertThat(topics).contains("kept-between-runs");
        } finally {
            second.stop();
        }
        assertThat(second.isRunning()).isFalse();
    }

    private static Admin admin(KafkaBroker broker) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
