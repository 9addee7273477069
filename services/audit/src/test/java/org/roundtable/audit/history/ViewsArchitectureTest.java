package org.roundtable.audit.history;

import com.tngtech.archunit.core.domain.InstanceofCheck;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;
import org.roundtable.events.IntegrationEvent;
import org.roundtable.events.commissioning.VoteCast;
import org.roundtable.testsupport.ServiceArchitecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    /** Tests no value with {@code instanceof} against an event record: a view says what it does with each type in its {@link EventRegistry}. */
    private static final ArchCondition<JavaClass> NOT_TEST_EVENTS_BY_INSTANCEOF =
            new ArchCondition<>("not test whether a value is an event record by instanceof") {
                @Override
                public void check(JavaClass javaClass, ConditionEvents events) {
                    for (JavaCodeUnit unit : javaClass.getCodeUnits()) {
                        for (InstanceofCheck check : unit.getInstanceofChecks()) {
                            if (check.getRawType().isAssignableTo(IntegrationEvent.class)) {
                                events.add(SimpleConditionEvent.violated(check, unit.getFullName() + " tests instanceof "
                                        + check.getRawType().getName() + " " + check.getSourceCodeLocation()));
                            }
                        }
                    }
                }
            };

    private static final ArchRule EVENTS_DISPATCHED_THROUGH_REGISTRIES = classes().that().resideInAPackage("org.roundtable.audit..")
            .should(NOT_TEST_EVENTS_BY_INSTANCEOF).allowEmptyShould(false);

    @Test
    void theAuditDispatchesOnEventTypesThroughRegistriesNotInstanceof() {
        EVENTS_DISPATCHED_THROUGH_REGISTRIES.check(classes);
    }

    /** A view written the old way, to show the rule above refuses it. */
    static final class InstanceofView {
        static String describe(Object event) {
            return event instanceof VoteCast vote ? vote.memberId() + " voted" : "something happened";
        }
    }

    @Test
    void theRuleRefusesAViewThatTestsEventsByInstanceof() {
        JavaClasses oldWay = new ClassFileImporter().importClasses(InstanceofView.class);
        assertThatThrownBy(() -> EVENTS_DISPATCHED_THROUGH_REGISTRIES.check(oldWay))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("instanceof")
                .hasMessageContaining(VoteCast.class.getName());
    }
}
