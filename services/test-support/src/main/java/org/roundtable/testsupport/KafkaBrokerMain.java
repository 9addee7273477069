package org.roundtable.testsupport;

import java.io.IOException;
import java.io.InputStream;

/**
 * Runs a Kafka broker (KRaft, from the jars on the class path) until its standard input ends, so that the broker
 * never outlives the process that started it, not even when that process is killed.
 */
public final class KafkaBrokerMain {

    private KafkaBrokerMain() {
    }

    public static void main(String[] args) throws Exception {
        Thread watchdog = new Thread(() -> {
            try (InputStream parent = System.in) {
                while (parent.read() >= 0) {
                    // nothing is sent; only the end of the stream matters
                }
            } catch (IOException ignored) {
                // a broken pipe means the parent is gone too
            }
            System.exit(0);
        }, "parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        kafka.Kafka.main(args);
    }
}
