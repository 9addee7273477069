package org.roundtable.audit.ledger;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;
import org.roundtable.testsupport.ServiceArchitecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The ledger and its verification stand alone: they know neither the web layer nor the views built on them. */
class LedgerArchitectureTest {

    private final JavaClasses classes = ServiceArchitecture.classesOf("org.roundtable.audit");

    @Test
    void theLedgerAndItsVerificationKnowNoWebAndNoViews() {
        noClasses().that().resideInAnyPackage("..audit.ledger..", "..audit.verification..")
                .should().dependOnClassesThat().resideInAnyPackage(ServiceArchitecture.concat(ServiceArchitecture.WEB,
                        new String[]{"..audit.api..", "..audit.history..", "..audit.replay..", "..audit.powermap.."}))
                .check(classes);
    }

    @Test
    void verificationReadsButNeverAppends() {
        noClasses().that().resideInAPackage("..audit.verification..")
                .should().dependOnClassesThat().haveSimpleName("LedgerAppender")
                .orShould().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..")
                .check(classes);
    }

    @Test
    void theVerifierLibraryIsPlainJava() {
        noClasses().that().resideInAPackage("org.roundtable.audit.verifier..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.fasterxml..", "org.roundtable.events..")
                .check(new ClassFileImporter().importPackages("org.roundtable.audit.verifier"));
    }
}
