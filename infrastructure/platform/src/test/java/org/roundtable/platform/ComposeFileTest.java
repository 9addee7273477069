package org.roundtable.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docker-compose.yml} read against the applications' own configuration, so the two cannot drift apart: every
 * service and the gateway are there, built from their module, on their port, with every environment variable their
 * {@code application.properties} reads, started after what they need is healthy; every file mounted exists.
 */
class ComposeFileTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent().getParent();
    private static final Pattern ENVIRONMENT_VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");
    private static final List<Application> COMPOSED = Stream.concat(Application.SERVICES.stream(), Stream.of(Application.GATEWAY)).toList();

    private static final Map<String, Object> COMPOSE = load(ROOT.resolve("docker-compose.yml"));

    static Stream<Application> composedApplications() {
        return COMPOSED.stream();
    }

    @ParameterizedTest
    @MethodSource("composedApplications")
    void isBuiltFromItsModuleAndListensOnItsPort(Application application) throws IOException {
        Map<String, Object> service = service(application.name());
        String port = Integer.toString(application.portIn(Ports.DEFAULT));

        assertThat(map(service.get("build")).get("dockerfile")).isEqualTo("Dockerfile");
        assertThat(map(map(service.get("build")).get("args")).get("MODULE")).isEqualTo(application.module());
        assertThat(Files.isDirectory(ROOT.resolve(application.module()))).isTrue();
        assertThat(environment(service).get("PORT")).isEqualTo(port);
        assertThat(properties(application).getProperty("server.port")).isEqualTo("${PORT:" + port + "}");
        if (application.equals(Application.GATEWAY)) {
            assertThat(list(service.get("ports"))).contains(port + ":" + port);
        } else {
            assertThat(service.get("ports")).as("only the gateway, Keycloak's login and the dashboards are published").isNull();
        }
    }

    @ParameterizedTest
    @MethodSource("composedApplications")
    void setsEveryEnvironmentVariableTheApplicationReads(Application application) throws IOException {
        Set<String> read = new LinkedHashSet<>();
        Matcher variables = ENVIRONMENT_VARIABLE.matcher(Files.readString(propertiesFile(application)));
        while (variables.find()) {
            read.add(variables.group(1));
        }

        assertThat(read).as("variables %s reads", application.name()).contains("PORT", "ROUNDTABLE_ISSUER", "ROUNDTABLE_JWKS");
        assertThat(environment(service(application.name())).keySet()).as("environment of %s", application.name()).containsAll(read);
    }

    @ParameterizedTest
    @MethodSource("composedApplications")
    void startsOnlyOnceWhatItNeedsIsHealthyAndSaysWhenItIsHealthyItself(Application application) {
        Map<String, Object> service = service(application.name());
        Map<String, Object> dependencies = map(service.get("depends_on"));

        List<String> needed = new ArrayList<>(List.of("keycloak"));
        if (application.database() != null) {
            needed.add("postgres");
        }
        if (Application.SERVICES.contains(application)) {
            needed.add("kafka");
        }
        assertThat(dependencies.keySet()).containsAll(needed);
        dependencies.forEach((name, condition) -> {
            assertThat(map(condition).get("condition")).as("%s waits for %s", application.name(), name).isEqualTo("service_healthy");
            assertThat(service(name)).as("%s has a healthcheck", name).containsKey("healthcheck");
        });
        assertThat(map(service.get("healthcheck")).get("test").toString()).contains("/actuator/health");
    }

    @ParameterizedTest
    @MethodSource("composedApplications")
    void reachesItsOwnDatabaseOnTheComposePostgres(Application application) throws IOException {
        String url = environment(service(application.name())).get("ROUNDTABLE_DB_URL");
        if (application.database() == null) {
            assertThat(url).isNull();
            return;
        }
        String creating = Files.readString(ROOT.resolve("infrastructure/platform/compose/create-databases.sql"));

        assertThat(url).isEqualTo("jdbc:postgresql://postgres:5432/" + application.database());
        assertThat(creating).contains("CREATE DATABASE " + application.database() + ";");
        if (Application.SERVICES.contains(application)) {
            assertThat(environment(service(application.name())).get("ROUNDTABLE_KAFKA")).isEqualTo("kafka:9092");
        }
    }

    @Test
    void everyServiceThatKeepsNoStateOfItsOwnRunsTwoReplicas() {
        for (Application application : COMPOSED) {
            Object deploy = service(application.name()).get("deploy");
            // the gateway publishes the host's port, and the audit service generates its signing key on first start
            if (application.equals(Application.GATEWAY) || application.equals(Application.AUDIT)) {
                assertThat(deploy).as(application.name()).isNull();
            } else {
                assertThat(map(deploy).get("replicas")).as(application.name()).isEqualTo(2);
            }
        }
    }

    @Test
    void theGatewayRoutesToEveryServiceByItsComposeName() {
        Map<String, String> gateway = environment(service(Application.GATEWAY.name()));

        for (Application service : Application.SERVICES) {
            assertThat(gateway.get("ROUNDTABLE_" + service.name().toUpperCase() + "_URL"))
                    .isEqualTo("http://" + service.name() + ":" + service.portIn(Ports.DEFAULT));
        }
    }

    @Test
    void everyTokenNamesKeycloakAsTheHostSeesItAndEveryoneChecksIt() throws IOException {
        Map<String, Object> keycloak = service("keycloak");
        String issuer = environment(keycloak).get("KC_HOSTNAME") + "/realms/roundtable";

        assertThat(list(keycloak.get("ports"))).contains("8180:8080");
        assertThat(list(keycloak.get("command"))).contains("--import-realm");
        for (Application application : COMPOSED) {
            assertThat(environment(service(application.name())).get("ROUNDTABLE_ISSUER")).as(application.name()).isEqualTo(issuer);
            assertThat(environment(service(application.name())).get("ROUNDTABLE_JWKS")).as(application.name())
                    .isEqualTo("http://keycloak:8080/realms/roundtable/protocol/openid-connect/certs");
        }
        JsonNode realm = new ObjectMapper().readTree(ROOT.resolve("infrastructure/keycloak/roundtable-realm.json").toFile());
        assertThat(realm.path("realm").asText()).isEqualTo("roundtable");
        JsonNode gatewayClient = DemoJourney.find(realm.path("clients"), "clientId", "roundtable-gateway");
        assertThat(environment(service("gateway")).get("ROUNDTABLE_GATEWAY_CLIENT_SECRET")).isEqualTo(gatewayClient.path("secret").asText());
        for (String account : DemoJourney.ACCOUNTS) {
            assertThat(DemoJourney.find(realm.path("users"), "username", account)).as(account).isNotNull();
        }
    }

    @Test
    void everyMountedFileIsInTheProjectAndEveryNamedVolumeIsDeclared() {
        Set<String> declared = map(COMPOSE.get("volumes")).keySet();
        List<String> mounted = new ArrayList<>();
        map(COMPOSE.get("services")).forEach((name, definition) -> {
            Object volumes = map(definition).get("volumes");
            if (volumes != null) {
                for (Object volume : list(volumes)) {
                    String source = volume.toString().split(":")[0];
                    mounted.add(source);
                    if (source.startsWith("./")) {
                        assertThat(ROOT.resolve(source)).as("%s mounts %s", name, source).exists();
                    } else {
                        assertThat(declared).as("%s uses volume %s", name, source).contains(source);
                    }
                }
            }
        });

        assertThat(mounted).contains("./infrastructure/platform/compose/create-databases.sql",
                "./infrastructure/keycloak/roundtable-realm.json", "./infrastructure/prometheus/prometheus.yml",
                "./infrastructure/grafana/provisioning", "./infrastructure/grafana/dashboards");
    }

    @Test
    void prometheusScrapesEveryApplicationAndTheDashboardShowsTheKitsMetrics() throws IOException {
        Map<String, Object> prometheus = load(ROOT.resolve("infrastructure/prometheus/prometheus.yml"));
        Map<String, Object> job = map(list(prometheus.get("scrape_configs")).get(0));
        List<Object> targets = list(map(list(job.get("static_configs")).get(0)).get("targets"));

        assertThat(job.get("metrics_path")).isEqualTo("/actuator/prometheus");
        for (Application application : COMPOSED) {
            assertThat(targets).contains(application.name() + ":" + application.portIn(Ports.DEFAULT));
        }
        JsonNode dashboard = new ObjectMapper().readTree(ROOT.resolve("infrastructure/grafana/dashboards/roundtable-platform.json").toFile());
        String queries = dashboard.path("panels").findValuesAsText("expr").toString();
        assertThat(queries).contains("roundtable_commands_seconds_count", "roundtable_relay_events_total", "roundtable_relay_lag",
                "roundtable_inbox_dead_lettered_total", "roundtable_dead_letters", "CloseDecisionCase");
        String datasource = load(ROOT.resolve("infrastructure/grafana/provisioning/datasources/prometheus.yml")).toString();
        assertThat(datasource).contains("uid=" + dashboard.path("panels").get(0).path("datasource").path("uid").asText(), "http://prometheus:9090");
    }

    private static Map<String, Object> service(String name) {
        Map<String, Object> services = map(COMPOSE.get("services"));
        assertThat(services).as("docker-compose.yml services").containsKey(name);
        return map(services.get(name));
    }

    private static Map<String, String> environment(Map<String, Object> service) {
        Map<String, String> environment = new java.util.LinkedHashMap<>();
        map(service.get("environment")).forEach((name, value) -> environment.put(name, String.valueOf(value)));
        return environment;
    }

    private static Path propertiesFile(Application application) {
        Path module = ROOT.resolve(application.module()).resolve("src/main/resources");
        return module.resolve("application.properties");
    }

    private static Properties properties(Application application) throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(Files.readString(propertiesFile(application))));
        return properties;
    }

    private static Map<String, Object> load(Path file) {
        try {
            return new Yaml().load(Files.readString(file));
        } catch (IOException unreadable) {
            throw new IllegalStateException("cannot read " + file, unreadable);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        assertThat(node).isInstanceOf(Map.class);
        return (Map<String, Object>) node;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object node) {
        assertThat(node).isInstanceOf(List.class);
        return (List<Object>) node;
    }
}
