package org.roundtable.kit.it;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.junit.jupiter.api.Test;
import org.roundtable.events.Actor;
import org.roundtable.events.EventCatalog;
import org.roundtable.events.EventEnvelope;
import org.roundtable.events.IntegrationEvent;
import org.roundtable.events.KafkaEnvelopeCodec;
import org.roundtable.events.Role;
import org.roundtable.events.participation.ProfileCorrected;
import org.roundtable.events.participation.ProfileRegistered;
import org.roundtable.kit.names.ProfileConsents;
import org.roundtable.kit.names.Pseudonyms;
import org.roundtable.kit.names.PublicNames;
import org.roundtable.testsupport.Eventually;
import org.roundtable.testsupport.Projections;
import org.roundtable.testsupport.Topics;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The consents a service keeps from participation's profiles are a projection of its inbox's history. */
class ProfileConsentsIT extends KitIntegrationTest {

    static final Duration PATIENCE = Duration.ofSeconds(60);

    @Autowired
    KafkaEnvelopeCodec codec;
    @Autowired
    EventCatalog catalog;
    @Autowired
    PublicNames names;
    @Autowired
    Pseudonyms pseudonyms;
    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void aResetOfTheirProcessorForgetsTheConsentsAndRebuildsThemTheSameFromTheInboxsHistory() throws Exception {
        String run = UUID.randomUUID().toString();
        String named = "ada-" + run;
        String withdrew = "ben-" + run;
        String neverNamed = "cy-" + run;
        String consentedLater = "di-" + run;
        Topics.send(heard(new ProfileRegistered(named, "Ada Byron", true, List.of(Role.CITIZEN), "Northfield", null, null, null, false)),
                heard(new ProfileRegistered(withdrew, "Ben Okri", true, List.of(Role.CITIZEN), "Eastfield", null, null, null, false)),
                heard(new ProfileRegistered(neverNamed, "Cy Twombly", false, List.of(Role.CITIZEN), "Eastfield", null, null, null, false)),
                heard(new ProfileRegistered(consentedLater, "Di", false, List.of(Role.CITIZEN), "Southfield", null, null, null, false)));
        Topics.send(heard(new ProfileCorrected(withdrew, "Ben Okri", false, List.of(Role.CITIZEN), "Eastfield", null, null, null, false)),
                heard(new ProfileCorrected(consentedLater, "Diana Rigg", true, List.of(Role.CITIZEN), "Southfield", null, null, null, false)));
        List<String> people = List.of(named, withdrew, neverNamed, consentedLater);
        Map<String, PublicNames.Shown> asConsented = Map.of(
                named, new PublicNames.Shown(named, "Ada Byron"),
                withdrew, pseudonymOf(withdrew),
                neverNamed, pseudonymOf(neverNamed),
                consentedLater, new PublicNames.Shown(consentedLater, "Diana Rigg"));
        Eventually.within(PATIENCE, () -> assertThat(shown(people)).isEqualTo(asConsented));
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where payload_type like ? "
                        + "and convert_from(meta_data, 'UTF8') like ? and convert_from(meta_data, 'UTF8') like ?",
                Long.class, "%.participation.Profile%", "%\"heardFrom\":\"participation\"%", "%" + run + "%"))
                .as("kept in the service's own event store, as heard from participation").isEqualTo(6);
        List<Map<String, Object>> kept = consents(run);
        assertThat(kept).hasSize(4);

        TrackingEventProcessor consents = Projections.resetToStart(processing, ProfileConsents.PROCESSING_GROUP);
        assertThat(jdbc.queryForObject("select count(*) from roundtable_profile_consents", Long.class)).as("forgotten by the reset").isZero();
        assertThat(names.citizen(named)).as("no consent kept, so a pseudonym").isEqualTo(pseudonymOf(named));
        consents.start();

        Eventually.within(PATIENCE, () -> assertThat(consents(run)).as("rebuilt from the inbox's history").isEqualTo(kept));
        assertThat(shown(people)).isEqualTo(asConsented);
    }

    private ProducerRecord<String, byte[]> heard(IntegrationEvent profile) {
        String participantId = profile instanceof ProfileRegistered registered ? registered.participantId()
                : ((ProfileCorrected) profile).participantId();
        return codec.encode(new EventEnvelope(UUID.randomUUID().toString(), catalog.typeOf(profile.getClass()), participantId,
                Instant.now(), Actor.of(participantId, Role.CITIZEN), "corr-" + participantId, null, 0L, profile));
    }

    private PublicNames.Shown pseudonymOf(String participantId) {
        return new PublicNames.Shown(pseudonyms.idOf(participantId), pseudonyms.of(participantId));
    }

    private Map<String, PublicNames.Shown> shown(List<String> people) {
        Map<String, PublicNames.Shown> shown = new LinkedHashMap<>();
        people.forEach(person -> shown.put(person, names.citizen(person)));
        return shown;
    }

    private List<Map<String, Object>> consents(String run) {
        return jdbc.queryForList("select participant_id, public_name, named_publicly from roundtable_profile_consents "
                + "where participant_id like ? order by participant_id", "%-" + run);
    }
}
