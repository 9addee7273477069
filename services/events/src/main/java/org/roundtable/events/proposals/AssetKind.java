package org.roundtable.events.proposals;

/** What kind of strength a proposal builds on. */
public enum AssetKind {
    SKILL, TIME, NETWORK, PLACE, KNOWLEDGE, ORGANISATION, MONEY
}
