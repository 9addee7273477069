package org.roundtable.kit.deadletter;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How often each event has failed in each processing group, in this process. A processor retries a failed event (with
 * its own back-off) until the attempts are used up; then the event is set aside as a dead letter instead of being
 * tried again. Kept in memory: after a restart an event gets its attempts afresh, which only delays its dead letter.
 */
final class FailedEvents {

    private static final int REMEMBERED = 10_000;

    private final int attempts;
    private final Map<Key, Failure> failures = new ConcurrentHashMap<>();

    FailedEvents(int attempts) {
        if (attempts < 1) {
            throw new IllegalArgumentException("roundtable.dead-letters.attempts must be at least 1, was " + attempts);
        }
        this.attempts = attempts;
    }

    int attempts() {
        return attempts;
    }

    /** Records a failed attempt; returns how many attempts have failed so far. */
    int failed(String group, String eventId, Throwable cause) {
        if (failures.size() >= REMEMBERED) {
            failures.clear();
        }
        return failures.merge(new Key(group, eventId), new Failure(1, cause),
                (earlier, latest) -> new Failure(earlier.count() + 1, latest.cause())).count();
    }

    /** The last failure of an event whose attempts are used up, forgetting it: it is about to become a dead letter. */
    Optional<Throwable> exhausted(String group, String eventId) {
        Key key = new Key(group, eventId);
        Failure failure = failures.get(key);
        if (failure == null || failure.count() < attempts) {
            return Optional.empty();
        }
        failures.remove(key);
        return Optional.of(failure.cause());
    }

    void succeeded(String group, String eventId) {
        if (!failures.isEmpty()) {
            failures.remove(new Key(group, eventId));
        }
    }

    private record Key(String group, String eventId) {
    }

    private record Failure(int count, Throwable cause) {
    }
}
