package org.roundtable.audit.register;

import org.junit.jupiter.api.Test;
import org.roundtable.audit.history.Labels;
import org.roundtable.audit.history.LibraryGarden;
import org.roundtable.audit.history.PublicNames;
import org.roundtable.audit.history.RecordedEvent;
import org.roundtable.events.EventJson;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PublicRegistersTest {

    private static final Instant NOW = Instant.parse("2026-05-01T00:00:00Z");

    private static PublicRegister register(List<List<RecordedEvent>> proposals) {
        List<RecordedEvent> context = new ArrayList<>(LibraryGarden.profiles().entries());
        proposals.forEach(context::addAll);
        PublicNames names = PublicNames.from(context);
        return PublicRegisters.of(proposals, names, Labels.from(context, names), NOW);
    }

    @Test
    void aDecisionWithItsProposalPanelVotesMoneyAndInitiative() {
        PublicRegister.Decision decision = register(List.of(LibraryGarden.story().entries())).decisions().get(0);

        assertThat(decision.caseId()).isEqualTo(LibraryGarden.CASE);
        assertThat(decision.proposalId()).isEqualTo(LibraryGarden.PROPOSAL);
        assertThat(decision.title()).isEqualTo("Library garden and reading corner");
        assertThat(decision.serviceArea()).isEqualTo("libraries");
        assertThat(decision.aspiration()).isEqualTo("Neighbours grow food together in the library's garden");
        assertThat(decision.asked()).isEqualTo(LibraryGarden.gbp("1200.00"));
        assertThat(decision.outcome()).isEqualTo("APPROVED");
        assertThat(decision.decidedAt()).isEqualTo(Instant.parse("2026-03-02T10:40:00Z"));
        assertThat(decision.closedBy()).isEqualTo("Dana Reeves");
        assertThat(decision.fund()).isEqualTo("Libraries 2026");
        assertThat(decision.allocated()).isEqualTo(LibraryGarden.gbp("1200.00"));
        assertThat(decision.fundRemaining()).isEqualTo(LibraryGarden.gbp("8800.00"));
        assertThat(decision.panel()).extracting(PublicRegister.Member::name)
                .containsExactly("Dana Reeves", "Eli Morgan", "farah", "Neighbour K7PQ2M");
        PublicRegister.Member eli = decision.panel().get(1);
        assertThat(eli.recused()).isTrue();
        assertThat(eli.interest()).isEqualTo("my sister runs the library café");
        assertThat(eli.vote()).isNull();
        PublicRegister.Member ivy = decision.panel().get(3);
        assertThat(ivy.role()).isEqualTo("CITIZEN");
        assertThat(ivy.vote()).isEqualTo("APPROVE");
        assertThat(ivy.rationale()).isEqualTo("the reading corner answers it");
        assertThat(decision.panel().get(0).chair()).isTrue();
        assertThat(decision.summary()).startsWith("Approved on 2026-03-02");

        PublicRegister.Initiative initiative = decision.initiative();
        assertThat(initiative.provider()).isEqualTo("Green Shoots CIC");
        assertThat(initiative.status()).isEqualTo("ON_TRACK");
        assertThat(initiative.hoursGiven()).isEqualByComparingTo("3.5");
        assertThat(initiative.indicators()).singleElement().satisfies(indicator -> {
            assertThat(indicator.name()).isEqualTo("More connection between neighbours");
            assertThat(indicator.baseline()).isEqualByComparingTo(BigDecimal.TEN);
            assertThat(indicator.target()).isEqualByComparingTo("40");
            assertThat(indicator.latest()).isEqualByComparingTo("18");
            assertThat(indicator.direction()).isEqualTo("HIGHER_IS_BETTER");
        });
    }

    @Test
    void noLoginOrIdOfACitizenWhoDidNotConsentAppearsAnywhere() throws Exception {
        String published = EventJson.newMapper().writeValueAsString(register(List.of(LibraryGarden.story().entries())));

        assertThat(published).contains("Neighbour K7PQ2M").doesNotContain("\"ivy\"").doesNotContain("ivy ")
                .doesNotContain("memberId").doesNotContain("participantId");
    }

    @Test
    void aCitizenMemberWithoutAProfileIsACitizenMemberNeverTheirLogin() {
        List<RecordedEvent> withoutProfiles = LibraryGarden.story().entries();
        PublicRegister register = PublicRegisters.of(List.of(withoutProfiles), PublicNames.from(withoutProfiles),
                Labels.from(withoutProfiles, PublicNames.from(withoutProfiles)), NOW);

        assertThat(register.decisions().get(0).panel().get(3).name()).isEqualTo("a citizen member");
        assertThat(register.decisions().get(0).summary()).doesNotContain("ivy");
    }

    @Test
    void newestDecisionFirst() {
        PublicRegister register = register(List.of(LibraryGarden.story().entries(),
                LibraryGarden.story("-later", Duration.ofDays(30)).entries()));

        assertThat(register.decisions()).extracting(PublicRegister.Decision::caseId)
                .containsExactly(LibraryGarden.CASE + "-later", LibraryGarden.CASE);
        assertThat(register.generatedAt()).isEqualTo(NOW);
    }
}
