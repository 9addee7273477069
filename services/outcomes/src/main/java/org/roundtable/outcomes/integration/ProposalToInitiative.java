package org.roundtable.outcomes.integration;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.roundtable.events.Role;
import org.roundtable.events.commissioning.DecisionOutcome;
import org.roundtable.events.commissioning.DecisionReached;
import org.roundtable.events.commissioning.RollEntry;
import org.roundtable.events.participation.AssetPledged;
import org.roundtable.events.participation.PledgeWithdrawn;
import org.roundtable.events.proposals.CoDesigner;
import org.roundtable.events.proposals.Money;
import org.roundtable.events.proposals.ProposalSubmitted;
import org.roundtable.outcomes.domain.Initiative;
import org.roundtable.outcomes.domain.InitiativeCommands.ExpectContribution;
import org.roundtable.outcomes.domain.InitiativeCommands.Pledge;
import org.roundtable.outcomes.domain.InitiativeCommands.ReleaseContribution;
import org.roundtable.outcomes.domain.InitiativeCommands.StartInitiative;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One proposal's way to its initiative, whatever order the news of it arrives in: the initiative starts once the
 * proposal as submitted (from proposals) and its approval (from commissioning) are both known, expecting every pledge
 * (from participation) heard so far and not withdrawn; pledges and withdrawals heard later go straight to it. A
 * decision that does not approve ends the wait: no initiative comes of it. News heard twice changes nothing.
 */
@Saga
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class ProposalToInitiative {

    private static final String PROPOSAL = "proposalId";

    @Autowired
    private transient CommandGateway commands;

    private Submission submission;
    private Approval approval;
    private String initiativeId;
    /** Every pledge heard of, in the order heard, withdrawn or not; a withdrawal heard first is kept so its pledge is not taken up. */
    private Map<String, HeardPledge> pledges = new LinkedHashMap<>();

    /** A submitted proposal is frozen, so its submission says all an initiative takes from it. */
    @StartSaga
    @SagaEventHandler(associationProperty = PROPOSAL)
    public void on(ProposalSubmitted submitted) {
        if (submission != null) {
            return;
        }
        submission = new Submission(submitted.proposalId(), submitted.content().title(), submitted.content().serviceArea(),
                submitted.content().intendedOutcomes(),
                submitted.coDesigners().stream().map(CoDesigner::participantId).distinct().toList());
        startIfReady();
    }

    /**
     * Only an approval starts an initiative; its managers are the fund's holders and the commissioners on the panel who
     * were not recused.
     */
    @StartSaga
    @SagaEventHandler(associationProperty = PROPOSAL)
    public void on(DecisionReached decision) {
        if (decision.outcome() != DecisionOutcome.APPROVED) {
            if (approval == null) {
                SagaLifecycle.end();
            }
            return;
        }
        if (approval != null) {
            return;
        }
        List<String> managers = Stream.concat(decision.fundHolderIds().stream(), decision.roll().stream()
                        .filter(member -> member.role() == Role.COMMISSIONER && !member.recused()).map(RollEntry::memberId))
                .distinct().toList();
        approval = new Approval(decision.caseId(), decision.allocation() == null ? null : decision.allocation().amount(), managers);
        startIfReady();
    }

    @StartSaga
    @SagaEventHandler(associationProperty = PROPOSAL)
    public void on(AssetPledged pledged) {
        HeardPledge heard = pledges.get(pledged.pledgeId());
        if (heard != null && heard.pledge() != null) {
            return;
        }
        Pledge pledge = new Pledge(pledged.pledgeId(), pledged.participantId(), pledged.publicName(), pledged.kind(),
                pledged.description(), pledged.hoursPerMonth());
        boolean withdrawn = heard != null && heard.withdrawn();
        pledges.put(pledged.pledgeId(), new HeardPledge(pledge, withdrawn));
        if (!withdrawn && initiativeId != null) {
            commands.sendAndWait(new ExpectContribution(initiativeId, pledge));
        }
    }

    @StartSaga
    @SagaEventHandler(associationProperty = PROPOSAL)
    public void on(PledgeWithdrawn withdrawn) {
        HeardPledge heard = pledges.get(withdrawn.pledgeId());
        if (heard != null && heard.withdrawn()) {
            return;
        }
        pledges.put(withdrawn.pledgeId(), new HeardPledge(heard == null ? null : heard.pledge(), true));
        if (initiativeId != null) {
            commands.sendAndWait(new ReleaseContribution(initiativeId, withdrawn.pledgeId()));
        }
    }

    private void startIfReady() {
        if (submission == null || approval == null || initiativeId != null) {
            return;
        }
        String id = Initiative.idFor(approval.caseId());
        commands.sendAndWait(new StartInitiative(id, submission.proposalId(), approval.caseId(), submission.title(),
                submission.serviceArea(), approval.funding(), submission.intendedOutcomes(), submission.coDesignerIds(),
                pledges.values().stream().filter(HeardPledge::isActive).map(HeardPledge::pledge).toList(), approval.managerIds()));
        initiativeId = id;
    }

    record Submission(String proposalId, String title, String serviceArea, List<String> intendedOutcomes, List<String> coDesignerIds) {
    }

    record Approval(String caseId, Money funding, List<String> managerIds) {
    }

    /** A pledge as heard: {@code pledge} is absent while only its withdrawal has been heard. */
    record HeardPledge(Pledge pledge, boolean withdrawn) {

        boolean isActive() {
            return pledge != null && !withdrawn;
        }
    }
}
