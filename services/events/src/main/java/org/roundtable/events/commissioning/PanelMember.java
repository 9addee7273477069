package org.roundtable.events.commissioning;

import org.roundtable.events.Role;

/** Someone round the table: a commissioner or a citizen member. */
public record PanelMember(String memberId, Role role) {
}
