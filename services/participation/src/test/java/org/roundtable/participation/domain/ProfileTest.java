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
import org.roundtable.participation.domain.ParticipationCommands.ToldPrivately;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ProfileTest {

    static final MetaData ADA = MetaData.from(ActorMetadata.of(Actor.of("ada", Role.CITIZEN), "corr", null));
    static final MetaData BEN = MetaData.from(ActorMetadata.of(Actor.of("ben", Role.CITIZEN), "corr", null));
    static final ProfileDetails CITIZEN = new ProfileDetails("Neighbour K7QX2M", false, List.of(Role.CITIZEN), "Northfield",
            "gardening", null, null, true);

    static final ToldPrivately ADA_PRIVATELY = new ToldPrivately("Ada Lovelace", "ada@example.org");

    AggregateTestFixture<Profile> fixture;
    final Map<String, ToldPrivately> keptPrivately = new HashMap<>();

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(Profile.class);
        fixture.registerInjectableResource((PrivateRecords) keptPrivately::put);
    }

    @Test
    void aPersonRegistersTheirOwnProfile() {
        fixture.givenNoPriorActivity().when(new RegisterProfile("ada", CITIZEN, ADA_PRIVATELY), ADA)
                .expectEvents(new ProfileRegistered("ada", "Neighbour K7QX2M", false, List.of(Role.CITIZEN), "Northfield", "gardening",
                        null, null, true));
        assertThat(keptPrivately).containsExactly(Map.entry("ada", ADA_PRIVATELY));
    }

    @Test
    void nobodyRegistersSomeoneElsesProfile() {
        fixture.givenNoPriorActivity().when(new RegisterProfile("ada", CITIZEN, ADA_PRIVATELY), BEN)
                .expectNoEvents().expectException(NotPermitted.class).expectExceptionMessage("people see and correct only their own profile");
        assertThat(keptPrivately).as("a refused command keeps nothing privately either").isEmpty();
    }

    @Test
    void nobodyCorrectsSomeoneElsesProfile() {
        fixture.given(registered()).when(new CorrectProfile("ada", CITIZEN, ADA_PRIVATELY), BEN)
                .expectNoEvents().expectException(NotPermitted.class).expectExceptionMessage("people see and correct only their own profile");
        assertThat(keptPrivately).as("a refused command keeps nothing privately either").isEmpty();
    }

    @Test
    void theOwnerCorrectsTheirProfile() {
        ProfileDetails named = new ProfileDetails("Ada Lovelace", true, List.of(Role.CITIZEN), "Northfield", "gardening", null, null, false);
        fixture.given(registered()).when(new CorrectProfile("ada", named, new ToldPrivately("Ada Lovelace", null)), ADA)
                .expectEvents(new ProfileCorrected("ada", "Ada Lovelace", true, List.of(Role.CITIZEN), "Northfield", "gardening", null, null, false));
        assertThat(keptPrivately).containsExactly(Map.entry("ada", new ToldPrivately("Ada Lovelace", null)));
    }

    @Test
    void staffSayWhetherTheyLiveLocally() {
        refused(new ProfileDetails("Ada", true, List.of(Role.STAFF), null, null, null, false, false), "livesLocally is required");
    }

    @Test
    void citizensDoNotSayWhetherTheyLiveLocallyOrUseTheServices() {
        refused(new ProfileDetails("Ada", true, List.of(Role.CITIZEN), null, null, true, null, false),
                "only staff say whether they live locally and use the services they work in");
    }

    @Test
    void aProfileHoldsOnlyCitizenAndStaffRoles() {
        refused(new ProfileDetails("Ada", true, List.of(Role.COMMISSIONER), null, null, null, null, false), "a profile's roles are CITIZEN and STAFF");
    }

    @Test
    void aProfileHoldsARole() {
        refused(new ProfileDetails("Ada", true, List.of(), null, null, null, null, false), "roles must name citizen, staff or both");
    }

    @Test
    void theNeighbourhoodIsCoarse() {
        refused(new ProfileDetails("Ada", true, List.of(Role.CITIZEN), "12 Elm Street", null, null, null, false),
                "neighbourhood is coarse: a district's name, not an address or postcode");
    }

    private void refused(ProfileDetails details, String message) {
        fixture.givenNoPriorActivity().when(new RegisterProfile("ada", details, ADA_PRIVATELY), ADA)
                .expectNoEvents().expectException(InvalidInput.class).expectExceptionMessage(message);
    }

    private static GenericEventMessage<ProfileRegistered> registered() {
        return new GenericEventMessage<>(new ProfileRegistered("ada", "Neighbour K7QX2M", false, List.of(Role.CITIZEN), "Northfield",
                "gardening", null, null, true), ADA);
    }
}
