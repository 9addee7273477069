package org.roundtable.kit.sample;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.roundtable.kit.domain.NotPermitted;
import org.roundtable.kit.domain.Require;
import org.roundtable.kit.sample.SampleCommands.CreateSample;
import org.roundtable.kit.sample.SampleCommands.MarkSample;
import org.roundtable.kit.sample.SampleCommands.RenameSample;
import org.roundtable.kit.sample.SampleEvents.SampleCreated;
import org.roundtable.kit.sample.SampleEvents.SampleMarked;
import org.roundtable.kit.sample.SampleEvents.SampleRenamed;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.roundtable.kit.authority.Authorities.actorOf;

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
        String creator = actorOf(command, metadata).subjectId();
        String title = Require.text(command.title(), "title", 100);
        apply(new SampleCreated(command.sampleId(), title, creator));
    }

    @CommandHandler
    public void handle(RenameSample command, MetaData metadata) {
        String renamer = actorOf(command, metadata).subjectId();
        String title = Require.text(command.title(), "title", 100);
        if (!renamer.equals(creatorId)) {
            throw new NotPermitted("only the creator renames a sample");
        }
        apply(new SampleRenamed(sampleId, title));
    }

    @CommandHandler
    public void handle(MarkSample command, MetaData metadata) {
        actorOf(command, metadata);
        apply(new SampleMarked(sampleId, command.decisionId()));
    }

    @EventSourcingHandler
    void on(SampleCreated event) {
        sampleId = event.sampleId();
        creatorId = event.creatorId();
    }
}
