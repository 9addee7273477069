package org.roundtable.kit.deadletter;

/**
 * An event handler of an isolated processing group failed and the event has attempts left: the processor's batch is
 * rolled back (a refused statement leaves the database transaction unusable anyway) and retried after its back-off.
 */
final class EventHandlingFailed extends RuntimeException {

    EventHandlingFailed(String group, String eventId, int attempt, int attempts, Throwable cause) {
        super("event " + eventId + " failed in " + group + " (attempt " + attempt + " of " + attempts + "): "
                + DeadLetterCauses.describe(cause), cause);
    }
}
