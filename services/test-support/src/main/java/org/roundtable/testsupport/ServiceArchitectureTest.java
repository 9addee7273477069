package org.roundtable.testsupport;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

/**
 * The {@link ServiceArchitecture} rules every service checks. A service's {@code ArchitectureTest} extends this with
 * its root package and adds the rules of its own, checked against {@link #classes}.
 */
public abstract class ServiceArchitectureTest {

    protected final String rootPackage;
    protected final JavaClasses classes;

    protected ServiceArchitectureTest(String rootPackage) {
        this.rootPackage = rootPackage;
        this.classes = ServiceArchitecture.classesOf(rootPackage);
    }

    @Test
    void theDomainKnowsNoWebNoPersistenceAndNoKafka() {
        ServiceArchitecture.domainKnowsNoWebNoPersistenceAndNoKafka(rootPackage).check(classes);
    }

    @Test
    void theDomainDependsOnNoOtherLayer() {
        ServiceArchitecture.domainDependsOnNoOtherLayer(rootPackage).check(classes);
    }

    @Test
    void theWebLayerStoresNothingItself() {
        ServiceArchitecture.theWebLayerStoresNothingItself(rootPackage).check(classes);
    }

    @Test
    void everyCommandDeclaresWhoMaySendIt() {
        ServiceArchitecture.everyCommandDeclaresWhoMaySendIt(rootPackage).check(classes);
    }

    @Test
    void everyCommandHandlerReadsTheDeclaration() {
        ServiceArchitecture.everyCommandHandlerReadsTheDeclaration(rootPackage).check(classes);
    }

    @Test
    void theKitIsUsedOnlyThroughItsApi() {
        ServiceArchitecture.theKitIsUsedOnlyThroughItsApi(rootPackage).check(classes);
    }

    @Test
    void sagasLiveInIntegration() {
        ServiceArchitecture.sagasLiveInIntegration(rootPackage).check(classes);
    }

    @Test
    void otherServicesFactsAreKeptInForeign() {
        ServiceArchitecture.otherServicesFactsAreKeptInForeign(rootPackage).check(classes);
    }

    @Test
    void foreignFactsDependOnNoOtherLayer() {
        ServiceArchitecture.foreignFactsDependOnNoOtherLayer(rootPackage).check(classes);
    }
}
