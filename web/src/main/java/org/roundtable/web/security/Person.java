package org.roundtable.web.security;

import org.roundtable.events.Role;

import java.util.List;

/**
 * Someone signed in, as the gateway's relayed token says, and the role they act in on these pages.
 *
 * @param subject    their login id, as the services know them
 * @param name       their name, from the token
 * @param roles      every role the token grants, in a stable order
 * @param actingRole the role chosen for what they do now; {@code null} until a person with several roles chooses
 * @param token      the access token relayed to the services
 */
public record Person(String subject, String name, List<Role> roles, Role actingRole, String token) {

    public boolean mustChooseRole() {
        return actingRole == null;
    }

    public boolean hasSeveralRoles() {
        return roles.size() > 1;
    }

    /** Citizens and staff propose, co-design, endorse, pledge and hold workshops. */
    public boolean participates() {
        return actingRole == Role.CITIZEN || actingRole == Role.STAFF;
    }
}
