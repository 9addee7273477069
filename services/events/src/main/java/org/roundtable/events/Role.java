package org.roundtable.events;

/**
 * The role in which someone acted. A person may hold several roles; every event says which one was used.
 */
public enum Role {
    /** A resident: proposes, co-designs, endorses, pledges assets, reports lived outcomes. */
    CITIZEN,
    /** Someone working in public services, who is also a citizen. */
    STAFF,
    /** An official with budget authority for a service area. */
    COMMISSIONER,
    /** An organisation delivering a commissioned change. */
    PROVIDER,
    /** An independent reviewer: reads and replays everything, changes nothing. */
    AUDITOR,
    /**
     * The platform itself, acting on an earlier event (a deadline passing, a decision reached elsewhere).
     * The event's causation id names what it acted on.
     */
    SYSTEM;

    /**
     * Whether acting in this role is acting in a public office: such acts are always named, by the name the identity
     * provider gives the person at the time. A citizen is named only with their consent.
     */
    public boolean publicOffice() {
        return this == STAFF || this == COMMISSIONER || this == PROVIDER || this == AUDITOR;
    }

    /** Parses a role name, ignoring case and an optional {@code ROLE_} prefix; refuses unknown names. */
    public static Role parse(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("role is missing");
        }
        String normalised = name.trim().toUpperCase(java.util.Locale.ROOT);
        if (normalised.startsWith("ROLE_")) {
            normalised = normalised.substring("ROLE_".length());
        }
        try {
            return Role.valueOf(normalised);
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException("unknown role '" + name + "'");
        }
    }
}
