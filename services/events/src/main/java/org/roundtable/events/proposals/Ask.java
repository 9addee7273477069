package org.roundtable.events.proposals;

import java.util.List;

/** What the proposers need from commissioners: money, other resources, or both. */
public record Ask(Money money, List<String> otherResources) {

    public Ask {
        otherResources = otherResources == null ? List.of() : List.copyOf(otherResources);
    }
}
