package org.roundtable.commissioning;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;
import org.roundtable.testsupport.ServiceArchitecture;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rules about sagas, foreign facts and the kit's inside catch what they are for: each is checked against a package
 * of test classes misplaced on purpose ({@code org.roundtable.misplaced}, outside every service's component scan).
 */
class ArchitectureRulesTest {

    static final String MISPLACED = "org.roundtable.misplaced";
    final JavaClasses misplaced = new ClassFileImporter().importPackages(MISPLACED);

    @Test
    void anEventHandlerOfAnotherServicesEventOutsideForeignIsCaught() {
        assertThatThrownBy(() -> ServiceArchitecture.otherServicesFactsAreKeptInForeign(MISPLACED).check(misplaced))
                .isInstanceOf(AssertionError.class).hasMessageContaining("PanelFacts.on(");
    }

    @Test
    void aSagaHandlerOutsideIntegrationOrOutsideASagaIsCaught() {
        assertThatThrownBy(() -> ServiceArchitecture.sagasLiveInIntegration(MISPLACED).check(misplaced))
                .isInstanceOf(AssertionError.class).hasMessageContaining("query.Waiting")
                .hasMessageContaining("does not reside in a package").hasMessageContaining("is not annotated with");
    }

    @Test
    void aReachIntoTheKitsInsideIsCaught() {
        assertThatThrownBy(() -> ServiceArchitecture.theKitIsUsedOnlyThroughItsApi(MISPLACED).check(misplaced))
                .isInstanceOf(AssertionError.class).hasMessageContaining("org.roundtable.kit.inbox.Inbox");
    }

    @Test
    void foreignFactsLeaningOnAnotherLayerAreCaught() {
        assertThatThrownBy(() -> ServiceArchitecture.foreignFactsDependOnNoOtherLayer(MISPLACED).check(misplaced))
                .isInstanceOf(AssertionError.class).hasMessageContaining("foreign.Facts");
    }
}
