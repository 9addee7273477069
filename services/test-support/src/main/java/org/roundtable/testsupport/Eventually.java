package org.roundtable.testsupport;

import java.time.Duration;
import java.time.Instant;

/**
 * Waits, within a bound, for something asynchronous (a projection, a consumer) to have happened: a check that fails
 * or finds nothing yet is tried again until the time runs out, and then its last failure is thrown.
 */
public final class Eventually {

    @FunctionalInterface
    public interface Check {
        void run() throws Exception;
    }

    private Eventually() {
    }

    public static void within(Duration timeout, Check check) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            try {
                check.run();
                return;
            } catch (AssertionError | RuntimeException notYet) {
                if (Instant.now().isAfter(deadline)) {
                    throw notYet;
                }
                Thread.sleep(100);
            }
        }
    }
}
