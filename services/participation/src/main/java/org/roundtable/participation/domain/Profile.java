package org.roundtable.participation.domain;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.roundtable.events.Actor;
import org.roundtable.events.Role;
import org.roundtable.events.participation.ProfileCorrected;
import org.roundtable.events.participation.ProfileRegistered;
import org.roundtable.kit.domain.InvalidInput;
import org.roundtable.kit.domain.NotPermitted;
import org.roundtable.kit.domain.Require;
import org.roundtable.participation.domain.ParticipationCommands.CorrectProfile;
import org.roundtable.participation.domain.ParticipationCommands.ProfileDetails;
import org.roundtable.participation.domain.ParticipationCommands.RegisterProfile;

import java.util.List;
import java.util.regex.Pattern;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.roundtable.kit.authority.Authorities.actorOf;

/**
 * A participant's public profile. Only its owner registers or corrects it; contact details are never part of it, but
 * are kept by the same command, in its transaction, through {@link PrivateRecords}: the profile and what its owner told
 * privately are stored together or not at all.
 */
@Aggregate
public class Profile {

    /** A neighbourhood is coarse: a district's name, not an address or a full postcode. */
    private static final Pattern PRECISE_LOCATION = Pattern.compile("\\d");

    @AggregateIdentifier
    private String participantId;

    protected Profile() {
    }

    @CommandHandler
    public Profile(RegisterProfile command, MetaData metadata, PrivateRecords privateRecords) {
        requireOwner(command, metadata, command.participantId());
        ProfileDetails details = valid(command.details());
        apply(new ProfileRegistered(command.participantId(), details.publicName(), details.namedPublicly(), details.roles(),
                details.neighbourhood(), details.offers(), details.livesLocally(), details.usesServices(), details.contactable()));
        privateRecords.keep(command.participantId(), Require.present(command.told(), "displayName"));
    }

    @CommandHandler
    public void handle(CorrectProfile command, MetaData metadata, PrivateRecords privateRecords) {
        requireOwner(command, metadata, participantId);
        ProfileDetails details = valid(command.details());
        apply(new ProfileCorrected(participantId, details.publicName(), details.namedPublicly(), details.roles(),
                details.neighbourhood(), details.offers(), details.livesLocally(), details.usesServices(), details.contactable()));
        privateRecords.keep(participantId, Require.present(command.told(), "displayName"));
    }

    private static void requireOwner(Object command, MetaData metadata, String owner) {
        Actor actor = actorOf(command, metadata);
        if (!actor.subjectId().equals(owner)) {
            throw new NotPermitted("people see and correct only their own profile");
        }
    }

    static ProfileDetails valid(ProfileDetails details) {
        Require.present(details, "profile");
        String publicName = Require.text(details.publicName(), "displayName", 80);
        List<Role> roles = Require.present(details.roles(), "roles");
        Require.that(!roles.isEmpty(), "roles", "roles must name citizen, staff or both");
        Require.distinct(roles, "roles");
        for (int i = 0; i < roles.size(); i++) {
            Role role = Require.present(roles.get(i), "roles[" + i + "]");
            Require.that(role == Role.CITIZEN || role == Role.STAFF, "roles[" + i + "]", "a profile's roles are CITIZEN and STAFF");
        }
        boolean staff = roles.contains(Role.STAFF);
        if (!staff && (details.livesLocally() != null || details.usesServices() != null)) {
            throw new InvalidInput(details.livesLocally() != null ? "livesLocally" : "usesServices",
                    "only staff say whether they live locally and use the services they work in");
        }
        if (staff) {
            Require.present(details.livesLocally(), "livesLocally");
            Require.present(details.usesServices(), "usesServices");
        }
        String neighbourhood = Require.optionalText(details.neighbourhood(), "neighbourhood", 80);
        if (neighbourhood != null && PRECISE_LOCATION.matcher(neighbourhood).find()) {
            throw new InvalidInput("neighbourhood", "neighbourhood is coarse: a district's name, not an address or postcode");
        }
        return new ProfileDetails(publicName, details.namedPublicly(), List.copyOf(roles), neighbourhood,
                Require.optionalText(details.offers(), "offers", 500), details.livesLocally(), details.usesServices(), details.contactable());
    }

    @EventSourcingHandler
    void on(ProfileRegistered event) {
        participantId = event.participantId();
    }
}
