package org.roundtable.testsupport;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

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

    /** Joins package lists, for a rule naming several of them. */
    public static String[] concat(String[]... lists) {
        return java.util.Arrays.stream(lists).flatMap(java.util.Arrays::stream).toArray(String[]::new);
    }
}
