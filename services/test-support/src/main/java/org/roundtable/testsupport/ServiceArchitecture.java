package org.roundtable.testsupport;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The layering rules every service shares, for a service laid out as {@code domain/ query/ api/ integration/} (and
 * {@code foreign/} when it keeps facts from other services) under its root package (for example {@code org.roundtable.proposals}). A service's {@code ArchitectureTest} checks these
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

    /**
     * What services use of the kit: its refusals and rules ({@code domain}), authority declarations, public names, the
     * inbox handler mark, command sending and the request's actor, and paging. Everything else in the kit (the event
     * store, relay, inbox, dead letters, security, idempotency, metrics) is its inside, set up by auto-configuration.
     */
    public static final String[] KIT_API_PACKAGES = {"org.roundtable.kit.domain", "org.roundtable.kit.authority", "org.roundtable.kit.names"};
    public static final String[] KIT_API_CLASSES = {"org.roundtable.kit.inbox.InboxHandler", "org.roundtable.kit.actor.Commands",
            "org.roundtable.kit.actor.RequestActors", "org.roundtable.kit.actor.ActorMetadata", "org.roundtable.kit.web.PageOf"};

    private static final String SAGA = "org.axonframework.spring.stereotype.Saga";
    private static final String EVENT_HANDLER = "org.axonframework.eventhandling.EventHandler";
    private static final String SAGA_EVENT_HANDLER = "org.axonframework.modelling.saga.SagaEventHandler";

    /** A service reaches into no part of the kit but its API. */
    public static ArchRule theKitIsUsedOnlyThroughItsApi(String rootPackage) {
        return noClasses().that().resideInAPackage(rootPackage + "..")
                .should().dependOnClassesThat(DescribedPredicate.describe("belong to the kit's inside", ServiceArchitecture::isKitInside));
    }

    /** Processes that wait for other services' events are sagas, and sagas live in {@code integration/}. */
    public static ArchRule sagasLiveInIntegration(String rootPackage) {
        return classes().that().areAnnotatedWith(SAGA).or().containAnyMethodsThat(annotatedWith(SAGA_EVENT_HANDLER))
                .should().resideInAPackage(rootPackage + ".integration..")
                .andShould().beAnnotatedWith(SAGA)
                .allowEmptyShould(true);
    }

    /**
     * Facts kept from other services live in {@code foreign/}: every event handler (not a saga's) that takes another
     * service's event is there, reading it from the service's own event store where the inbox kept it, so a reset of its
     * processor rebuilds the facts from that history.
     */
    public static ArchRule otherServicesFactsAreKeptInForeign(String rootPackage) {
        return methods().that().areAnnotatedWith(EVENT_HANDLER).and(takeAnEventOfAnotherServiceThan(serviceOf(rootPackage)))
                .should().beDeclaredInClassesThat().resideInAPackage(rootPackage + ".foreign..")
                .allowEmptyShould(true);
    }

    /** Facts kept from other services are built from those events alone: {@code foreign/} depends on no other layer. */
    public static ArchRule foreignFactsDependOnNoOtherLayer(String rootPackage) {
        return noClasses().that().resideInAPackage(rootPackage + ".foreign..")
                .should().dependOnClassesThat().resideInAnyPackage(rootPackage + ".domain..", rootPackage + ".api..",
                        rootPackage + ".integration..", rootPackage + ".query..")
                .allowEmptyShould(true);
    }

    private static boolean isKitInside(JavaClass type) {
        if (!type.getName().startsWith("org.roundtable.kit.")) {
            return false;
        }
        String outer = type.getName().contains("$") ? type.getName().substring(0, type.getName().indexOf('$')) : type.getName();
        return Arrays.stream(KIT_API_PACKAGES).noneMatch(type.getPackageName()::equals)
                && Arrays.stream(KIT_API_CLASSES).noneMatch(outer::equals);
    }

    private static String serviceOf(String rootPackage) {
        return rootPackage.substring(rootPackage.lastIndexOf('.') + 1);
    }

    private static DescribedPredicate<JavaMember> annotatedWith(String annotation) {
        return DescribedPredicate.describe("are annotated with " + annotation, member -> member.isAnnotatedWith(annotation));
    }

    private static DescribedPredicate<JavaMethod> takeAnEventOfAnotherServiceThan(String service) {
        return DescribedPredicate.describe("take an event of another service than " + service, method -> {
            if (method.getRawParameterTypes().isEmpty()) {
                return false;
            }
            String eventPackage = method.getRawParameterTypes().get(0).getPackageName();
            return eventPackage.startsWith("org.roundtable.events.") && !eventPackage.startsWith("org.roundtable.events." + service);
        });
    }

    /** Joins package lists, for a rule naming several of them. */
    public static String[] concat(String[]... lists) {
        return java.util.Arrays.stream(lists).flatMap(java.util.Arrays::stream).toArray(String[]::new);
    }
}
