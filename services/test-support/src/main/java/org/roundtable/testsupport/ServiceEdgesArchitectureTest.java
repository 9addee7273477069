package org.roundtable.testsupport;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

/**
 * The {@link ServiceArchitecture} rules every service checks at its edges, whatever its layout: it uses the kit only
 * through its API, a process that waits for other services is a saga in {@code integration/}, and facts kept from
 * other services live in {@code foreign/} and lean on no other layer. A service with the usual layout checks them
 * through {@link ServiceArchitectureTest}; one laid out otherwise extends this.
 */
public abstract class ServiceEdgesArchitectureTest {

    protected final String rootPackage;
    protected final JavaClasses classes;

    protected ServiceEdgesArchitectureTest(String rootPackage) {
        this.rootPackage = rootPackage;
        this.classes = ServiceArchitecture.classesOf(rootPackage);
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
