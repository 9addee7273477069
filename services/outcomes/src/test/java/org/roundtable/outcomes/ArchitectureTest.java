package org.roundtable.outcomes;

import org.roundtable.testsupport.ServiceArchitectureTest;

/** The layering every service keeps; outcomes adds no rule of its own. */
class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super("org.roundtable.outcomes");
    }
}
