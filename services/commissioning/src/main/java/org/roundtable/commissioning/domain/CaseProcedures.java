package org.roundtable.commissioning.domain;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.roundtable.commissioning.domain.CommissioningCommands.AssemblePanel;
import org.roundtable.commissioning.domain.CommissioningCommands.CloseAtDeadline;
import org.roundtable.commissioning.domain.CommissioningCommands.CloseDecisionCase;
import org.roundtable.commissioning.domain.CommissioningCommands.CloseOnWithdrawal;
import org.roundtable.events.Actor;
import org.roundtable.events.commissioning.Allocation;
import org.roundtable.events.commissioning.DecisionOutcome;
import org.roundtable.events.proposals.Money;
import org.roundtable.kit.domain.InvalidInput;
import org.roundtable.kit.domain.Require;
import org.roundtable.kit.domain.RuleViolation;

import java.time.Clock;
import java.util.Set;

import static org.roundtable.kit.authority.Authorities.actorOf;

/**
 * The steps that involve a case and its fund together: assembling a panel (the assembler must hold the fund) and
 * closing a case (an approval allocates from the fund in the same unit of work, so the decision and the allocation
 * are stored together or not at all).
 */
public class CaseProcedures {

    private final Repository<DecisionCase> cases;
    private final Repository<Fund> funds;
    private final Clock clock;

    public CaseProcedures(Repository<DecisionCase> cases, Repository<Fund> funds, Clock clock) {
        this.cases = cases;
        this.funds = funds;
        this.clock = clock;
    }

    @CommandHandler
    public void handle(AssemblePanel command, MetaData metadata) {
        Actor assembler = actorOf(command, metadata);
        Aggregate<DecisionCase> decisionCase = cases.load(command.caseId());
        String fundId = Require.text(command.fundId(), "fundId", 64);
        // the case is locked before the fund, in the same order as closing, so an assembly and a closing never deadlock
        Fund.Terms terms = fund(fundId).invoke(Fund::terms);
        decisionCase.execute(c -> c.assemble(command, assembler, terms, clock.instant()));
    }

    @CommandHandler
    public void handle(CloseDecisionCase command, MetaData metadata) {
        Actor chair = actorOf(command, metadata);
        Aggregate<DecisionCase> decisionCase = cases.load(command.caseId());
        String note = decisionCase.invoke(c -> c.chairCloses(chair, command.reason(), clock.instant()));
        close(decisionCase, note, true);
    }

    @CommandHandler
    public void handle(CloseAtDeadline command, MetaData metadata) {
        actorOf(command, metadata);
        Aggregate<DecisionCase> decisionCase = cases.load(command.caseId());
        if (decisionCase.invoke(c -> c.isDue(clock.instant()))) {
            close(decisionCase, "closed at its deadline", false);
        }
    }

    /** A proposal withdrawn while still a draft never had a case: there is nothing to close. */
    @CommandHandler
    public void handle(CloseOnWithdrawal command, MetaData metadata) {
        actorOf(command, metadata);
        Aggregate<DecisionCase> decisionCase;
        try {
            decisionCase = cases.load(command.caseId());
        } catch (AggregateNotFoundException neverSubmitted) {
            return;
        }
        decisionCase.execute(c -> c.closeOnWithdrawal(command.reason()));
    }

    /** Each aggregate is changed in its own step, all within the one unit of work of the closing command. */
    private void close(Aggregate<DecisionCase> decisionCase, String how, boolean refuseUnfunded) {
        DecisionOutcome outcome = decisionCase.invoke(DecisionCase::tally);
        if (outcome != DecisionOutcome.APPROVED) {
            decisionCase.execute(c -> c.decide(outcome, null, how));
            return;
        }
        Money amount = decisionCase.invoke(DecisionCase::amount);
        String fundId = decisionCase.invoke(DecisionCase::fundId);
        String caseId = decisionCase.invoke(DecisionCase::caseId);
        String proposalId = decisionCase.invoke(DecisionCase::proposalId);
        Aggregate<Fund> fund = funds.load(fundId);
        Set<String> holders = fund.invoke(Fund::terms).holders();
        if (amount == null) {
            decisionCase.execute(c -> c.decide(outcome, null, how, holders));
            return;
        }
        try {
            fund.execute(f -> f.allocate(caseId, proposalId, amount));
        } catch (RuleViolation unfunded) {
            if (refuseUnfunded) {
                throw unfunded;
            }
            decisionCase.execute(c -> c.decide(outcome, null, how + "; approved, but no money was allocated: " + unfunded.getMessage(),
                    holders));
            return;
        }
        decisionCase.execute(c -> c.decide(outcome, new Allocation(fundId, amount), how, holders));
    }

    private Aggregate<Fund> fund(String fundId) {
        try {
            return funds.load(fundId);
        } catch (AggregateNotFoundException missing) {
            throw new InvalidInput("fundId", "there is no fund " + fundId);
        }
    }

}
