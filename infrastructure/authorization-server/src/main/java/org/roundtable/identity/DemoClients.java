package org.roundtable.identity;

/**
 * The clients the local authorization server knows. The secrets are local-only: anyone reading this file knows them.
 */
public final class DemoClients {

    /** The gateway: confidential, authorization code with PKCE, for browsers. */
    public static final String GATEWAY = "roundtable-gateway";
    public static final String GATEWAY_SECRET = "roundtable-gateway-local-secret";

    /** A person at a terminal, scripts and tests: public, authorization code with PKCE, loopback redirect. */
    public static final String CLI = "roundtable-cli";
    /** Loopback, so any port is accepted (RFC 8252); {@link DemoLogin} never needs anything to listen there. */
    public static final String CLI_REDIRECT_URI = "http://127.0.0.1/roundtable-cli/callback";

    /** Machines: client credentials. Its tokens name the client as subject and grant no role. */
    public static final String MACHINE = "roundtable-machine";
    public static final String MACHINE_SECRET = "roundtable-machine-local-secret";

    /** The audience of every access token: Roundtable's APIs, which refuse tokens for anything else. */
    public static final String AUDIENCE = "roundtable";

    private DemoClients() {
    }
}
