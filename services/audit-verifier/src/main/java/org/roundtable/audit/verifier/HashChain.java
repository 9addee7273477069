package org.roundtable.audit.verifier;

import java.security.MessageDigest;

/**
 * The ledger's hash chains: an entry's hash is {@code SHA-256(previous hash (32 bytes) || canonical encoding of the
 * record)}, where the previous hash is the hash of the entry before it in the same chain, or {@link #GENESIS} (32 zero
 * bytes) for a chain's first entry. Changing, removing or reordering any entry changes every hash after it.
 */
public final class HashChain {

    public static final String GENESIS = "0".repeat(2 * Sha256.LENGTH);

    private HashChain() {
    }

    public static String entryHash(String previousHash, LedgerRecord record) {
        MessageDigest digest = Sha256.reused();
        digest.update(Sha256.fromHex(previousHash));
        record.canonicalEncoding().update(digest);
        return Sha256.hex(digest.digest());
    }
}
