package org.roundtable.kit.domain;

/**
 * Aggregates whose streams grow with use (every endorsement of a proposal, say) are loaded from a snapshot taken every
 * {@code roundtable.snapshots.every} (50) events, then the events after it, instead of their whole stream:
 * {@code @Aggregate(snapshotTriggerDefinition = Snapshots.EVERY_FEW_EVENTS)}. A snapshot is the aggregate's fields as
 * JSON; one that cannot be read (the aggregate's fields have changed since) is passed over and the whole stream read.
 */
public final class Snapshots {

    /** The name of the kit's snapshot trigger. */
    public static final String EVERY_FEW_EVENTS = "roundtableSnapshots";

    private Snapshots() {
    }
}
