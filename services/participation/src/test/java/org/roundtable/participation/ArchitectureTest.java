package org.roundtable.participation;

import org.roundtable.testsupport.ServiceArchitectureTest;

/** The layering every service keeps; participation adds no rule of its own. */
class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super("org.roundtable.participation");
    }
}
