package org.roundtable.commissioning;

import org.junit.jupiter.api.Test;
import org.roundtable.testsupport.ServiceArchitectureTest;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The layering every service keeps, and commissioning's own rules about its read model, aggregates and listeners. */
class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super("org.roundtable.commissioning");
    }

    @Test
    void theReadModelIsBuiltFromEventsAlone() {
        noClasses().that().resideInAPackage("..commissioning.query..")
                .should().dependOnClassesThat().resideInAnyPackage("..commissioning.domain..", "..commissioning.api..",
                        "..commissioning.integration..")
                .check(classes);
    }

    @Test
    void onlyTheDomainLoadsAggregates() {
        noClasses().that().resideOutsideOfPackage("..commissioning.domain..")
                .and().doNotHaveFullyQualifiedName("org.roundtable.commissioning.CommissioningApplication")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.axonframework.modelling.command.Repository")
                .check(classes);
    }

    @Test
    void otherServicesEventsAreHeardOnlyByListeners() {
        noClasses().that().resideInAnyPackage("..commissioning.domain..", "..commissioning.api..")
                .should().dependOnClassesThat().resideInAnyPackage("org.roundtable.events.participation..",
                        "org.roundtable.kit.inbox..")
                .check(classes);
    }
}
