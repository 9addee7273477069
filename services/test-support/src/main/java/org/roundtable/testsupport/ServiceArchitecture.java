package org.roundtable.testsupport;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The layering rules every service shares, for a service laid out as {@code domain/ query/ api/ integration/} under
 * its root package (for example {@code org.roundtable.proposals}). A service's {@code ArchitectureTest} checks these
 * and adds its own.
 */
public final class ServiceArchitecture {

    /** Packages of the web layer. */
    public static final String[] WEB = {"org.springframework.web..", "org.springframework.http..", "jakarta.servlet.."};
    /** Packages of persistence. */
    public static final String[] PERSISTENCE = {"jakarta.persistence..", "org.springframework.data.."};
    /** Packages of Kafka. */
    public static final String[] KAFKA = {"org.apache.kafka..", "org.springframework.kafka.."};

    private ServiceArchitecture() {
    }

    /** The service's production classes, without its tests. */
    public static JavaClasses classesOf(String rootPackage) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(rootPackage);
    }

    /** The domain knows no web, no persistence and no Kafka. */
    public static ArchRule domainKnowsNoWebNoPersistenceAndNoKafka(String rootPackage) {
        return noClasses().that().resideInAPackage(rootPackage + ".domain..")
                .should().dependOnClassesThat().resideInAnyPackage(concat(WEB, PERSISTENCE, KAFKA));
    }

    /** The domain depends on no other layer of the service. */
    public static ArchRule domainDependsOnNoOtherLayer(String rootPackage) {
        return noClasses().that().resideInAPackage(rootPackage + ".domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        rootPackage + ".api..", rootPackage + ".query..", rootPackage + ".integration..");
    }

    /** The web layer stores nothing itself: no persistent entity and no repository in {@code api/}; what a request changes goes through a command. */
    public static ArchRule theWebLayerStoresNothingItself(String rootPackage) {
        return noClasses().that().resideInAPackage(rootPackage + ".api..")
                .should().beAnnotatedWith("jakarta.persistence.Entity")
                .orShould().beAssignableTo("org.springframework.data.repository.Repository");
    }

    /** The annotation on a command that says who may send it. */
    public static final String AUTHORITY = "org.roundtable.kit.authority.Authority";
    /** What a command handler calls to learn its actor, refused unless they act in a role the command declares. */
    public static final String AUTHORITY_GUARD = "org.roundtable.kit.authority.Authorities";
    private static final String COMMAND_HANDLER = "org.axonframework.commandhandling.CommandHandler";

    /**
     * Every command the service handles declares who may send it: the command (a command handler's first parameter)
     * carries {@code @Authority}, which the endpoint, the kit's {@code Commands} and the handler all read.
     */
    public static ArchRule everyCommandDeclaresWhoMaySendIt(String rootPackage) {
        return codeUnits().that().areAnnotatedWith(COMMAND_HANDLER).and().areDeclaredInClassesThat().resideInAPackage(rootPackage + "..")
                .should(new ArchCondition<JavaCodeUnit>("handle a command that declares who may send it (@Authority)") {
                    @Override
                    public void check(JavaCodeUnit handler, ConditionEvents events) {
                        List<JavaClass> parameters = handler.getRawParameterTypes();
                        boolean declared = !parameters.isEmpty() && parameters.get(0).isAnnotatedWith(AUTHORITY);
                        String command = parameters.isEmpty() ? "no command" : parameters.get(0).getName();
                        events.add(new SimpleConditionEvent(handler, declared, handler.getFullName() + " handles " + command
                                + (declared ? ", which declares" : ", which does not declare") + " who may send it"));
                    }
                });
    }

    /**
     * Every command handler learns its actor through the declaration ({@code Authorities.actorOf}), itself or through a
     * method of its own class, so that no handler accepts a role its command is not open to.
     */
    public static ArchRule everyCommandHandlerReadsTheDeclaration(String rootPackage) {
        return codeUnits().that().areAnnotatedWith(COMMAND_HANDLER).and().areDeclaredInClassesThat().resideInAPackage(rootPackage + "..")
                .should(new ArchCondition<JavaCodeUnit>("learn its actor through the command's declaration (Authorities.actorOf)") {
                    @Override
                    public void check(JavaCodeUnit handler, ConditionEvents events) {
                        boolean guarded = reachesTheGuard(handler);
                        events.add(new SimpleConditionEvent(handler, guarded, handler.getFullName()
                                + (guarded ? " calls " : " never calls ") + AUTHORITY_GUARD + ".actorOf"));
                    }
                });
    }

    /** Whether the code unit calls the guard, itself or through code units of its own class. */
    private static boolean reachesTheGuard(JavaCodeUnit handler) {
        Deque<JavaCodeUnit> toVisit = new ArrayDeque<>(List.of(handler));
        Set<JavaCodeUnit> visited = new HashSet<>();
        while (!toVisit.isEmpty()) {
            JavaCodeUnit unit = toVisit.pop();
            if (!visited.add(unit)) {
                continue;
            }
            for (var call : unit.getCallsFromSelf()) {
                JavaClass owner = call.getTargetOwner();
                if (owner.getName().equals(AUTHORITY_GUARD) && call.getName().equals("actorOf")) {
                    return true;
                }
                if (owner.equals(handler.getOwner())) {
                    call.getTarget().resolveMember().ifPresent(toVisit::push);
                }
            }
        }
        return false;
    }

    /** Joins package lists, for a rule naming several of them. */
    public static String[] concat(String[]... lists) {
        return java.util.Arrays.stream(lists).flatMap(java.util.Arrays::stream).toArray(String[]::new);
    }
}
