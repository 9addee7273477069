package org.roundtable.events;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Objects;

/**
 * Who acted: the subject id from their token, the role they acted in, and their name where the act is a public one.
 * Someone acting in a {@linkplain Role#publicOffice() public office} carries the name the identity provider gave them
 * when they acted; the platform acting on its own carries the service's name; a citizen carries none, because a
 * citizen's name is shown only with their consent, which the views look up when they show the act.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Actor(String subjectId, Role role, String displayName) {

    public Actor {
        if (subjectId == null || subjectId.isBlank()) {
            throw new IllegalArgumentException("actor subjectId is missing");
        }
        Objects.requireNonNull(role, "actor role is missing");
        if (displayName != null && displayName.isBlank()) {
            displayName = null;
        }
    }

    public static Actor of(String subjectId, Role role) {
        return new Actor(subjectId, role, null);
    }

    /** The platform acting on its own, as the named service. */
    public static Actor system(String service) {
        return new Actor("roundtable-" + service, Role.SYSTEM, "Roundtable " + service);
    }
}
