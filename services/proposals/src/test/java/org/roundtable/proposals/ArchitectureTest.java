package org.roundtable.proposals;

import org.roundtable.testsupport.ServiceArchitectureTest;

/** The layering every service keeps; proposals adds no rule of its own. */
class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super("org.roundtable.proposals");
    }
}
