package org.roundtable.events.participation;

import org.roundtable.events.IntegrationEvent;
import org.roundtable.events.Published;
import org.roundtable.events.Role;
import org.roundtable.events.Source;

import java.util.List;

/** A participant corrected their own profile; the fields are the profile as it now stands. */
@Published(source = Source.PARTICIPATION, version = 1)
public record ProfileCorrected(String participantId, String publicName, boolean namedPublicly, List<Role> roles, String neighbourhood, String offers, Boolean livesLocally, Boolean usesServices, boolean contactable) implements IntegrationEvent {
}
