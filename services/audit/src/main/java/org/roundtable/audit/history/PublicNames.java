package org.roundtable.audit.history;

import org.roundtable.events.Role;
import org.roundtable.events.participation.ProfileCorrected;
import org.roundtable.events.participation.ProfileRegistered;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The names the auditor views give people, by one rule. Whoever acted in a public office (staff acting as staff,
 * commissioner, provider, auditor) is named by the name the identity provider gave them when they acted, which the
 * ledger keeps with the entry; the platform acting on its own is named as the service. A citizen is named as their
 * profile stands now: by their own name while they consent to it, otherwise by their stable pseudonym, so that
 * withdrawing consent changes every view from then on while the ledger, and its hashes, stay as they were. A citizen
 * without a profile has no public name at all, and is never shown by their login.
 */
public final class PublicNames {

    /** The ledger's events that say how a participant wishes to be named. */
    public static final List<String> PROFILE_EVENTS = List.of("ProfileRegistered", "ProfileCorrected");

    private final Map<String, String> profileNames;
    private final Map<String, String> officeNames;

    public PublicNames() {
        this(new HashMap<>(), new HashMap<>());
    }

    private PublicNames(Map<String, String> profileNames, Map<String, String> officeNames) {
        this.profileNames = profileNames;
        this.officeNames = officeNames;
    }

    /** The names as kept elsewhere: citizens' public names by participant, office holders' latest names by person. */
    public static PublicNames of(Map<String, String> profileNames, Map<String, String> officeNames) {
        return new PublicNames(new HashMap<>(profileNames), new HashMap<>(officeNames));
    }

    /** The names as the given entries (in ledger order) leave them; later entries override earlier ones. */
    public static PublicNames from(List<RecordedEvent> entries) {
        PublicNames names = new PublicNames();
        entries.forEach(names::learn);
        return names;
    }

    /** Learns from one more entry, later than every one learnt before. */
    public void learn(RecordedEvent entry) {
        profileName(entry).ifPresent(named -> profileNames.put(named.getKey(), named.getValue()));
        officeName(entry).ifPresent(named -> officeNames.put(named.getKey(), named.getValue()));
    }

    /** The public name a profile entry gives a participant: participant id and name. */
    public static Optional<Map.Entry<String, String>> profileName(RecordedEvent entry) {
        if (entry.data() instanceof ProfileRegistered registered && registered.participantId() != null && registered.publicName() != null) {
            return Optional.of(Map.entry(registered.participantId(), registered.publicName()));
        } else if (entry.data() instanceof ProfileCorrected corrected && corrected.participantId() != null && corrected.publicName() != null) {
            return Optional.of(Map.entry(corrected.participantId(), corrected.publicName()));
        }
        return Optional.empty();
    }

    /** The name an entry's actor acted under in a public office: person id and name. */
    public static Optional<Map.Entry<String, String>> officeName(RecordedEvent entry) {
        if (entry.actorId() != null && named(entry.actorRole()) && entry.actorName() != null && !entry.actorName().isBlank()) {
            return Optional.of(Map.entry(entry.actorId(), entry.actorName()));
        }
        return Optional.empty();
    }

    /** The name of whoever acted in this entry, as they acted then. */
    public String actorOf(RecordedEvent entry) {
        if (named(entry.actorRole())) {
            return entry.actorName() != null && !entry.actorName().isBlank() ? entry.actorName() : of(entry.actorId(), entry.actorRole());
        }
        return of(entry.actorId(), entry.actorRole());
    }

    /**
     * The public name of a person in a role: in a public office, the latest name they acted under (their id when the
     * ledger holds none); as a citizen, their profile's public name now ({@code null} without a profile).
     */
    public String of(String personId, String role) {
        if (personId == null) {
            return null;
        }
        if (named(role)) {
            return officeNames.getOrDefault(personId, personId);
        }
        return profileNames.get(personId);
    }

    private static boolean named(String role) {
        if (role == null) {
            return false;
        }
        try {
            Role parsed = Role.parse(role);
            return parsed.publicOffice() || parsed == Role.SYSTEM;
        } catch (IllegalArgumentException unknown) {
            return false;
        }
    }
}
