package org.roundtable.kit.authority.rules;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;
import org.roundtable.testsupport.ServiceArchitecture;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The architecture rules every service checks catch a command that forgets its declaration and a handler that ignores it. */
class CommandRulesTest {

    private static final String ROOT = "org.roundtable.kit.authority.rules";
    private final JavaClasses classes = new ClassFileImporter().importClasses(Plot.class, Plot.Dig.class, Plot.Weed.class, Plot.Harvest.class, Plot.Sow.class);

    @Test
    void aCommandWithoutADeclarationBreaksTheRule() {
        assertThat(violations(ServiceArchitecture.everyCommandDeclaresWhoMaySendIt(ROOT))).singleElement().asString()
                .contains(Plot.class.getName() + ".handle(" + Plot.Sow.class.getName())
                .contains("does not declare who may send it");
    }

    @Test
    void aHandlerThatNeverReadsTheDeclarationBreaksTheRuleOneReadingItThroughItsOwnMethodDoesNot() {
        assertThat(violations(ServiceArchitecture.everyCommandHandlerReadsTheDeclaration(ROOT))).singleElement().asString()
                .contains(Plot.class.getName() + ".handle(" + Plot.Harvest.class.getName())
                .contains("never calls org.roundtable.kit.authority.Authorities.actorOf");
    }

    private List<String> violations(ArchRule rule) {
        return rule.evaluate(classes).getFailureReport().getDetails();
    }
}
