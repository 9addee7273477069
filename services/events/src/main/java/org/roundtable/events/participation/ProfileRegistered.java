package org.roundtable.events.participation;

import org.roundtable.events.IntegrationEvent;
import org.roundtable.events.Published;
import org.roundtable.events.Role;
import org.roundtable.events.Source;

import java.util.List;

/** Someone joined: their public name (their own name only with consent, otherwise a stable pseudonym), roles, coarse neighbourhood and what they offer. Contact details never appear here. */
@Published(source = Source.PARTICIPATION, version = 1)
public record ProfileRegistered(String participantId, String publicName, boolean namedPublicly, List<Role> roles, String neighbourhood, String offers, Boolean livesLocally, Boolean usesServices, boolean contactable) implements IntegrationEvent {
}
