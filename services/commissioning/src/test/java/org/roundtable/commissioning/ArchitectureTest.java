package org.roundtable.commissioning;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.roundtable.commissioning");

    @Test
    void theDomainKnowsNoWebNoPersistenceAndNoKafka() {
        noClasses().that().resideInAPackage("..commissioning.domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework.web..", "org.springframework.http..", "jakarta.persistence..",
                        "org.springframework.data..", "org.apache.kafka..", "org.springframework.kafka..", "jakarta.servlet..")
                .check(classes);
    }

    @Test
    void theDomainDependsOnNoOtherLayer() {
        noClasses().that().resideInAPackage("..commissioning.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("..commissioning.api..", "..commissioning.query..",
                        "..commissioning.integration..")
                .check(classes);
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
