package org.roundtable.commissioning.domain;

import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roundtable.commissioning.domain.CommissioningCommands.CreateFund;
import org.roundtable.events.Actor;
import org.roundtable.events.Role;
import org.roundtable.events.commissioning.FundCreated;
import org.roundtable.events.proposals.Money;
import org.roundtable.kit.actor.ActorMetadata;
import org.roundtable.kit.domain.InvalidInput;
import org.roundtable.kit.domain.NotPermitted;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

class FundTest {

    static final MetaData COMMISSIONER = MetaData.from(ActorMetadata.of(Actor.of("com-1", Role.COMMISSIONER), "corr", null));
    static final MetaData CITIZEN = MetaData.from(ActorMetadata.of(Actor.of("cit-1", Role.CITIZEN), "corr", null));
    static final LocalDate START = LocalDate.parse("2027-04-01");
    static final LocalDate END = LocalDate.parse("2028-03-31");
    static final Money TEN_THOUSAND = new Money(new BigDecimal("10000.00"), "GBP");

    AggregateTestFixture<Fund> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(Fund.class);
    }

    @Test
    void aCommissionerCreatesAFundAndHoldsIt() {
        fixture.givenNoPriorActivity()
                .when(new CreateFund("f-1", "Libraries 2027", "Libraries", START, END, TEN_THOUSAND, List.of("com-2", "com-1")), COMMISSIONER)
                .expectEvents(new FundCreated("f-1", "Libraries 2027", "libraries", START, END, TEN_THOUSAND, List.of("com-1", "com-2")));
    }

    @Test
    void aCitizenCreatesNoFund() {
        fixture.givenNoPriorActivity().when(new CreateFund("f-1", "x", "libraries", START, END, TEN_THOUSAND, List.of()), CITIZEN)
                .expectNoEvents().expectException(NotPermitted.class).expectExceptionMessage("this is open to [COMMISSIONER], not to CITIZEN");
    }

    @Test
    void anAuditorCreatesNoFund() {
        fixture.givenNoPriorActivity()
                .when(new CreateFund("f-1", "x", "libraries", START, END, TEN_THOUSAND, List.of()),
                        MetaData.from(ActorMetadata.of(Actor.of("aud-1", Role.AUDITOR), "corr", null)))
                .expectNoEvents().expectException(NotPermitted.class).expectExceptionMessage("this is open to [COMMISSIONER], not to AUDITOR");
    }

    @Test
    void holdersAreNamed() {
        refused(new CreateFund("f-1", "x", "libraries", START, END, TEN_THOUSAND, java.util.Arrays.asList("com-2", " ")),
                "holderIds[1] must not be blank");
    }

    @Test
    void aFundHoldsAnAmount() {
        refused(new CreateFund("f-1", "x", "libraries", START, END, null, List.of()), "amount is required");
    }

    @Test
    void theAmountIsInWholePence() {
        refused(new CreateFund("f-1", "x", "libraries", START, END, new Money(new BigDecimal("10.001"), "GBP"), List.of()),
                "amount.amount has at most two decimal places");
    }

    @Test
    void aFundHoldsMoreThanNothing() {
        refused(new CreateFund("f-1", "x", "libraries", START, END, new Money(BigDecimal.ZERO, "GBP"), List.of()), "amount.amount must be more than nothing");
    }

    @Test
    void itsPeriodEndsAfterItStarts() {
        refused(new CreateFund("f-1", "x", "libraries", END, START, TEN_THOUSAND, List.of()), "periodEnd must not be before periodStart");
    }

    @Test
    void itsCurrencyIsAnIsoCode() {
        refused(new CreateFund("f-1", "x", "libraries", START, END, new Money(BigDecimal.TEN, "pounds"), List.of()),
                "amount.currency must be an ISO 4217 code such as GBP");
    }

    @Test
    void aFundIsNamed() {
        refused(new CreateFund("f-1", " ", "libraries", START, END, TEN_THOUSAND, List.of()), "name must not be blank");
    }

    private void refused(CreateFund command, String message) {
        fixture.givenNoPriorActivity().when(command, COMMISSIONER).expectNoEvents().expectException(InvalidInput.class)
                .expectExceptionMessage(message);
    }
}
