package org.roundtable.audit.history;

import org.junit.jupiter.api.Test;
import org.roundtable.events.EventCatalog;
import org.roundtable.events.IntegrationEvent;
import org.roundtable.events.Published;
import org.roundtable.events.RoundtableEvents;
import org.roundtable.events.Source;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventRegistryTest {

    @Published(source = Source.PROPOSALS, version = 1)
    record SampleDrafted(String title) implements IntegrationEvent {
    }

    @Published(source = Source.PROPOSALS, version = 1)
    record SampleWithdrawn(String reason) implements IntegrationEvent {
    }

    @Published(source = Source.OUTCOMES, version = 1)
    record SampleReviewed(String status) implements IntegrationEvent {
    }

    private static final EventCatalog CATALOG = EventCatalog.of(SampleDrafted.class, SampleWithdrawn.class);

    @Test
    void answersEachEventWithTheHandlerDeclaredForItsTypeAndIgnoredTypesWithNothing() {
        EventRegistry<String, String> registry = EventRegistry.<String, String>of("a view")
                .answers(SampleDrafted.class, (prefix, drafted) -> prefix + drafted.title())
                .ignores("a withdrawal changes nothing here", SampleWithdrawn.class)
                .against(CATALOG);

        assertThat(registry.dispatch("drafted: ", new SampleDrafted("Library garden"))).isEqualTo("drafted: Library garden");
        assertThat(registry.dispatch("drafted: ", new SampleWithdrawn("moved away"))).isNull();
        assertThat(registry.handles(CATALOG.typeOf(SampleDrafted.class))).isTrue();
        assertThat(registry.whyIgnored(CATALOG.typeOf(SampleWithdrawn.class))).isEqualTo("a withdrawal changes nothing here");
        assertThat(registry.handledTypes()).containsExactly(CATALOG.typeOf(SampleDrafted.class));
    }

    @Test
    void appliesEffectsAndReadsEventsAlone() {
        List<String> seen = new ArrayList<>();
        EventRegistry<List<String>, Void> effects = EventRegistry.<List<String>, Void>of("a fold")
                .applies(SampleDrafted.class, (list, drafted) -> list.add(drafted.title()))
                .applies(SampleWithdrawn.class, (list, withdrawn) -> list.add(withdrawn.reason()))
                .against(CATALOG);
        effects.dispatch(seen, new SampleDrafted("a"));
        effects.dispatch(seen, new SampleWithdrawn("b"));
        assertThat(seen).containsExactly("a", "b");

        EventRegistry<Void, String> reads = EventRegistry.<Void, String>of("reasons")
                .reads(SampleWithdrawn.class, SampleWithdrawn::reason)
                .ignores("a draft gives no reason", SampleDrafted.class)
                .against(CATALOG);
        assertThat(reads.dispatch(null, new SampleWithdrawn("moved away"))).isEqualTo("moved away");
    }

    @Test
    void refusesARegistryThatLeavesATypeOfItsCatalogUndeclared() {
        assertThatThrownBy(() -> EventRegistry.<Void, String>of("a forgetful view")
                .reads(SampleDrafted.class, SampleDrafted::title)
                .against(CATALOG))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("a forgetful view")
                .hasMessageContaining("org.roundtable.proposals.SampleWithdrawn.v1 is neither handled nor ignored");
    }

    @Test
    void refusesATypeDeclaredTwiceOrOutsideTheCatalog() {
        assertThatThrownBy(() -> EventRegistry.<Void, String>of("a view")
                .reads(SampleDrafted.class, SampleDrafted::title)
                .ignores("said twice", SampleDrafted.class, SampleWithdrawn.class)
                .against(CATALOG))
                .hasMessageContaining(SampleDrafted.class.getName() + " is declared twice");
        assertThatThrownBy(() -> EventRegistry.<Void, String>of("a view")
                .reads(SampleDrafted.class, SampleDrafted::title)
                .ignores("not ours", SampleWithdrawn.class, SampleReviewed.class)
                .against(CATALOG))
                .hasMessageContaining(SampleReviewed.class.getName() + " is not in the catalog");
    }

    @Test
    void refusesToIgnoreATypeWithoutAReason() {
        assertThatThrownBy(() -> EventRegistry.<Void, String>of("a view").ignores(" ", SampleWithdrawn.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("without saying why");
    }

    @Test
    void refusesToDispatchAnEventOutsideItsCatalogRatherThanFallingBack() {
        EventRegistry<Void, String> registry = EventRegistry.<Void, String>of("a view")
                .reads(SampleDrafted.class, SampleDrafted::title)
                .ignores("nothing to say", SampleWithdrawn.class)
                .against(CATALOG);

        assertThatThrownBy(() -> registry.dispatch(null, new SampleReviewed("ACHIEVED")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(SampleReviewed.class.getName());
    }

    @Test
    void namesTheTypesOfAnotherCatalogThatAViewBuiltForASmallerOneLeavesUndeclared() {
        EventRegistry<Void, String> registry = EventRegistry.<Void, String>of("a view of two events")
                .reads(SampleDrafted.class, SampleDrafted::title)
                .ignores("nothing to say", SampleWithdrawn.class)
                .against(CATALOG);

        assertThat(registry.undeclaredIn(CATALOG)).isEmpty();
        assertThat(registry.undeclaredIn(EventCatalog.of(SampleDrafted.class, SampleWithdrawn.class, SampleReviewed.class)))
                .containsExactly(EventCatalog.of(SampleReviewed.class).typeOf(SampleReviewed.class));
        assertThat(registry.undeclaredIn(RoundtableEvents.CATALOG)).hasSize(RoundtableEvents.CATALOG.types().size());
    }
}
