package org.roundtable.proposals;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.roundtable.proposals");

    @Test
    void theDomainKnowsNoWebNoPersistenceAndNoKafka() {
        noClasses().that().resideInAPackage("..proposals.domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework.web..", "org.springframework.http..", "jakarta.persistence..",
                        "org.springframework.data..", "org.apache.kafka..", "org.springframework.kafka..", "jakarta.servlet..")
                .check(classes);
    }

    @Test
    void theDomainDependsOnNoOtherLayer() {
        noClasses().that().resideInAPackage("..proposals.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("..proposals.api..", "..proposals.query..", "..proposals.integration..")
                .check(classes);
    }
}
