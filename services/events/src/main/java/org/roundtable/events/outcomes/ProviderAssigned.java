package org.roundtable.events.outcomes;

import org.roundtable.events.IntegrationEvent;
import org.roundtable.events.Published;
import org.roundtable.events.Source;

/** A commissioner named the organisation that delivers the initiative; it alone reports progress as provider. */
@Published(source = Source.OUTCOMES, version = 1)
public record ProviderAssigned(String initiativeId, String providerId, String providerName) implements IntegrationEvent {
}
