package org.roundtable.testsupport;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.HashMap;
import java.util.Map;

/**
 * A second instance of a service beside the test's own application context: the same application, in the same JVM,
 * on the same database, broker and token issuer (as {@link RealInfrastructure} gives them), on a port of its own and
 * claiming the event processors' segments under a name of its own. Close it to stop it.
 */
public final class AnotherInstance implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private AnotherInstance(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /**
     * @param application the service's {@code @SpringBootApplication} class
     * @param database    the database the test's own context uses
     * @param name        the instance's name, which it claims segments under
     * @param settings    further settings, {@code key=value}
     */
    public static AnotherInstance start(Class<?> application, String database, String name, String... settings) {
        Map<String, Object> properties = new HashMap<>(RealInfrastructureContextCustomizerFactory.properties(database));
        properties.put("server.port", "0");
        properties.put("roundtable.processors.node", name);
        for (String setting : settings) {
            int equals = setting.indexOf('=');
            properties.put(setting.substring(0, equals), setting.substring(equals + 1));
        }
        // as arguments: they come before the application's own properties, as the test context's settings do
        String[] arguments = properties.entrySet().stream().map(entry -> "--" + entry.getKey() + "=" + entry.getValue()).toArray(String[]::new);
        return new AnotherInstance(new SpringApplicationBuilder(application).run(arguments));
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public int port() {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }

    @Override
    public void close() {
        context.close();
    }
}
