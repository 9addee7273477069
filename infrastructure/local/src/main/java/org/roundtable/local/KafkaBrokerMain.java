package org.roundtable.local;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The child process of {@link KafkaBroker}: formats the storage when asked to, then runs a Kafka broker in KRaft mode
 * from the jars on the class path until its standard input ends. Only the parent holds the other end of that pipe,
 * so the broker never outlives the process that started it, not even when that process is killed with SIGKILL.
 *
 * <p>Arguments: {@code <server.properties> [--format <cluster id>]}.
 */
public final class KafkaBrokerMain {

    private static final long SHUTDOWN_GRACE_MILLIS = 15_000;

    private KafkaBrokerMain() {
    }

    public static void main(String[] args) throws Exception {
        boolean format = args.length == 3 && args[1].equals("--format");
        if (args.length != 1 && !format) {
            System.err.println("usage: KafkaBrokerMain <server.properties> [--format <cluster id>]; got " + Arrays.toString(args));
            System.exit(2);
        }
        watchParent();
        if (format) {
            int formatted = kafka.tools.StorageTool.execute(new String[] {"format", "-t", args[2], "-c", args[0]}, System.out);
            if (formatted != 0) {
                System.err.println("formatting the storage failed with exit code " + formatted);
                System.exit(formatted);
            }
        }
        kafka.Kafka.main(new String[] {args[0]});
    }

    private static void watchParent() {
        Thread watchdog = new Thread(() -> {
            try (InputStream parent = System.in) {
                while (parent.read() >= 0) {
                    // nothing is ever sent; only the end of the stream matters
                }
            } catch (IOException brokenPipe) {
                // the parent is gone as well
            }
            Thread halt = new Thread(() -> {
                try {
                    Thread.sleep(SHUTDOWN_GRACE_MILLIS);
                } catch (InterruptedException ignored) {
                    // halting anyway
                }
                // with no parent left to force it, a hanging shutdown would otherwise keep the broker alive forever
                Runtime.getRuntime().halt(1);
            }, "broker-halt");
            halt.setDaemon(true);
            halt.start();
            System.exit(0);
        }, "parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }
}
