package org.roundtable.participation.domain;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roundtable.events.Actor;
import org.roundtable.events.Role;
import org.roundtable.events.participation.ProfileCorrected;
import org.roundtable.events.participation.ProfileRegistered;
import org.roundtable.kit.actor.ActorMetadata;
import org.roundtable.kit.domain.InvalidInput;
import org.roundtable.kit.domain.NotPermitted;
import org.roundtable.participation.domain.ParticipationCommands.CorrectProfile;
import org.roundtable.participation.domain.ParticipationCommands.ProfileDetails;
import org.roundtable.participation.domain.ParticipationCommands.RegisterProfile;

import java.util.List;

class ProfileTest {

    static final MetaData ADA = MetaData.from(ActorMetadata.of(Actor.of("ada", Role.CITIZEN), "corr", null));
    static final MetaData BEN = MetaData.from(ActorMetadata.of(Actor.of("ben", Role.CITIZEN), "corr", null));
    static final ProfileDetails CITIZEN = new ProfileDetails("Neighbour K7QX2M", false, List.of(Role.CITIZEN), "Northfield",
            "gardening", null, null, true);

    AggregateTestFixture<Profile> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(Profile.class);
    }

    @Test
    void aPersonRegistersTheirOwnProfile() {
        fixture.givenNoPriorActivity().when(new RegisterProfile("ada", CITIZEN), ADA)
                .expectEvents(new ProfileRegistered("ada", "Neighbour K7QX2M", false, List.of(Role.CITIZEN), "Northfield", "gardening",
                        null, null, true));
    }

    @Test
    void nobodyRegistersOrCorrectsSomeoneElsesProfile() {
        fixture.givenNoPriorActivity().when(new RegisterProfile("ada", CITIZEN), BEN).expectNoEvents().expectException(NotPermitted.class);
        fixture.given(registered()).when(new CorrectProfile("ada", CITIZEN), BEN).expectNoEvents().expectException(NotPermitted.class);
    }

    @Test
    void theOwnerCorrectsTheirProfile() {
        ProfileDetails named = new ProfileDetails("Ada Lovelace", true, List.of(Role.CITIZEN), "Northfield", "gardening", null, null, false);
        fixture.given(registered()).when(new CorrectProfile("ada", named), ADA)
                .expectEvents(new ProfileCorrected("ada", "Ada Lovelace", true, List.of(Role.CITIZEN), "Northfield", "gardening", null, null, false));
    }

    @Test
    void staffSayWhetherTheyLiveLocallyAndUseTheServicesAndCitizensDoNot() {
        refused(new ProfileDetails("Ada", true, List.of(Role.STAFF), null, null, null, false, false), "livesLocally is required");
        refused(new ProfileDetails("Ada", true, List.of(Role.CITIZEN), null, null, true, null, false),
                "only staff say whether they live locally and use the services they work in");
    }

    @Test
    void aProfileHoldsOnlyCitizenAndStaffRoles() {
        refused(new ProfileDetails("Ada", true, List.of(Role.COMMISSIONER), null, null, null, null, false), "a profile's roles are CITIZEN and STAFF");
        refused(new ProfileDetails("Ada", true, List.of(), null, null, null, null, false), "roles must name citizen, staff or both");
    }

    @Test
    void theNeighbourhoodIsCoarse() {
        refused(new ProfileDetails("Ada", true, List.of(Role.CITIZEN), "12 Elm Street", null, null, null, false),
                "neighbourhood is coarse: a district's name, not an address or postcode");
    }

    private void refused(ProfileDetails details, String message) {
        fixture.givenNoPriorActivity().when(new RegisterProfile("ada", details), ADA)
                .expectNoEvents().expectException(InvalidInput.class).expectExceptionMessage(message);
    }

    private static GenericEventMessage<ProfileRegistered> registered() {
        return new GenericEventMessage<>(new ProfileRegistered("ada", "Neighbour K7QX2M", false, List.of(Role.CITIZEN), "Northfield",
                "gardening", null, null, true), ADA);
    }
}
