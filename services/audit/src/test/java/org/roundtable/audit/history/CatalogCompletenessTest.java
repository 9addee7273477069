package org.roundtable.audit.history;

import org.junit.jupiter.api.Test;
import org.roundtable.audit.powermap.PowerMapFold;
import org.roundtable.audit.replay.ProposalReplay;
import org.roundtable.events.EventType;
import org.roundtable.events.RoundtableEvents;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every event type of the catalog is narrated, replayed and counted by the auditor's views, or ignored by each view
 * that makes nothing of it, for a reason it states: a type added to the catalog fails here until every view has said
 * what it does with it.
 */
class CatalogCompletenessTest {

    private static List<EventRegistry<?, ?>> views() {
        List<EventRegistry<?, ?>> views = new ArrayList<>();
        views.add(Narration.descriptions());
        views.add(Narration.reasons());
        views.add(ProposalReplay.registry());
        views.add(PowerMapFold.facts());
        views.add(PowerMapFold.counts());
        views.add(DecisionHistories.registry());
        views.add(DecisionAccounts.registry());
        views.add(Labels.registry());
        views.add(PublicNames.registry());
        return views;
    }

    @Test
    void everyViewHandlesOrIgnoresForAReasonEveryTypeOfTheCatalog() {
        for (EventRegistry<?, ?> view : views()) {
            assertThat(view.undeclaredIn(RoundtableEvents.CATALOG)).as(view.view() + " leaves undeclared").isEmpty();
            for (EventType type : RoundtableEvents.CATALOG.types()) {
                assertThat(view.handles(type) || !view.whyIgnored(type).isBlank())
                        .as("%s declares what it does with %s", view.view(), type).isTrue();
            }
        }
    }

    @Test
    void everyTypeOfTheCatalogIsNarratedInItsOwnLine() {
        assertThat(Narration.descriptions().handledTypes()).containsExactlyElementsOf(RoundtableEvents.CATALOG.types());
    }

    @Test
    void theReplayAndThePowerMapHandleTheTypesTheyAreBuiltFrom() {
        assertThat(ProposalReplay.registry().handledTypes()).extracting(EventType::name).contains(
                "ProposalDrafted", "ProposalSubmitted", "ProposalWithdrawn", "ProposalCommissioned", "ProposalDeclined",
                "EndorsementGiven", "DecisionCaseOpened", "PanelAssembled", "VoteCast", "DecisionReached", "InitiativeStarted",
                "ProgressReported", "InitiativeReviewed");
        assertThat(PowerMapFold.counts().handledTypes()).extracting(EventType::name).containsExactlyInAnyOrder(
                "ProposalDrafted", "CoDesignerJoined", "ContributionRecorded", "AssetPledged", "PledgeWithdrawn",
                "InterestDeclared", "VoteCast", "DecisionReached", "FundsAllocated", "AssetsMobilised");
    }
}
