package org.roundtable.participation.it;

import org.roundtable.events.Actor;
import org.roundtable.events.EventEnvelope;
import org.roundtable.events.IntegrationEvent;
import org.roundtable.events.KafkaEnvelopeCodec;
import org.roundtable.events.Role;
import org.roundtable.events.RoundtableEvents;
import org.roundtable.events.proposals.Ask;
import org.roundtable.events.proposals.Asset;
import org.roundtable.events.proposals.AssetKind;
import org.roundtable.events.proposals.CoDesigner;
import org.roundtable.events.proposals.ProposalContent;
import org.roundtable.events.proposals.ProposalDrafted;
import org.roundtable.events.proposals.ProposalSubmitted;
import org.roundtable.participation.ParticipationApplication;
import org.roundtable.testsupport.RealInfrastructure;
import org.roundtable.testsupport.ServiceIntegrationTest;
import org.roundtable.testsupport.TestTokens;
import org.roundtable.testsupport.Topics;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The participation service on a real PostgreSQL and Kafka broker, fed proposals' events as the proposals service sends them. */
@SpringBootTest(classes = ParticipationApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure(database = "participation")
abstract class ParticipationIntegrationTest extends ServiceIntegrationTest {

    static final ProposalContent CONTENT = new ProposalContent("Library garden", "Neighbours grow food together", "libraries",
            List.of(new Asset(AssetKind.PLACE, "The library garden", "Central Library")), new Ask(null, List.of()),
            List.of("More connection between neighbours"));

    @Autowired
    KafkaEnvelopeCodec codec;

    /** A citizen whose token carries a name no answer may repeat. */
    public static String citizen(String subject) {
        return TestTokens.shared().mint(subject, "Token name of " + subject, "CITIZEN");
    }

    /** Publishes a proposal's drafting (and, if asked, its submission) as the proposals service would. */
    EventEnvelope[] proposal(String proposalId, String authorId, boolean submit) {
        EventEnvelope drafted = fromProposals(proposalId, 0, new ProposalDrafted(proposalId, authorId, Role.CITIZEN, CONTENT));
        if (!submit) {
            Topics.send(codec.encode(drafted));
            return new EventEnvelope[]{drafted};
        }
        EventEnvelope submitted = fromProposals(proposalId, 1, new ProposalSubmitted(proposalId, 1, CONTENT,
                List.of(new CoDesigner(authorId, Role.CITIZEN, "author"), new CoDesigner("staff-co", Role.STAFF, "the hall"))));
        Topics.send(codec.encode(drafted), codec.encode(submitted));
        return new EventEnvelope[]{drafted, submitted};
    }

    static EventEnvelope fromProposals(String proposalId, long sequence, IntegrationEvent event) {
        return new EventEnvelope(UUID.randomUUID().toString(), RoundtableEvents.CATALOG.typeOf(event.getClass()), proposalId, Instant.now(),
                Actor.of("author", Role.CITIZEN), "corr-" + proposalId, null, sequence, event);
    }
}
