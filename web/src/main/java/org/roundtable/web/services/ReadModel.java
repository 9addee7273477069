package org.roundtable.web.services;

import org.roundtable.web.WebProperties;
import org.springframework.stereotype.Component;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * After a command the services answer once it is stored; their read sides follow within moments. A page waits,
 * a bounded time, for the effect to show, so that the person never sees the page as it was before.
 */
@Component
public class ReadModel {

    private static final long POLL_MILLIS = 100;

    private final WebProperties properties;

    ReadModel(WebProperties properties) {
        this.properties = properties;
    }

    /** Whether {@code fact} moved away from {@code before} within the wait; a read that fails counts as not yet. */
    public boolean awaitChange(Supplier<String> fact, String before) {
        long deadline = System.nanoTime() + properties.readModelWait().toNanos();
        while (true) {
            try {
                if (!Objects.equals(fact.get(), before)) {
                    return true;
                }
            } catch (ApiProblem notYet) {
                // not readable yet (a new proposal is 404 until its read side has it)
            }
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
