package org.roundtable.commissioning.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.MetaData;
import org.roundtable.events.Actor;
import org.roundtable.events.Role;
import org.roundtable.events.commissioning.DecisionCaseOpened;
import org.roundtable.events.commissioning.DecisionOutcome;
import org.roundtable.events.commissioning.DecisionReached;
import org.roundtable.events.commissioning.FundCreated;
import org.roundtable.events.commissioning.FundsAllocated;
import org.roundtable.events.commissioning.InterestDeclared;
import org.roundtable.events.commissioning.PanelAssembled;
import org.roundtable.events.commissioning.VoteCast;
import org.roundtable.kit.actor.ActorMetadata;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** Builds the commissioning read model from its own events; rebuildable by resetting the processor. */
@Component
@ProcessingGroup("commissioning-views")
public class CommissioningProjection {

    private final FundViews funds;
    private final CaseViews cases;
    private final CaseEntryViews entries;
    private final ObjectMapper json;

    CommissioningProjection(FundViews funds, CaseViews cases, CaseEntryViews entries, @Qualifier("eventJson") ObjectMapper json) {
        this.funds = funds;
        this.cases = cases;
        this.entries = entries;
        this.json = json;
    }

    @EventHandler
    void on(FundCreated event) {
        FundView fund = new FundView(event.fundId());
        fund.name = event.name();
        fund.serviceArea = event.serviceArea();
        fund.periodStart = event.periodStart();
        fund.periodEnd = event.periodEnd();
        fund.amount = event.amount().amount();
        fund.remaining = event.amount().amount();
        fund.currency = event.amount().currency();
        fund.holderIds = String.join(",", event.holderIds());
        funds.save(fund);
    }

    @EventHandler
    void on(FundsAllocated event) {
        funds.findById(event.fundId()).ifPresent(fund -> fund.remaining = event.remaining().amount());
    }

    @EventHandler
    void on(DecisionCaseOpened event, MetaData metadata, @Timestamp Instant at) {
        CaseView view = new CaseView(event.caseId(), event.proposalId());
        view.title = event.title();
        view.serviceArea = event.serviceArea();
        view.openedAt = at;
        cases.save(view);
        entry(event.caseId(), "OPENED", metadata, event, at);
    }

    @EventHandler
    void on(PanelAssembled event, MetaData metadata, @Timestamp Instant at) {
        cases.findById(event.caseId()).ifPresent(view -> {
            view.status = "ASSEMBLED";
            // a new panel after a decision without quorum: that decision stays in the timeline, not as the case's outcome
            view.outcome = null;
            view.decision = null;
            view.decidedAt = null;
            view.deadline = event.deadline();
            view.chairId = event.chairId();
            view.fundId = event.fundId();
            view.amount = write(event.amount());
        });
        entry(event.caseId(), "PANEL_ASSEMBLED", metadata, event, at);
    }

    @EventHandler
    void on(InterestDeclared event, MetaData metadata, @Timestamp Instant at) {
        String kind = event.changeReason() != null ? "DECLARATION_CHANGED" : event.recused() ? "RECUSED" : "NO_INTEREST_DECLARED";
        entry(event.caseId(), kind, metadata, event, at);
    }

    @EventHandler
    void on(VoteCast event, MetaData metadata, @Timestamp Instant at) {
        entry(event.caseId(), event.previousVote() == null ? "VOTE_CAST" : "VOTE_CHANGED", metadata, event, at);
    }

    @EventHandler
    void on(DecisionReached event, MetaData metadata, @Timestamp Instant at) {
        cases.findById(event.caseId()).ifPresent(view -> {
            view.status = event.outcome() == DecisionOutcome.NO_QUORUM ? "OPEN" : "CLOSED";
            view.outcome = event.outcome().name();
            view.decision = write(event);
            view.decidedAt = at;
        });
        entry(event.caseId(), "DECISION_REACHED", metadata, event, at);
    }

    @ResetHandler
    void reset() {
        entries.deleteAllInBatch();
        cases.deleteAllInBatch();
        funds.deleteAllInBatch();
    }

    private void entry(String caseId, String kind, MetaData metadata, Object event, Instant at) {
        Actor actor = ActorMetadata.actorOf(metadata).orElse(new Actor("unknown", Role.SYSTEM, null));
        String officeHolderName = actor.role() == Role.CITIZEN || actor.role() == Role.SYSTEM ? null : actor.displayName();
        entries.save(new CaseEntryView(caseId, kind, actor.subjectId(), actor.role().name(), officeHolderName, write(event), at));
    }

    private String write(Object value) {
        try {
            return value == null ? null : json.writeValueAsString(value);
        } catch (JsonProcessingException unwritable) {
            throw new IllegalStateException(unwritable);
        }
    }
}
