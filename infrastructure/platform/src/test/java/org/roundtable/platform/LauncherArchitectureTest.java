package org.roundtable.platform;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The launcher is production code: it runs on the local infrastructure, and knows nothing of the tests' support. */
class LauncherArchitectureTest {

    private static final String TEST_SUPPORT = "org.roundtable.testsupport..";
    private static final String LOCAL_INFRASTRUCTURE = "org.roundtable.local..";

    @Test
    void theLauncherUsesNothingOfTheTestSupport() {
        JavaClasses launcher = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.roundtable.platform");

        noClasses().should().dependOnClassesThat().resideInAPackage(TEST_SUPPORT).check(launcher);
    }

    @Test
    void onlyTheLocalInfrastructureStartsProcesses() {
        JavaClasses everything = new ClassFileImporter().importPackages("org.roundtable.platform", "org.roundtable.testsupport",
                "org.roundtable.local");

        // named, not referenced: this test itself must not count as a user of them
        noClasses().that().resideOutsideOfPackage(LOCAL_INFRASTRUCTURE)
                .should().dependOnClassesThat().areAssignableTo("java.lang.ProcessBuilder")
                .orShould().callMethod("java.lang.Runtime", "exec", "java.lang.String")
                .orShould().callMethod("java.lang.Runtime", "exec", "[Ljava.lang.String;")
                .check(everything);
    }
}
