package org.roundtable.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToIntFunction;
import java.util.stream.Stream;

/**
 * One of the platform's Spring Boot applications as the launcher runs it: from its module's executable jar, on its
 * port, with its own database where it keeps one (each service, and the gateway).
 *
 * @param name     what the launcher calls it, also its log's name
 * @param module   the module's folder, relative to the project root
 * @param port     its port among the stack's ports
 * @param database its database, or {@code null} for none
 */
public record Application(String name, String module, ToIntFunction<Ports> port, String database) {

    public static final Application IDENTITY = new Application("authorization-server", "infrastructure/authorization-server",
            Ports::identity, null);
    public static final Application PROPOSALS = new Application("proposals", "services/proposals", Ports::proposals, "proposals");
    public static final Application PARTICIPATION = new Application("participation", "services/participation", Ports::participation,
            "participation");
    public static final Application COMMISSIONING = new Application("commissioning", "services/commissioning", Ports::commissioning,
            "commissioning");
    public static final Application OUTCOMES = new Application("outcomes", "services/outcomes", Ports::outcomes, "outcomes");
    public static final Application AUDIT = new Application("audit", "services/audit", Ports::audit, "audit");
    public static final Application WEB = new Application("web", "web", Ports::web, null);
    /** Keeps the request budgets every gateway instance shares and the browser sessions in its own database. */
    public static final Application GATEWAY = new Application("gateway", "gateway", Ports::gateway, "gateway");
    public static final Application WITNESS = new Application("witness", "services/witness", Ports::witness, null);

    /** Where every application but the gateway listens. */
    public static final String LOOPBACK = "127.0.0.1";

    /** The five services, each with its own database. */
    public static final List<Application> SERVICES = List.of(PROPOSALS, PARTICIPATION, COMMISSIONING, OUTCOMES, AUDIT);

    /** Everything the local stack runs, in the order it starts them. */
    public static final List<Application> ALL = Stream.of(List.of(IDENTITY), SERVICES, List.of(WEB, GATEWAY, WITNESS))
            .flatMap(List::stream).toList();

    /** The applications the local stack can run as several instances behind one address: the services and the gateway. */
    public static final List<Application> REPLICATED = Stream.concat(SERVICES.stream(), Stream.of(GATEWAY)).toList();

    /** Between an application's address and the port of its instance number {@code n}: {@code n} times this. */
    static final int INSTANCE_PORT_STEP = 10_000;

    public int portIn(Ports ports) {
        return port.applyAsInt(ports);
    }

    /**
     * Instance {@code number} of this application, when several run behind its address: named {@code <name>-<number>},
     * listening on loopback at its address's port plus {@code number} times {@value #INSTANCE_PORT_STEP}, and otherwise
     * set up as the application is (it reaches the other applications at their addresses).
     */
    public Application instance(int number) {
        if (number < 1 || !REPLICATED.contains(this)) {
            throw new IllegalArgumentException(name + " has no instance " + number);
        }
        return new Application(name + "-" + number, module, ports -> port.applyAsInt(ports) + number * INSTANCE_PORT_STEP, database);
    }

    /** The application this is an instance of, or itself. */
    public Application application() {
        return ALL.stream().filter(application -> application.module.equals(module)).findFirst().orElse(this);
    }

    /** Whether this is an instance other than the first of an application that runs several. */
    public boolean laterInstance() {
        return !ALL.contains(this) && !name.endsWith("-1");
    }

    /** An application, or an instance of one, is known by its name: each {@link #instance} call makes the same one again. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Application application && name.equals(application.name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    /** The module's executable jar, as the build leaves it in {@code target/}. */
    public Path executableJar(Path root) {
        Path target = root.resolve(module).resolve("target");
        if (Files.isDirectory(target)) {
            try (Stream<Path> files = Files.list(target)) {
                List<Path> jars = files.filter(file -> file.getFileName().toString().endsWith("-exec.jar")).sorted().toList();
                if (!jars.isEmpty()) {
                    return jars.get(jars.size() - 1);
                }
            } catch (IOException failure) {
                throw new UncheckedIOException("could not look into " + target, failure);
            }
        }
        throw new IllegalStateException("no executable jar of " + name + " in " + target
                + ": build it first (./mvnw -DskipTests package, or ./roundtable which does)");
    }

    /**
     * The environment the application reads its settings from: the variables every service takes (see any service's
     * {@code application.properties}), plus those of the authorization server, the audit ledger, the gateway and the
     * ledger's witness (which pins the log key the ledger publishes on first contact, and writes its own verifier key
     * where the ledger reads its witnesses).
     */
    public Map<String, String> environment(Ports ports, Path data, String jdbcUrl, String dbUser, String dbPassword) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PORT", Integer.toString(portIn(ports)));
        Application application = application();
        if (!equals(GATEWAY)) {
            // one door in: only the gateway, or the address in front of its instances, is reachable from other machines
            env.put("SERVER_ADDRESS", LOOPBACK);
        }
        env.put("ROUNDTABLE_ISSUER", ports.issuer());
        env.put("ROUNDTABLE_JWKS", ports.issuer() + "/oauth2/jwks");
        if (database != null) {
            env.put("ROUNDTABLE_DB_URL", jdbcUrl);
            env.put("ROUNDTABLE_DB_USER", dbUser);
            env.put("ROUNDTABLE_DB_PASSWORD", dbPassword);
            // connections opened as the load asks for them, up to the pool's size: a backend of PostgreSQL for each
            // idle connection of every application held 15 MB or so of the stack's memory
            env.put("SPRING_DATASOURCE_HIKARI_MINIMUMIDLE", "2");
        }
        if (SERVICES.contains(application)) {
            env.put("ROUNDTABLE_KAFKA", "127.0.0.1:" + ports.kafka());
        }
        if (application.equals(IDENTITY)) {
            env.put("ROUNDTABLE_DATA_DIR", data.resolve("identity").toString());
            env.put("ROUNDTABLE_GATEWAY_REDIRECT_URIS", ports.gatewayUrl() + "/login/oauth2/code/roundtable");
        }
        if (application.equals(GATEWAY)) {
            SERVICES.forEach(service -> env.put("ROUNDTABLE_" + service.name().toUpperCase(Locale.ROOT) + "_URL",
                    "http://127.0.0.1:" + service.portIn(ports)));
            env.put("ROUNDTABLE_WEB_ORIGIN", ports.gatewayUrl());
            env.put("ROUNDTABLE_WEB_URL", "http://127.0.0.1:" + WEB.portIn(ports));
        }
        if (application.equals(WEB)) {
            SERVICES.forEach(service -> env.put("ROUNDTABLE_" + service.name().toUpperCase(Locale.ROOT) + "_URL",
                    "http://127.0.0.1:" + service.portIn(ports)));
        }
        if (application.equals(AUDIT)) {
            env.put("ROUNDTABLE_AUDIT_SIGNING_KEY", data.resolve("audit").resolve("ledger-signing-key.pem").toString());
            env.put("ROUNDTABLE_AUDIT_GENERATE_SIGNING_KEY", "true");
            env.put("ROUNDTABLE_AUDIT_WITNESSES_FILE", data.resolve("witness").resolve("witness-key.pem.vkey").toString());
        }
        if (application.equals(WITNESS)) {
            env.put("ROUNDTABLE_WITNESS_LOG", "http://127.0.0.1:" + AUDIT.portIn(ports));
            env.put("ROUNDTABLE_WITNESS_KEY", data.resolve("witness").resolve("witness-key.pem").toString());
            env.put("ROUNDTABLE_WITNESS_GENERATE_KEY", "true");
            env.put("ROUNDTABLE_WITNESS_STATE", data.resolve("witness").resolve("state.json").toString());
        }
        return env;
    }
}
