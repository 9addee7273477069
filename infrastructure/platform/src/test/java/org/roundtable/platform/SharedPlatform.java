package org.roundtable.platform;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One local stack for every end-to-end test class in this test JVM (the platform journey and the browser journeys):
 * started by the first class that asks, on ports moved by {@code -Droundtable.it.portOffset} (300 by default) and a
 * data folder of its own ({@code target/platform-it}, logs kept), and stopped once, when JUnit closes its root store at the end of the run, which also checks
 * that no process it started is left. A test class asks for it with {@code @ExtendWith(SharedPlatform.class)} and a
 * {@link LocalStack} parameter.
 */
final class SharedPlatform implements ParameterResolver {

    static final Ports PORTS = new Ports(Integer.getInteger("roundtable.it.portOffset", 300));

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        if (Boolean.getBoolean("roundtable.it.stackRunning")) {
            // a stack already started by hand on these ports (./roundtable --port-offset N), to iterate on a test quickly
            Path root = Path.of("").toAbsolutePath().getParent().getParent();
            return new LocalStack(LocalStack.Settings.of(root, root.resolve(".data"), PORTS, System.out));
        }
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Running.class, key -> Running.start(), Running.class).stack;
    }

    private record Running(LocalStack stack, Path data) implements ExtensionContext.Store.CloseableResource {

        static Running start() {
            Path root = Path.of("").toAbsolutePath().getParent().getParent();
            try {
                // under target/, kept after the run: the applications' logs are there to read when something failed
                Path data = Path.of("target", "platform-it").toAbsolutePath();
                deleteQuietly(data);
                Files.createDirectories(data);
                return new Running(new LocalStack(LocalStack.Settings.of(root, data, PORTS, System.out)).start(), data);
            } catch (IOException failure) {
                throw new UncheckedIOException(failure);
            }
        }

        @Override
        public void close() {
            List<ProcessHandle> children = ProcessHandle.current().descendants().toList();
            stack.close();
            List<ProcessHandle> left = children.stream().filter(ProcessHandle::isAlive).toList();
            if (children.isEmpty() || !left.isEmpty()) {
                throw new IllegalStateException("the local stack left processes running: " + left);
            }
        }
    }

    private static void deleteQuietly(Path folder) {
        try (var paths = Files.walk(folder)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException leftBehind) {
            // a temporary folder: the system cleans it up if this could not
        }
    }
}
