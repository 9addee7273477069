package org.roundtable.audit.verifier;

import java.time.Instant;

/**
 * The growing end of one chain: what the ledger needs to append the next entry (the head hash, the size, the Merkle
 * frontier) without reading earlier entries. The service keeps this state per chain in its database, in the same
 * transaction as the entries.
 */
public final class Chain {

    private final ChainId id;
    private final MerkleFrontier frontier;
    private String head;

    public Chain(ChainId id) {
        this(id, HashChain.GENESIS, new MerkleFrontier());
    }

    public Chain(ChainId id, String head, MerkleFrontier frontier) {
        this.id = id;
        this.head = Sha256.hex(Sha256.fromHex(head));
        this.frontier = frontier;
    }

    /** Appends a record read from this chain's partition, at the given ledger position. */
    public LedgerEntry append(LedgerRecord record, long position, Instant recordedAt) {
        if (!record.chain().equals(id)) {
            throw new IllegalArgumentException("a record of " + record.chain() + " does not belong to chain " + id);
        }
        String previous = head;
        String hash = HashChain.entryHash(previous, record);
        frontier.append(MerkleTree.leafHash(Sha256.fromHex(hash)));
        head = hash;
        return new LedgerEntry(position, frontier.size(), record, recordedAt, previous, hash);
    }

    public ChainId id() {
        return id;
    }

    public long size() {
        return frontier.size();
    }

    public String head() {
        return head;
    }

    public MerkleFrontier frontier() {
        return frontier;
    }

    public ChainHead state() {
        return new ChainHead(id, frontier.size(), head, Sha256.hex(frontier.root()));
    }
}
