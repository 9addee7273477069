package org.roundtable.events;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventCatalogTest {

    @Published(source = Source.PROPOSALS, version = 1)
    record SampleDrafted(String sampleId) implements IntegrationEvent {
    }

    @Published(source = Source.PROPOSALS, version = 1, name = "SampleDrafted")
    record SampleDraftedAgain(String sampleId) implements IntegrationEvent {
    }

    @Published(source = Source.PROPOSALS, version = 2, name = "SampleDrafted")
    record SampleDraftedV2(String sampleId, String title) implements IntegrationEvent {
    }

    record SampleUnpublished(String sampleId) implements IntegrationEvent {
    }

    @Published(source = Source.OUTCOMES, version = 1)
    static final class SampleNotARecord implements IntegrationEvent {
    }

    @Test
    void mapsEachRecordToItsTypeAndBack() {
        EventCatalog catalog = EventCatalog.of(SampleDrafted.class, SampleDraftedV2.class);

        assertThat(catalog.typeOf(SampleDrafted.class).value()).isEqualTo("org.roundtable.proposals.SampleDrafted.v1");
        assertThat(catalog.typeOf(SampleDraftedV2.class).value()).isEqualTo("org.roundtable.proposals.SampleDrafted.v2");
        assertThat(catalog.classOf("org.roundtable.proposals.SampleDrafted.v2")).contains(SampleDraftedV2.class);
        assertThat(catalog.classOf("org.roundtable.proposals.SampleDrafted.v3")).isEmpty();
    }

    @Test
    void refusesTwoRecordsClaimingOneType() {
        assertThatThrownBy(() -> EventCatalog.of(SampleDrafted.class, SampleDraftedAgain.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("org.roundtable.proposals.SampleDrafted.v1")
                .hasMessageContaining("SampleDraftedAgain");
    }

    @Test
    void refusesRecordsWithoutATypeAndClassesThatAreNotRecords() {
        assertThatThrownBy(() -> EventCatalog.of(SampleUnpublished.class))
                .hasMessageContaining("not annotated with @Published");
        assertThatThrownBy(() -> EventCatalog.of(SampleNotARecord.class))
                .hasMessageContaining("must be a record");
    }

    @Test
    void refusesToNameTheTypeOfAnUncataloguedRecord() {
        EventCatalog catalog = EventCatalog.of(SampleDrafted.class);

        assertThatThrownBy(() -> catalog.typeOf(SampleDraftedV2.class)).hasMessageContaining("not in the event catalog");
    }

    @Test
    void parsesAndFormatsTypes() {
        EventType type = EventType.parse("org.roundtable.commissioning.DecisionReached.v3");

        assertThat(type).isEqualTo(new EventType(Source.COMMISSIONING, "DecisionReached", 3));
        assertThat(type.value()).isEqualTo("org.roundtable.commissioning.DecisionReached.v3");
        assertThatThrownBy(() -> EventType.parse("org.roundtable.elsewhere.Thing.v1")).hasMessageContaining("elsewhere");
        assertThatThrownBy(() -> EventType.parse("org.roundtable.proposals.Thing.v0")).hasMessageContaining("not a Roundtable event type");
        assertThatThrownBy(() -> EventType.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void topicsFollowTheirService() {
        assertThat(Source.PROPOSALS.topic()).isEqualTo("roundtable.proposals");
        assertThat(Source.PARTICIPATION.deadLetterTopic()).isEqualTo("roundtable.participation.dlt");
        assertThat(Source.COMMISSIONING.uri()).isEqualTo("/roundtable/commissioning");
        assertThat(Source.ofUri("/roundtable/outcomes")).isEqualTo(Source.OUTCOMES);
    }
}
