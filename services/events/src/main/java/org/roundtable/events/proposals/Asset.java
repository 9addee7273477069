package org.roundtable.events.proposals;

/** A strength the community already has and the proposal builds on: its kind, what it is, and who holds it. */
public record Asset(AssetKind kind, String description, String holder) {
}
