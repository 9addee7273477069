package org.roundtable.audit.verifier;

/**
 * The first place where the ledger does not match what its hashes or its checkpoint prove.
 *
 * @param position the ledger position of the first entry that does not match ({@code null} when the problem is not
 *                 one entry's, e.g. a checkpoint whose signature does not verify)
 * @param eventId  that entry's event id, when there is an entry at that position
 * @param problem  what is wrong, in words
 */
public record Discrepancy(Long position, String eventId, String problem) {

    @Override
    public String toString() {
        return (position == null ? "" : "position " + position + (eventId == null ? "" : " (event " + eventId + ")") + ": ") + problem;
    }
}
