package org.roundtable.testsupport;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.ContextCustomizer;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RealInfrastructureContextCustomizerFactoryTest {

    private final RealInfrastructureContextCustomizerFactory factory = new RealInfrastructureContextCustomizerFactory();

    @RealInfrastructure(database = "kit")
    static class Annotated {
    }

    static class Subclass extends Annotated {
    }

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @RealInfrastructure(database = "proposals")
    @interface ProposalsTest {
    }

    @ProposalsTest
    static class MetaAnnotated {
    }

    @RealInfrastructure(database = "kit")
    static class Enclosing {
        class Inner {
        }
    }

    @RealInfrastructure(database = "participation")
    static class OtherDatabase {
    }

    static class Plain {
    }

    @Test
    void findsTheAnnotationDirectlyOnASuperclassThroughAMetaAnnotationAndOnAnEnclosingClass() {
        assertThat(customizer(Annotated.class)).isEqualTo(new RealInfrastructureContextCustomizerFactory.Customizer("kit"));
        assertThat(customizer(Subclass.class)).isEqualTo(new RealInfrastructureContextCustomizerFactory.Customizer("kit"));
        assertThat(customizer(MetaAnnotated.class)).isEqualTo(new RealInfrastructureContextCustomizerFactory.Customizer("proposals"));
        assertThat(customizer(Enclosing.Inner.class)).isEqualTo(new RealInfrastructureContextCustomizerFactory.Customizer("kit"));
    }

    @Test
    void leavesOtherTestClassesAlone() {
        assertThat(customizer(Plain.class)).isNull();
    }

    @Test
    void customizersForTheSameDatabaseAreEqualSoTheContextIsCached() {
        assertThat(customizer(Annotated.class)).isEqualTo(customizer(Subclass.class))
                .hasSameHashCodeAs(customizer(Subclass.class))
                .isNotEqualTo(customizer(OtherDatabase.class));
    }

    private ContextCustomizer customizer(Class<?> testClass) {
        return factory.createContextCustomizer(testClass, List.of());
    }
}
