package org.roundtable.misplaced.api;

import org.roundtable.kit.inbox.Inbox;

/** Misplaced on purpose: reaches into the kit's inside. */
public class Reaching {

    boolean handled(Inbox inbox, String eventId) {
        return inbox.hasHandled(eventId);
    }
}
