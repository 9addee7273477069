package org.roundtable.testsupport;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.roundtable.local.KafkaBroker;
import org.roundtable.local.PostgresServer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class SharedInfrastructureIT {

    @Test
    void answersAQueryInADatabaseOfItsOwn() throws Exception {
        PostgresServer postgres = SharedInfrastructure.postgres();

        String url = postgres.jdbcUrl("support_check");

        assertThat(postgres.kind()).isIn("external", "testcontainers", "embedded");
        try (Connection connection = DriverManager.getConnection(url, postgres.username(), postgres.password());
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("select current_database(), version(), 6 * 7")) {
            assertThat(result.next()).isTrue();
            assertThat(result.getString(1)).isEqualTo("support_check");
            assertThat(result.getString(2)).startsWith("PostgreSQL 15");
            assertThat(result.getInt(3)).isEqualTo(42);
        }
    }

    @Test
    void createsADatabaseOnceHoweverOftenItIsAskedFor() throws Exception {
        PostgresServer postgres = SharedInfrastructure.postgres();

        String first = postgres.jdbcUrl("x");
        try (Connection connection = DriverManager.getConnection(first, postgres.username(), postgres.password());
             Statement statement = connection.createStatement()) {
            statement.execute("create table if not exists kept (id int)");
            statement.execute("insert into kept values (1)");
        }
        String second = postgres.jdbcUrl("x");
        String third = postgres.jdbcUrl("x");

        assertThat(second).isEqualTo(first).isEqualTo(third);
        assertThat(SharedInfrastructure.postgres()).isSameAs(postgres);
        try (Connection connection = DriverManager.getConnection(third, postgres.username(), postgres.password());
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("select count(*) from kept")) {
            result.next();
            assertThat(result.getInt(1)).isPositive();
        }
    }

    @Test
    void givesEveryTestOfTheJvmTheOneRunningBroker() throws Exception {
        KafkaBroker kafka = SharedInfrastructure.kafka();

        assertThat(SharedInfrastructure.kafka()).isSameAs(kafka);
        assertThat(kafka.isRunning()).isTrue();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            assertThat(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS)).hasSize(1);
        }
    }
}
