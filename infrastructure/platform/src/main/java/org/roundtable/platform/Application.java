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

    public int portIn(Ports ports) {
        return port.applyAsInt(ports);
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
        if (!name.equals(GATEWAY.name)) {
            // one door in: only the gateway is reachable from other machines
            env.put("SERVER_ADDRESS", LOOPBACK);
        }
        env.put("ROUNDTABLE_ISSUER", ports.issuer());
        env.put("ROUNDTABLE_JWKS", ports.issuer() + "/oauth2/jwks");
        if (database != null) {
            env.put("ROUNDTABLE_DB_URL", jdbcUrl);
            env.put("ROUNDTABLE_DB_USER", dbUser);
            env.put("ROUNDTABLE_DB_PASSWORD", dbPassword);
        }
        if (SERVICES.stream().anyMatch(service -> service.name.equals(name))) {
            env.put("ROUNDTABLE_KAFKA", "127.0.0.1:" + ports.kafka());
        }
        if (name.equals(IDENTITY.name)) {
            env.put("ROUNDTABLE_DATA_DIR", data.resolve("identity").toString());
            env.put("ROUNDTABLE_GATEWAY_REDIRECT_URIS", ports.gatewayUrl() + "/login/oauth2/code/roundtable");
        }
        if (name.equals(GATEWAY.name)) {
            SERVICES.forEach(service -> env.put("ROUNDTABLE_" + service.name().toUpperCase(Locale.ROOT) + "_URL",
                    "http://127.0.0.1:" + service.portIn(ports)));
            env.put("ROUNDTABLE_WEB_ORIGIN", ports.gatewayUrl());
            env.put("ROUNDTABLE_WEB_URL", "http://127.0.0.1:" + WEB.portIn(ports));
        }
        if (name.equals(WEB.name)) {
            SERVICES.forEach(service -> env.put("ROUNDTABLE_" + service.name().toUpperCase(Locale.ROOT) + "_URL",
                    "http://127.0.0.1:" + service.portIn(ports)));
        }
        if (name.equals(AUDIT.name)) {
            env.put("ROUNDTABLE_AUDIT_SIGNING_KEY", data.resolve("audit").resolve("ledger-signing-key.pem").toString());
            env.put("ROUNDTABLE_AUDIT_GENERATE_SIGNING_KEY", "true");
            env.put("ROUNDTABLE_AUDIT_WITNESSES_FILE", data.resolve("witness").resolve("witness-key.pem.vkey").toString());
        }
        if (name.equals(WITNESS.name)) {
            env.put("ROUNDTABLE_WITNESS_LOG", "http://127.0.0.1:" + AUDIT.portIn(ports));
            env.put("ROUNDTABLE_WITNESS_KEY", data.resolve("witness").resolve("witness-key.pem").toString());
            env.put("ROUNDTABLE_WITNESS_GENERATE_KEY", "true");
            env.put("ROUNDTABLE_WITNESS_STATE", data.resolve("witness").resolve("state.json").toString());
        }
        return env;
    }
}
