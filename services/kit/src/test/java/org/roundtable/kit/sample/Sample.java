package org.roundtable.kit.sample;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.roundtable.events.Actor;
import org.roundtable.kit.actor.ActorMetadata;
import org.roundtable.kit.domain.NotPermitted;
import org.roundtable.kit.domain.Require;
import org.roundtable.kit.sample.SampleCommands.CreateSample;
import org.roundtable.kit.sample.SampleCommands.MarkSample;
import org.roundtable.kit.sample.SampleCommands.RenameSample;
import org.roundtable.kit.sample.SampleEvents.SampleCreated;
import org.roundtable.kit.sample.SampleEvents.SampleMarked;
import org.roundtable.kit.sample.SampleEvents.SampleRenamed;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A test-only aggregate: created by someone, renamed only by its creator, marked when a decision arrives. */
@Aggregate
public class Sample {

    @AggregateIdentifier
    private String sampleId;
    private String creatorId;

    protected Sample() {
    }

    @CommandHandler
    public Sample(CreateSample command, MetaData metadata) {
        String title = Require.text(command.title(), "title", 100);
        apply(new SampleCreated(command.sampleId(), title, actor(metadata).subjectId()));
    }

    @CommandHandler
    public void handle(RenameSample command, MetaData metadata) {
        String title = Require.text(command.title(), "title", 100);
        if (!actor(metadata).subjectId().equals(creatorId)) {
            throw new NotPermitted("only the creator renames a sample");
        }
        apply(new SampleRenamed(sampleId, title));
    }

    @CommandHandler
    public void handle(MarkSample command) {
        apply(new SampleMarked(sampleId, command.decisionId()));
    }

    @EventSourcingHandler
    void on(SampleCreated event) {
        sampleId = event.sampleId();
        creatorId = event.creatorId();
    }

    private static Actor actor(MetaData metadata) {
        return ActorMetadata.actorOf(metadata).orElseThrow(() -> new NotPermitted("an actor is required"));
    }
}
