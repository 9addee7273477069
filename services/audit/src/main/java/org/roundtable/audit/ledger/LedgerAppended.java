package org.roundtable.audit.ledger;

/** Published once a batch of entries is committed to the ledger, for whatever follows it. */
public record LedgerAppended(long lastPosition) {
}
