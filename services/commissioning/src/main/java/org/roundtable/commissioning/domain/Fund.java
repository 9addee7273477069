package org.roundtable.commissioning.domain;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.roundtable.commissioning.domain.CommissioningCommands.CreateFund;
import org.roundtable.events.Actor;
import org.roundtable.events.Role;
import org.roundtable.events.commissioning.FundCreated;
import org.roundtable.events.commissioning.FundsAllocated;
import org.roundtable.events.proposals.Money;
import org.roundtable.kit.domain.Require;
import org.roundtable.kit.domain.RuleViolation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.roundtable.kit.authority.Authorities.actorOf;

/**
 * A budget for a service area and period, held by named commissioners. Allocations never exceed it: each one is
 * checked against what remains. Two allocations racing for the same fund cannot both pass that check on the same
 * state: within one process the repository locks the fund for the whole unit of work of a closing, so the second
 * loads the fund only after the first committed and sees what it took; across processes the event store's unique
 * (aggregate, sequence number) key refuses the second append, and its whole unit of work (decision included) rolls
 * back.
 */
@Aggregate
public class Fund {

    @AggregateIdentifier
    private String fundId;
    private String serviceArea;
    private Money remaining;
    private final Set<String> holders = new LinkedHashSet<>();

    protected Fund() {
    }

    @CommandHandler
    public Fund(CreateFund command, MetaData metadata) {
        Actor creator = actorOf(command, metadata);
        String name = Require.text(command.name(), "name", 120);
        String area = Require.text(command.serviceArea(), "serviceArea", 80).toLowerCase(Locale.ROOT);
        LocalDate start = Require.date(command.periodStart(), "periodStart");
        LocalDate end = Require.date(command.periodEnd(), "periodEnd");
        Require.that(!end.isBefore(start), "periodEnd", "periodEnd must not be before periodStart");
        Money amount = Require.money(command.amount(), "amount");
        Require.that(amount.amount().signum() > 0, "amount.amount", "amount.amount must be more than nothing");
        List<String> holderIds = new ArrayList<>();
        holderIds.add(creator.subjectId());
        if (command.holderIds() != null) {
            Require.atMost(command.holderIds(), 20, "holderIds");
            Require.distinct(command.holderIds(), "holderIds");
            for (int i = 0; i < command.holderIds().size(); i++) {
                String holder = Require.text(command.holderIds().get(i), "holderIds[" + i + "]", 200);
                if (!holderIds.contains(holder)) {
                    holderIds.add(holder);
                }
            }
        }
        apply(new FundCreated(command.fundId(), name, area, start, end, amount, holderIds));
    }

    /** Takes money for an approved case, or refuses when the fund cannot meet it. */
    void allocate(String caseId, String proposalId, Money amount) {
        if (!amount.currency().equals(remaining.currency())) {
            throw new RuleViolation("fund " + fundId + " is in " + remaining.currency() + ", not " + amount.currency());
        }
        if (amount.amount().compareTo(remaining.amount()) > 0) {
            throw new RuleViolation("fund " + fundId + " holds only " + remaining.amount() + " " + remaining.currency()
                    + "; it cannot allocate " + amount.amount());
        }
        apply(new FundsAllocated(fundId, caseId, proposalId, amount,
                new Money(remaining.amount().subtract(amount.amount()), remaining.currency()), serviceArea));
    }

    /** What a panel needs to know of the fund it would draw on. */
    record Terms(String fundId, Set<String> holders, String serviceArea, String currency) {
    }

    Terms terms() {
        return new Terms(fundId, Set.copyOf(holders), serviceArea, remaining.currency());
    }


    @EventSourcingHandler
    void on(FundCreated event) {
        fundId = event.fundId();
        serviceArea = event.serviceArea();
        remaining = event.amount();
        holders.addAll(event.holderIds());
    }

    @EventSourcingHandler
    void on(FundsAllocated event) {
        remaining = event.remaining();
    }
}
