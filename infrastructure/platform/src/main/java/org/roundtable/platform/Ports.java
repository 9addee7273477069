package org.roundtable.platform;

/**
 * The local platform's ports: the documented ones (gateway 8080, services 8081–8085, web 8086, the ledger's witness 8087,
 * authorization server 9000, Kafka 9092) moved by one offset, so that a second stack, a test's for instance, can run beside a developer's.
 */
public record Ports(int offset) {

    public static final Ports DEFAULT = new Ports(0);

    public Ports {
        if (offset < 0 || offset > 50_000) {
            throw new IllegalArgumentException("a port offset is between 0 and 50000, not " + offset);
        }
    }

    public int gateway() {
        return 8080 + offset;
    }

    public int proposals() {
        return 8081 + offset;
    }

    public int participation() {
        return 8082 + offset;
    }

    public int commissioning() {
        return 8083 + offset;
    }

    public int outcomes() {
        return 8084 + offset;
    }

    public int audit() {
        return 8085 + offset;
    }

    /** The web application; people reach it through the gateway. */
    public int web() {
        return 8086 + offset;
    }

    /** The audit ledger's witness. */
    public int witness() {
        return 8087 + offset;
    }

    public int identity() {
        return 9000 + offset;
    }

    public int kafka() {
        return 9092 + offset;
    }

    public int kafkaController() {
        return 9093 + offset;
    }

    /** Not 5432, so the local stack never meets a PostgreSQL the developer runs already. */
    public int postgres() {
        return 15432 + offset;
    }

    public String issuer() {
        return "http://127.0.0.1:" + identity();
    }

    public String gatewayUrl() {
        return "http://127.0.0.1:" + gateway();
    }
}
