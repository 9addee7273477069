package org.roundtable.audit.it;

import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.roundtable.audit.history.LibraryGarden;
import org.roundtable.events.Actor;
import org.roundtable.events.EventEnvelope;
import org.roundtable.events.IntegrationEvent;
import org.roundtable.events.KafkaEnvelopeCodec;
import org.roundtable.events.Role;
import org.roundtable.events.Source;
import org.roundtable.events.commissioning.Allocation;
import org.roundtable.events.commissioning.DecisionCaseOpened;
import org.roundtable.events.commissioning.DecisionOutcome;
import org.roundtable.events.commissioning.DecisionReached;
import org.roundtable.events.commissioning.FundCreated;
import org.roundtable.events.commissioning.FundsAllocated;
import org.roundtable.events.commissioning.InterestDeclared;
import org.roundtable.events.commissioning.PanelAssembled;
import org.roundtable.events.commissioning.PanelMember;
import org.roundtable.events.commissioning.RollEntry;
import org.roundtable.events.commissioning.Vote;
import org.roundtable.events.commissioning.VoteCast;
import org.roundtable.events.outcomes.AssetsMobilised;
import org.roundtable.events.outcomes.Direction;
import org.roundtable.events.outcomes.DraftIndicator;
import org.roundtable.events.outcomes.IndicatorDefined;
import org.roundtable.events.outcomes.IndicatorReading;
import org.roundtable.events.outcomes.InitiativeReviewed;
import org.roundtable.events.outcomes.InitiativeStarted;
import org.roundtable.events.outcomes.ProgressReported;
import org.roundtable.events.outcomes.ProviderAssigned;
import org.roundtable.events.outcomes.ReviewStatus;
import org.roundtable.events.participation.AssetPledged;
import org.roundtable.events.participation.ContributionRecorded;
import org.roundtable.events.participation.EndorsementGiven;
import org.roundtable.events.participation.EndorsementWithdrawn;
import org.roundtable.events.participation.EndorsementsOpened;
import org.roundtable.events.proposals.AssetKind;
import org.roundtable.events.proposals.CoDesigner;
import org.roundtable.events.proposals.CoDesignerInvited;
import org.roundtable.events.proposals.CoDesignerJoined;
import org.roundtable.events.proposals.ProposalAmended;
import org.roundtable.events.proposals.ProposalCommissioned;
import org.roundtable.events.proposals.ProposalContent;
import org.roundtable.events.proposals.ProposalDrafted;
import org.roundtable.events.proposals.ProposalSubmitted;
import org.roundtable.events.proposals.ProposalUnderDecision;
import org.roundtable.testsupport.Eventually;
import org.roundtable.testsupport.Topics;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roundtable.audit.history.LibraryGarden.gbp;

/**
 * A proposal's whole life as the four services publish it, with fresh ids, fresh people and a service area of its
 * own so that views of a shared ledger can be asserted exactly: co-designed, endorsed (one endorsement withdrawn),
 * pledged to, decided with a recusal and a changed vote, funded, delivered and reviewed, plus one event of a type
 * this version does not know. {@link #records} are in publishing order, which is deliberately not the order things
 * happened: outcomes first, proposals last.
 */
record GardenJourney(String proposalId, String caseId, String fundId, String initiativeId, String serviceArea, Instant start,
                     Map<String, String> people, List<EventEnvelope> events, String unknownEventId, List<EventEnvelope> profiles) {

    static final String UNKNOWN_TYPE = "org.roundtable.outcomes.InitiativeCelebrated.v2";

    /** The journey's people by their part: a fresh pseudonymous id each. */
    String id(String part) {
        return people.get(part);
    }

    Instant at(int minutes) {
        return start.plus(minutes, ChronoUnit.MINUTES);
    }

    static GardenJourney startingAt(Instant start) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> people = new HashMap<>();
        for (String part : List.of("amara", "chen", "bill", "gus", "dana", "eli", "ivy", "greenshoots")) {
            people.put(part, part + "-" + suffix);
        }
        String proposal = UUID.randomUUID().toString();
        String decisionCase = UUID.randomUUID().toString();
        String fund = UUID.randomUUID().toString();
        String initiative = UUID.randomUUID().toString();
        String area = "libraries-" + suffix;
        ProposalContent first = LibraryGarden.content("Library garden", area);
        ProposalContent second = LibraryGarden.content("Library garden and reading corner", area);
        Builder journey = new Builder(start);
        Actor amara = Actor.of(people.get("amara"), Role.CITIZEN);
        Actor chen = new Actor(people.get("chen"), Role.STAFF, "Chen Li");
        Actor bill = Actor.of(people.get("bill"), Role.CITIZEN);
        Actor gus = Actor.of(people.get("gus"), Role.CITIZEN);
        Actor dana = new Actor(people.get("dana"), Role.COMMISSIONER, "Dana Reeves");
        Actor eli = new Actor(people.get("eli"), Role.COMMISSIONER, "Eli Morgan");
        Actor ivy = Actor.of(people.get("ivy"), Role.CITIZEN);
        Actor greenshoots = new Actor(people.get("greenshoots"), Role.PROVIDER, "Green Shoots CIC");
        journey.at(-1440, dana, new FundCreated(fund, "Libraries", area, LocalDate.ofInstant(start, ZoneOffset.UTC).minusDays(30),
                        LocalDate.ofInstant(start, ZoneOffset.UTC).plusDays(300), gbp("10000.00"), List.of(dana.subjectId(), eli.subjectId())))
                .at(0, amara, new ProposalDrafted(proposal, amara.subjectId(), Role.CITIZEN, first))
                .at(1, amara, new CoDesignerInvited(proposal, chen.subjectId()))
                .at(2, chen, new CoDesignerJoined(proposal, new CoDesigner(chen.subjectId(), Role.STAFF, "runs the library's volunteers")))
                .at(3, chen, new ProposalAmended(proposal, 2, second, "added a reading corner for teenagers"))
                .at(4, chen, new ProposalSubmitted(proposal, 2, second, List.of(new CoDesigner(amara.subjectId(), Role.CITIZEN, null),
                        new CoDesigner(chen.subjectId(), Role.STAFF, "runs the library's volunteers"))))
                .at(5, Actor.system("participation"), new EndorsementsOpened(proposal, second.title(), area))
                .at(6, Actor.system("commissioning"), new DecisionCaseOpened(decisionCase, proposal, second.title(), area, gbp("1200.00")))
                .at(7, Actor.system("proposals"), new ProposalUnderDecision(proposal, decisionCase))
                .at(8, bill, new EndorsementGiven(proposal, bill.subjectId(), "Bill Turner", "my children would use it"))
                .at(9, gus, new EndorsementGiven(proposal, gus.subjectId(), "Quiet Heron", "a place to meet neighbours"))
                .at(10, bill, new EndorsementWithdrawn(proposal, bill.subjectId()))
                .at(11, bill, new AssetPledged(proposal, "pledge-" + suffix, bill.subjectId(), "Bill Turner", AssetKind.TIME, "weeding", 4))
                .at(12, gus, new ContributionRecorded(proposal, "workshop-" + suffix, "idea-" + suffix, gus.subjectId(), "Quiet Heron",
                        "raised beds for wheelchair users, too"))
                .at(20, dana, new PanelAssembled(decisionCase, List.of(new PanelMember(dana.subjectId(), Role.COMMISSIONER),
                        new PanelMember(eli.subjectId(), Role.COMMISSIONER), new PanelMember(ivy.subjectId(), Role.CITIZEN)),
                        dana.subjectId(), start.plus(7, ChronoUnit.DAYS), fund, gbp("1200.00"), proposal, area))
                .at(21, dana, new InterestDeclared(decisionCase, dana.subjectId(), false, null, false, proposal))
                .at(22, eli, new InterestDeclared(decisionCase, eli.subjectId(), true, "my sister runs the library café", true, proposal))
                .at(23, ivy, new InterestDeclared(decisionCase, ivy.subjectId(), false, null, false, proposal))
                .at(30, dana, new VoteCast(decisionCase, dana.subjectId(), Vote.APPROVE, "builds on the garden we have", null, proposal))
                .at(40, ivy, new VoteCast(decisionCase, ivy.subjectId(), Vote.REJECT, "nothing in it for teenagers", null, proposal))
                .at(50, ivy, new VoteCast(decisionCase, ivy.subjectId(), Vote.APPROVE, "the reading corner answers it", Vote.REJECT, proposal))
                .at(60, dana, new DecisionReached(decisionCase, proposal, DecisionOutcome.APPROVED, List.of(
                        new RollEntry(dana.subjectId(), Role.COMMISSIONER, Vote.APPROVE, "builds on the garden we have", false, null),
                        new RollEntry(eli.subjectId(), Role.COMMISSIONER, null, null, true, "my sister runs the library café"),
                        new RollEntry(ivy.subjectId(), Role.CITIZEN, Vote.APPROVE, "the reading corner answers it", false, null)),
                        new Allocation(fund, gbp("1200.00")), "closed by the chair", area))
                .at(61, dana, new FundsAllocated(fund, decisionCase, proposal, gbp("1200.00"), gbp("8800.00"), area))
                .at(62, Actor.system("proposals"), new ProposalCommissioned(proposal, decisionCase, gbp("1200.00")))
                .at(70, Actor.system("outcomes"), new InitiativeStarted(initiative, proposal, decisionCase, second.title(), area,
                        gbp("1200.00"), List.of(new DraftIndicator("connection", "More connection between neighbours"))))
                .at(71, dana, new ProviderAssigned(initiative, greenshoots.subjectId(), "Green Shoots CIC"))
                .at(72, dana, new IndicatorDefined(initiative, "connection", "More connection between neighbours", "neighbours",
                        new BigDecimal("10"), new BigDecimal("40"), Direction.HIGHER_IS_BETTER))
                .at(80, greenshoots, new ProgressReported(initiative, "report-" + suffix,
                        List.of(new IndicatorReading("connection", new BigDecimal("18"))), "twelve new plots in use",
                        LocalDate.ofInstant(start, ZoneOffset.UTC), LocalDate.ofInstant(start, ZoneOffset.UTC), false))
                .at(90, greenshoots, new AssetsMobilised(initiative, "mobilised-" + suffix, "pledge-" + suffix, bill.subjectId(),
                        "Bill Turner", AssetKind.TIME, "weeding", new BigDecimal("3.5"), LocalDate.ofInstant(start, ZoneOffset.UTC)))
                .at(100, dana, new InitiativeReviewed(initiative, ReviewStatus.ON_TRACK, "plots in use, neighbours meeting", null));
        Builder profiles = new Builder(start);
        profiles.at(-2000, amara, LibraryGarden.profile(amara.subjectId(), "Amara Okafor", true))
                .at(-2000, bill, LibraryGarden.profile(bill.subjectId(), "Bill Turner", true))
                .at(-2000, gus, LibraryGarden.profile(gus.subjectId(), "Quiet Heron", false))
                .at(-2000, ivy, LibraryGarden.profile(ivy.subjectId(), "Neighbour K7PQ2M", false));
        return new GardenJourney(proposal, decisionCase, fund, initiative, area, start, Map.copyOf(people),
                journey.inPublishingOrder(), UUID.randomUUID().toString(), profiles.inPublishingOrder());
    }

    /** The records to publish: every event in publishing order, then the one of an unknown type, at minute 110. */
    List<ProducerRecord<String, byte[]>> records(KafkaEnvelopeCodec codec) {
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(events.stream().map(codec::encode).toList());
        records.add(KafkaMessageFactory.<String>createWriter(Source.OUTCOMES.topic(), initiativeId).writeBinary(CloudEventBuilder.v1()
                .withId(unknownEventId).withSource(URI.create(Source.OUTCOMES.uri())).withType(UNKNOWN_TYPE).withSubject(initiativeId)
                .withTime(at(110).atOffset(ZoneOffset.UTC)).withDataContentType("application/json")
                .withData(("{\"initiativeId\":\"" + initiativeId + "\",\"guests\":40}").getBytes(StandardCharsets.UTF_8))
                .withExtension(KafkaEnvelopeCodec.ACTOR_ID, id("dana")).withExtension(KafkaEnvelopeCodec.ACTOR_ROLE, "COMMISSIONER")
                .withExtension(KafkaEnvelopeCodec.CORRELATION_ID, "corr-" + initiativeId).build()));
        return records;
    }

    /**
     * Publishes how the journey's citizens wish to be named, then the journey on the four topics, and waits until the
     * ledger holds every one of those events.
     */
    GardenJourney publish(KafkaEnvelopeCodec codec, JdbcTemplate jdbc) throws Exception {
        Topics.send(profiles.stream().map(codec::encode).toArray(ProducerRecord[]::new));
        Topics.send(records(codec).toArray(ProducerRecord[]::new));
        List<String> all = new ArrayList<>(eventIds());
        profiles.forEach(profile -> all.add(profile.id()));
        String[] ids = all.toArray(String[]::new);
        Eventually.within(AuditIntegrationTest.LEDGER_WAIT, () -> assertThat(jdbc.queryForObject(
                "select count(*) from ledger_entry where event_id = any(?)", Long.class, (Object) ids)).isEqualTo(ids.length));
        return this;
    }

    List<String> eventIds() {
        List<String> ids = new ArrayList<>(events.stream().map(EventEnvelope::id).toList());
        ids.add(unknownEventId);
        return ids;
    }

    /** The events' names in the order they happened. */
    List<String> namesInOrderOfHappening() {
        return events.stream().sorted(Comparator.comparing(EventEnvelope::time)).map(envelope -> envelope.type().name()).toList();
    }

    private static final class Builder {
        private final Instant start;
        private final List<EventEnvelope> events = new ArrayList<>();
        private final Map<String, Long> sequences = new HashMap<>();

        Builder(Instant start) {
            this.start = start;
        }

        Builder at(int minutes, Actor actor, IntegrationEvent event) {
            String subject = subjectOf(event);
            long sequence = sequences.merge(subject, 1L, Long::sum) - 1;
            events.add(AuditIntegrationTest.envelope(subject, actor, event, start.plus(minutes, ChronoUnit.MINUTES), sequence));
            return this;
        }

        List<EventEnvelope> inPublishingOrder() {
            List<Source> order = List.of(Source.OUTCOMES, Source.COMMISSIONING, Source.PARTICIPATION, Source.PROPOSALS);
            return events.stream().sorted(Comparator.comparing(envelope -> order.indexOf(envelope.source()))).toList();
        }

        private static String subjectOf(IntegrationEvent event) {
            try {
                return String.valueOf(event.getClass().getRecordComponents()[0].getAccessor().invoke(event));
            } catch (ReflectiveOperationException unreadable) {
                throw new IllegalStateException(unreadable);
            }
        }
    }
}
