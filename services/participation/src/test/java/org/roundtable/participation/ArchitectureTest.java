package org.roundtable.participation;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.roundtable.participation");

    @Test
    void theDomainKnowsNoWebNoPersistenceAndNoKafka() {
        noClasses().that().resideInAPackage("..participation.domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework.web..", "org.springframework.http..", "jakarta.persistence..",
                        "org.springframework.data..", "org.apache.kafka..", "org.springframework.kafka..", "jakarta.servlet..")
                .check(classes);
    }

    @Test
    void theDomainDependsOnNoOtherLayer() {
        noClasses().that().resideInAPackage("..participation.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("..participation.api..", "..participation.query..", "..participation.integration..")
                .check(classes);
    }
}
