package org.roundtable.outcomes.integration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.roundtable.events.commissioning.DecisionOutcome;
import org.roundtable.events.commissioning.DecisionReached;
import org.roundtable.events.commissioning.RollEntry;
import org.roundtable.events.Role;
import org.roundtable.events.participation.AssetPledged;
import org.roundtable.events.participation.PledgeWithdrawn;
import org.roundtable.events.proposals.CoDesigner;
import org.roundtable.events.proposals.Money;
import org.roundtable.events.proposals.ProposalSubmitted;
import org.roundtable.outcomes.domain.Initiative;
import org.roundtable.outcomes.domain.InitiativeCommands.ExpectContribution;
import org.roundtable.outcomes.domain.InitiativeCommands.ReleaseContribution;
import org.roundtable.outcomes.domain.InitiativeCommands.StartInitiative;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.stream.Stream;

/**
 * Turns what other services tell about a proposal into its initiative, whatever order the news arrives in: the
 * initiative starts once the proposal as submitted and its approval are both known, taking up every pledge heard
 * so far; pledges heard later go straight to it. Each proposal's dossier is locked while one piece of news is applied.
 */
@Component
public class ProposalsToInitiatives {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final ProposalDossiers dossiers;
    private final KnownPledges pledges;
    private final CommandGateway commands;
    private final ObjectMapper json;

    ProposalsToInitiatives(ProposalDossiers dossiers, KnownPledges pledges, CommandGateway commands,
                           @Qualifier("eventJson") ObjectMapper json) {
        this.dossiers = dossiers;
        this.pledges = pledges;
        this.commands = commands;
        this.json = json;
    }

    @Transactional
    public void submitted(ProposalSubmitted submitted) {
        ProposalDossier dossier = dossier(submitted.proposalId());
        List<String> coDesigners = submitted.coDesigners().stream().map(CoDesigner::participantId).distinct().toList();
        dossier.submitted(submitted.content().title(), submitted.content().serviceArea(),
                write(submitted.content().intendedOutcomes()), write(coDesigners));
        startIfReady(dossier);
    }

    /**
     * Only an approval starts an initiative; a rejection, or a decision without quorum, starts none. Its managers are the
     * fund's holders and the commissioners on the panel who were not recused.
     */
    @Transactional
    public void decided(DecisionReached decision) {
        if (decision.outcome() != DecisionOutcome.APPROVED) {
            return;
        }
        ProposalDossier dossier = dossier(decision.proposalId());
        if (dossier.isApproved()) {
            return;
        }
        Money funding = decision.allocation() == null ? null : decision.allocation().amount();
        List<String> managers = Stream.concat(decision.fundHolderIds().stream(), decision.roll().stream()
                        .filter(member -> member.role() == Role.COMMISSIONER && !member.recused()).map(RollEntry::memberId))
                .distinct().toList();
        dossier.approved(decision.caseId(), funding == null ? null : funding.amount(), funding == null ? null : funding.currency(),
                write(managers));
        startIfReady(dossier);
    }

    @Transactional
    public void pledged(AssetPledged pledged) {
        ProposalDossier dossier = dossier(pledged.proposalId());
        KnownPledge pledge = pledges.findById(pledged.pledgeId())
                .orElseGet(() -> new KnownPledge(pledged.pledgeId(), pledged.proposalId(), pledged.participantId()));
        if (pledge.isPledged()) {
            return;
        }
        pledge.pledged(pledged.publicName(), pledged.kind(), pledged.description(), pledged.hoursPerMonth());
        pledges.save(pledge);
        if (pledge.isActive() && dossier.getInitiativeId() != null) {
            commands.sendAndWait(new ExpectContribution(dossier.getInitiativeId(), pledge.toPledge()));
        }
    }

    @Transactional
    public void withdrawn(PledgeWithdrawn withdrawn) {
        ProposalDossier dossier = dossier(withdrawn.proposalId());
        KnownPledge pledge = pledges.findById(withdrawn.pledgeId())
                .orElseGet(() -> new KnownPledge(withdrawn.pledgeId(), withdrawn.proposalId(), withdrawn.participantId()));
        pledge.withdrawn();
        pledges.save(pledge);
        if (dossier.getInitiativeId() != null) {
            commands.sendAndWait(new ReleaseContribution(dossier.getInitiativeId(), withdrawn.pledgeId()));
        }
    }

    private void startIfReady(ProposalDossier dossier) {
        if (!dossier.isSubmitted() || !dossier.isApproved() || dossier.getInitiativeId() != null) {
            return;
        }
        String initiativeId = Initiative.idFor(dossier.getApprovingCaseId());
        Money funding = dossier.getFundingAmount() == null ? null : new Money(dossier.getFundingAmount(), dossier.getFundingCurrency());
        commands.sendAndWait(new StartInitiative(initiativeId, dossier.getProposalId(), dossier.getApprovingCaseId(),
                dossier.getTitle(), dossier.getServiceArea(), funding, read(dossier.getIntendedOutcomes()),
                read(dossier.getCoDesignerIds()),
                pledges.findByProposalIdOrderByHeardAtAscPledgeIdAsc(dossier.getProposalId()).stream()
                        .filter(KnownPledge::isActive).map(KnownPledge::toPledge).toList(),
                read(dossier.getManagerIds())));
        dossier.started(initiativeId);
    }

    private ProposalDossier dossier(String proposalId) {
        dossiers.open(proposalId);
        return dossiers.lock(proposalId).orElseThrow(() -> new IllegalStateException("dossier of " + proposalId + " vanished"));
    }

    private String write(List<String> values) {
        try {
            return json.writeValueAsString(values);
        } catch (JsonProcessingException unwritable) {
            throw new IllegalStateException("cannot write a list as JSON", unwritable);
        }
    }

    private List<String> read(String values) {
        try {
            return values == null ? List.of() : json.readValue(values, STRINGS);
        } catch (JsonProcessingException unreadable) {
            throw new IllegalStateException("a proposal dossier holds unreadable JSON", unreadable);
        }
    }
}
