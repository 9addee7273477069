package org.roundtable.gateway;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.roundtable.local.PostgresServer;
import org.roundtable.testsupport.SharedInfrastructure;
import org.springframework.boot.jdbc.init.DataSourceScriptDatabaseInitializer;
import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.boot.sql.init.DatabaseInitializationSettings;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Gateway instances that start together on an empty database each apply schema.sql as the application does. */
class GatewaySchemaTest {

    static final int INSTANCES = 6;

    private static HikariDataSource dataSource;

    @BeforeAll
    static void database() {
        PostgresServer server = SharedInfrastructure.postgres();
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(server.jdbcUrl("gateway_schema"));
        dataSource.setUsername(server.username());
        dataSource.setPassword(server.password());
        dataSource.setMaximumPoolSize(INSTANCES);
    }

    @AfterAll
    static void close() {
        dataSource.close();
    }

    /** The settings spring.sql.init.* in the gateway's application.properties give. */
    private static DatabaseInitializationSettings applicationSettings() throws IOException {
        var properties = PropertiesLoaderUtils.loadProperties(new ClassPathResource("application.properties"));
        DatabaseInitializationSettings settings = new DatabaseInitializationSettings();
        settings.setMode(DatabaseInitializationMode.ALWAYS);
        settings.setSchemaLocations(List.of("classpath:schema.sql"));
        settings.setSeparator(properties.getProperty("spring.sql.init.separator", ";"));
        return settings;
    }

    @RepeatedTest(3)
    void instancesStartingAtOnceOnAnEmptyDatabaseAllCreateTheSchema() throws Exception {
        new JdbcTemplate(dataSource).execute("drop table if exists gateway_rate_limit, gateway_session");
        DatabaseInitializationSettings settings = applicationSettings();
        CountDownLatch ready = new CountDownLatch(INSTANCES);
        ExecutorService instances = Executors.newFixedThreadPool(INSTANCES);
        try {
            List<Future<Boolean>> started = new ArrayList<>();
            for (int i = 0; i < INSTANCES; i++) {
                Callable<Boolean> start = () -> {
                    ready.countDown();
                    ready.await();
                    return new DataSourceScriptDatabaseInitializer(dataSource, settings).initializeDatabase();
                };
                started.add(instances.submit(start));
            }
            for (Future<Boolean> instance : started) {
                assertThat(instance.get(30, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            instances.shutdownNow();
        }
        assertThat(new JdbcTemplate(dataSource).queryForList(
                "select tablename from pg_tables where tablename like 'gateway_%' order by tablename", String.class))
                .containsExactly("gateway_rate_limit", "gateway_session");
    }
}
