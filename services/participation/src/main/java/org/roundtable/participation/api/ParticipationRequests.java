package org.roundtable.participation.api;

import org.roundtable.events.Role;
import org.roundtable.events.proposals.AssetKind;

import java.time.Instant;
import java.util.List;

/** Request and response bodies of the participation API. */
public final class ParticipationRequests {

    public record ProfileForm(String displayName, List<Role> roles, String neighbourhood, String offers, Boolean livesLocally,
                              Boolean usesServices, Boolean namedPublicly, Boolean contactable, String contactEmail) {

        boolean named() {
            return Boolean.TRUE.equals(namedPublicly);
        }

        boolean reachable() {
            return Boolean.TRUE.equals(contactable);
        }
    }

    /** The owner's own view: everything they told the platform, and the name others see. */
    public record OwnProfile(String participantId, String displayName, String publicName, boolean namedPublicly, List<String> roles,
                             String neighbourhood, String offers, Boolean livesLocally, Boolean usesServices, boolean contactable,
                             String contactEmail) {
    }

    public record EndorsementForm(String reason) {
    }

    public record PledgeForm(AssetKind kind, String description, Integer hoursPerMonth) {
    }

    public record WorkshopForm(String title, Instant startsAt, String place, Boolean online) {

        boolean isOnline() {
            return Boolean.TRUE.equals(online);
        }
    }

    public record AttendanceForm(String participantId) {
    }

    public record ContributionForm(String idea) {
    }

    public record Created(String id) {
    }

    private ParticipationRequests() {
    }
}
