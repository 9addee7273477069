package org.roundtable.kit.names;

import org.roundtable.events.Role;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The public name of a person, by one rule in every service. Whoever acts in a public office (commissioner, staff
 * acting as staff, provider, auditor) is shown by their id and the name they acted under (or, where that is not kept,
 * their profile's name while they consent to it, otherwise their id); the platform acting on its own by its id. A citizen is shown as their consent stands now: by their login id and their own name while they
 * consent to be named, otherwise by their pseudonymous id and pseudonym (see {@link Pseudonyms}) — never their login
 * id or name. So a withdrawn consent changes every view from the moment the service hears of it.
 */
public final class PublicNames {

    /** Where the consent each participant last gave is kept: their own public name while they consent to it. */
    @FunctionalInterface
    public interface Consents {

        /** The participant's own name if they now consent to be named, otherwise empty (also without a profile). */
        Optional<String> consentedName(String participantId);

        /** {@link #consentedName} of each of these participants, as one lookup: those who consent, by id. */
        default Map<String, String> consentedNames(Collection<String> participantIds) {
            Map<String, String> named = new HashMap<>();
            for (String participantId : participantIds) {
                consentedName(participantId).ifPresent(name -> named.put(participantId, name));
            }
            return named;
        }
    }

    /** One person as a public view shows them. */
    public record Shown(String id, String name) {
    }

    private final Consents consents;
    private final Pseudonyms pseudonyms;

    public PublicNames(Consents consents, Pseudonyms pseudonyms) {
        this.consents = consents;
        this.pseudonyms = pseudonyms;
    }

    /**
     * These names with the consents of the given people read at once, for a view that names many of them (a page of a
     * list); anyone else's consent is still read when they are named.
     */
    public PublicNames knowing(Collection<String> personIds) {
        Set<String> known = new HashSet<>();
        personIds.stream().filter(Objects::nonNull).forEach(known::add);
        if (known.isEmpty()) {
            return this;
        }
        Map<String, String> named = Map.copyOf(consents.consentedNames(known));
        return new PublicNames(id -> known.contains(id) ? Optional.ofNullable(named.get(id)) : consents.consentedName(id), pseudonyms);
    }

    /** A participant acting or sitting as a citizen. */
    public Shown citizen(String participantId) {
        if (participantId == null) {
            return new Shown(null, null);
        }
        return consents.consentedName(participantId).map(name -> new Shown(participantId, name))
                .orElseGet(() -> new Shown(pseudonyms.idOf(participantId), pseudonyms.of(participantId)));
    }

    /**
     * Someone acting in a role: citizens as {@link #citizen}; office holders and the platform by their id and the name
     * they acted under. A person of no known role is shown as a citizen.
     */
    public Shown actor(String id, Role role, String nameActedUnder) {
        if (role == null || role == Role.CITIZEN) {
            return citizen(id);
        }
        if (nameActedUnder != null && !nameActedUnder.isBlank()) {
            return new Shown(id, nameActedUnder);
        }
        return new Shown(id, id == null ? null : consents.consentedName(id).orElse(id));
    }

    /** {@link #actor(String, Role)} as {@code viewer} sees it: everyone sees themselves by their own login id. */
    public Shown seenBy(String viewer, String id, Role role) {
        Shown shown = actor(id, role);
        return id != null && id.equals(viewer) ? new Shown(id, shown.name()) : shown;
    }

    /** {@link #seenBy(String, String, Role)} for a role named as text ({@code null} or unknown: a citizen). */
    public Shown seenBy(String viewer, String id, String role) {
        return seenBy(viewer, id, roleOf(role));
    }

    /** {@link #actor(String, String, String)} as {@code viewer} sees it: everyone sees themselves by their own login id. */
    public Shown seenBy(String viewer, String id, String role, String nameActedUnder) {
        Shown shown = actor(id, role, nameActedUnder);
        return id != null && id.equals(viewer) ? new Shown(id, shown.name()) : shown;
    }

    /** {@link #actor(String, Role, String)} for a role named as text ({@code null} or unknown: a citizen). */
    public Shown actor(String id, String role, String nameActedUnder) {
        return actor(id, roleOf(role), nameActedUnder);
    }

    /** {@link #actor(String, Role, String)} where the name acted under is not kept. */
    public Shown actor(String id, Role role) {
        return actor(id, role, null);
    }

    private static Role roleOf(String role) {
        if (role == null) {
            return null;
        }
        try {
            return Role.parse(role);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }
}
