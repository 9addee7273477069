package org.roundtable.outcomes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.roundtable.outcomes");

    @Test
    void theDomainKnowsNoWebNoPersistenceAndNoKafka() {
        noClasses().that().resideInAPackage("..outcomes.domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework.web..", "org.springframework.http..", "jakarta.persistence..",
                        "org.springframework.data..", "org.apache.kafka..", "org.springframework.kafka..", "jakarta.servlet..")
                .check(classes);
    }

    @Test
    void theDomainDependsOnNoOtherLayer() {
        noClasses().that().resideInAPackage("..outcomes.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("..outcomes.api..", "..outcomes.query..", "..outcomes.integration..")
                .check(classes);
    }
}
