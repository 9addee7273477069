package org.roundtable.audit.history;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;
import org.roundtable.testsupport.ServiceArchitecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The auditor views read the ledger and nothing else: no web, no Kafka, no writes through the ledger's own code. */
class ViewsArchitectureTest {

    private final JavaClasses classes = ServiceArchitecture.classesOf("org.roundtable.audit");

    @Test
    void theViewsKnowNoWebAndNoKafka() {
        noClasses().that().resideInAnyPackage("..audit.history..", "..audit.replay..", "..audit.powermap..", "..audit.register..")
                .should().dependOnClassesThat().resideInAnyPackage(ServiceArchitecture.concat(
                        ServiceArchitecture.WEB, ServiceArchitecture.KAFKA, new String[]{"..audit.api.."}))
                .check(classes);
    }

    @Test
    void theViewsDoNotReachIntoTheLedgersWriterOrVerification() {
        noClasses().that().resideInAnyPackage("..audit.history..", "..audit.replay..", "..audit.powermap..", "..audit.register..")
                .should().dependOnClassesThat().resideInAnyPackage("..audit.ledger..", "..audit.verification..")
                .check(classes);
    }

    @Test
    void replayingAndMappingAreBuiltFromRecordedEventsNotFromQueries() {
        noClasses().that().resideInAnyPackage("..audit.replay..", "..audit.powermap..", "..audit.register..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "javax.sql..", "java.sql..")
                .check(classes);
    }
}
