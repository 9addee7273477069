package org.roundtable.events;

import org.junit.jupiter.api.Test;
import org.roundtable.events.proposals.ProposalCommissioned;
import org.roundtable.events.proposals.ProposalDeclined;
import org.roundtable.events.proposals.ProposalDrafted;
import org.roundtable.events.proposals.ProposalStatus;
import org.roundtable.events.proposals.ProposalStatusChange;
import org.roundtable.events.proposals.ProposalSubmitted;
import org.roundtable.events.proposals.ProposalUnderDecision;
import org.roundtable.events.proposals.ProposalWithdrawn;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProposalStatusTest {

    record SampleReopened(String proposalId) implements ProposalStatusChange {
    }

    @Test
    void eachStatusIsReachedByItsOwnFact() {
        assertThat(ProposalStatus.reachedBy(new ProposalDrafted("p", "amara", Role.CITIZEN, null))).isEqualTo(ProposalStatus.DRAFT);
        assertThat(ProposalStatus.reachedBy(new ProposalSubmitted("p", 2, null, List.of()))).isEqualTo(ProposalStatus.SUBMITTED);
        assertThat(ProposalStatus.reachedBy(new ProposalUnderDecision("p", "case"))).isEqualTo(ProposalStatus.UNDER_DECISION);
        assertThat(ProposalStatus.reachedBy(new ProposalCommissioned("p", "case", null))).isEqualTo(ProposalStatus.COMMISSIONED);
        assertThat(ProposalStatus.reachedBy(new ProposalDeclined("p", "case"))).isEqualTo(ProposalStatus.DECLINED);
        assertThat(ProposalStatus.reachedBy(new ProposalWithdrawn("p", "moved away"))).isEqualTo(ProposalStatus.WITHDRAWN);
    }

    @Test
    void everyCataloguedStatusChangeReachesAStatusAndOnlyThoseDo() {
        List<Class<?>> changes = RoundtableEvents.CATALOG.eventClasses().stream()
                .filter(ProposalStatusChange.class::isAssignableFrom).<Class<?>>map(type -> type).toList();

        assertThat(changes).hasSize(ProposalStatus.values().length).containsExactlyInAnyOrder(ProposalDrafted.class,
                ProposalSubmitted.class, ProposalUnderDecision.class, ProposalCommissioned.class, ProposalDeclined.class,
                ProposalWithdrawn.class);
    }

    @Test
    void aStatusChangeNoStatusNamesIsRefused() {
        assertThatThrownBy(() -> ProposalStatus.reachedBy(new SampleReopened("p")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SampleReopened");
    }

    @Test
    void onlyADraftASubmittedProposalAndOneUnderDecisionAreOpen() {
        assertThat(List.of(ProposalStatus.values())).filteredOn(ProposalStatus::isOpen)
                .containsExactly(ProposalStatus.DRAFT, ProposalStatus.SUBMITTED, ProposalStatus.UNDER_DECISION);
    }
}
