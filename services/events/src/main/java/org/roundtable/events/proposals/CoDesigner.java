package org.roundtable.events.proposals;

import org.roundtable.events.Role;

/** Someone who shaped a proposal: who, in which role they acted, and what they brought. */
public record CoDesigner(String participantId, Role role, String brings) {
}
