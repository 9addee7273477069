/**
 * The ledger: an append-only, hash-chained and signed record of every event on the four Roundtable topics.
 *
 * <h2>Writing</h2>
 * {@link org.roundtable.audit.ledger.LedgerConsumer} reads the topics raw (read_committed, its own consumer group
 * {@code roundtable-audit-ledger}) and {@link org.roundtable.audit.ledger.LedgerAppender} appends each batch in one
 * transaction to {@code ledger_entry}, whose columns are the contract the auditor views read. Each event is recorded
 * once: an offset already passed or an event id already held is skipped. A record that is not a Roundtable event goes
 * to {@code <topic>.dlt}.
 *
 * <h2>Determinism</h2>
 * There is one hash chain per topic partition, in the partition's order, so reading the topics again from the
 * beginning gives the same chains. Each chain also has an RFC 6962 Merkle tree over its entry hashes; a checkpoint's
 * tree has one leaf per chain (its size, head hash and root), sorted by topic and partition. The global
 * {@code position} is arrival order across partitions and is not covered by any hash.
 *
 * <p>Two ledgers are <em>equal</em> when, for every topic partition, they hold the same number of entries with the
 * same hashes in the same chain order; then every chain's head hash and Merkle root are equal, and so is the root hash
 * of a checkpoint over those chains. A ledger rebuilt into an empty database is equal to the live one once both have
 * read the same offsets ({@code GET /api/audit/heads} on each).
 *
 * <h2>Keys</h2>
 * Checkpoints are signed with Ed25519; the key file ({@code roundtable.audit.signing-key}, a PRIVATE KEY and a PUBLIC
 * KEY PEM block) is generated on first start when missing and kept. In production the file should come from a
 * secret store outside the ledger's database, so that whoever can alter the database cannot re-sign it.
 */
package org.roundtable.audit.ledger;
