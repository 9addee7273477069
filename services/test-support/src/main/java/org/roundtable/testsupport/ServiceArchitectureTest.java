package org.roundtable.testsupport;

import org.junit.jupiter.api.Test;

/**
 * The {@link ServiceArchitecture} rules every service laid out as {@code domain/ query/ api/ integration/} checks, with
 * those of {@link ServiceEdgesArchitectureTest}. A service's {@code ArchitectureTest} extends this with its root package
 * and adds the rules of its own, checked against {@link #classes}.
 */
public abstract class ServiceArchitectureTest extends ServiceEdgesArchitectureTest {

    protected ServiceArchitectureTest(String rootPackage) {
        super(rootPackage);
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
}
