package org.roundtable.testsupport;

import org.springframework.test.context.TestContextManager;

/**
 * Spring's test context for a test class that no Spring extension runs (a jqwik property class): the same cached
 * application context the Jupiter tests with the same configuration use, and its injection into the test instance.
 */
public final class SpringTestContexts {

    private SpringTestContexts() {
    }

    /** Injects {@code @Autowired} and {@code @LocalServerPort} fields of this instance from its class's Spring context. */
    public static void prepare(Object testInstance) {
        try {
            new TestContextManager(testInstance.getClass()).prepareTestInstance(testInstance);
        } catch (Exception failure) {
            throw new IllegalStateException("the Spring test context of " + testInstance.getClass().getSimpleName() + " did not start", failure);
        }
    }
}
