package org.roundtable.kit.sample;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roundtable.events.Actor;
import org.roundtable.events.Role;
import org.roundtable.kit.actor.ActorMetadata;
import org.roundtable.kit.domain.InvalidInput;
import org.roundtable.kit.domain.NotPermitted;
import org.roundtable.kit.sample.SampleCommands.CreateSample;
import org.roundtable.kit.sample.SampleCommands.RenameSample;
import org.roundtable.kit.sample.SampleEvents.SampleCreated;
import org.roundtable.kit.sample.SampleEvents.SampleRenamed;

/** The fixture style every service's aggregate tests follow: given events, when a command by an actor, then. */
class SampleTest {

    private static final MetaData OWNER = MetaData.from(ActorMetadata.of(Actor.of("citizen-1", Role.CITIZEN), "corr", null));
    private static final MetaData STRANGER = MetaData.from(ActorMetadata.of(Actor.of("citizen-2", Role.CITIZEN), "corr", null));

    private AggregateTestFixture<Sample> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(Sample.class);
    }

    @Test
    void createsWithATrimmedTitle() {
        fixture.givenNoPriorActivity()
                .when(new CreateSample("s-1", "  Library garden "), OWNER)
                .expectEvents(new SampleCreated("s-1", "Library garden", "citizen-1"));
    }

    @Test
    void refusesABlankTitleNamingTheField() {
        fixture.givenNoPriorActivity()
                .when(new CreateSample("s-1", " "), OWNER)
                .expectNoEvents()
                .expectException(InvalidInput.class)
                .expectExceptionMessage("title must not be blank");
    }

    @Test
    void onlyTheCreatorRenames() {
        fixture.given(created())
                .when(new RenameSample("s-1", "Reading garden"), STRANGER)
                .expectNoEvents()
                .expectException(NotPermitted.class)
                .expectExceptionMessage("only the creator renames a sample");
        fixture.given(created())
                .when(new RenameSample("s-1", "Reading garden"), OWNER)
                .expectEvents(new SampleRenamed("s-1", "Reading garden"));
    }

    @Test
    void onlyTheRolesTheCommandDeclaresCreate() {
        fixture.givenNoPriorActivity()
                .when(new CreateSample("s-1", "Library garden"), MetaData.from(ActorMetadata.of(Actor.of("auditor-1", Role.AUDITOR), "corr", null)))
                .expectNoEvents()
                .expectException(NotPermitted.class)
                .expectExceptionMessage("this is open to [CITIZEN, STAFF], not to AUDITOR");
    }

    private static GenericEventMessage<SampleCreated> created() {
        return new GenericEventMessage<>(new SampleCreated("s-1", "Library garden", "citizen-1"), OWNER);
    }
}
