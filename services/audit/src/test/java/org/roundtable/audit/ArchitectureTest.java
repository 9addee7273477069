package org.roundtable.audit;

import org.roundtable.testsupport.ServiceEdgesArchitectureTest;

/**
 * Audit keeps the rules every service keeps at its edges: it uses the kit only through its API, and a process waiting
 * for other services, or facts kept from them, would be a saga in {@code integration/} or a projection in {@code foreign/}
 * (it has neither: the ledger reads every topic itself). Its own layout is checked by the ledger's and the views' tests.
 */
class ArchitectureTest extends ServiceEdgesArchitectureTest {

    ArchitectureTest() {
        super("org.roundtable.audit");
    }
}
