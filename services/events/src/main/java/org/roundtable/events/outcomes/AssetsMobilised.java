package org.roundtable.events.outcomes;

import org.roundtable.events.IntegrationEvent;
import org.roundtable.events.Published;
import org.roundtable.events.Source;
import org.roundtable.events.proposals.AssetKind;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An asset was actually given to the initiative: hours of time, a skill used, a place opened. {@code pledgeId} names
 * the pledge it fulfils, if any; {@code participantId} and {@code publicName} who gave it (the name only with consent).
 */
@Published(source = Source.OUTCOMES, version = 1)
public record AssetsMobilised(String initiativeId, String mobilisationId, String pledgeId, String participantId,
                              String publicName, AssetKind kind, String description, BigDecimal hours,
                              LocalDate givenOn) implements IntegrationEvent {
}
