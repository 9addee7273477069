package org.roundtable.platform;

import java.io.PrintStream;
import java.util.List;

/** What a newcomer needs once the platform is up: where everything answers, who to log in as, how to get a token. */
final class Summary {

    private record Account(String username, String name, String roles) {
    }

    private static final List<Account> ACCOUNTS = List.of(
            new Account("amara", "Amara Okafor", "CITIZEN"),
            new Account("bill", "Bill Turner", "CITIZEN"),
            new Account("chen", "Chen Li", "STAFF, CITIZEN"),
            new Account("dana", "Dana Reeves", "COMMISSIONER"),
            new Account("eli", "Eli Morgan", "COMMISSIONER"),
            new Account("farah", "Farah Haddad", "COMMISSIONER"),
            new Account("greenshoots", "Green Shoots CIC", "PROVIDER"),
            new Account("hana", "Hana Sato", "AUDITOR"));

    private Summary() {
    }

    static void print(LocalStack stack, PrintStream out) {
        Ports ports = stack.ports();
        out.println();
        out.printf("Roundtable is ready (%d s).%n%n", stack.secondsSinceStart());
        out.printf("  Open Roundtable in a browser    %s/%n%n", ports.gatewayUrl());
        out.printf("  Gateway (the one entry point)   %s   API docs %s/swagger-ui.html%n", ports.gatewayUrl(), ports.gatewayUrl());
        out.printf("  Authorization server            %s   (issuer; keys at /oauth2/jwks)%n", ports.issuer());
        out.printf("  Services                        proposals :%d  participation :%d  commissioning :%d  outcomes :%d  audit :%d%n",
                ports.proposals(), ports.participation(), ports.commissioning(), ports.outcomes(), ports.audit());
        out.printf("  Kafka                           127.0.0.1:%d%n", ports.kafka());
        out.printf("  PostgreSQL                      127.0.0.1:%d (user postgres)%n", ports.postgres());
        out.printf("  Logs                            %s%n%n", stack.settings().data().resolve("logs"));
        out.println("  Demo accounts (password 'roundtable' for every one; local use only):");
        ACCOUNTS.forEach(account -> out.printf("    %-12s %-18s %s%n", account.username(), account.name(), account.roles()));
        out.println();
        out.println("  A token for a demo account (authorization code + PKCE against the authorization server):");
        out.printf("    TOKEN=$(%sjava -cp infrastructure/authorization-server/target/roundtable-authorization-server-0.1.0-SNAPSHOT.jar"
                + " org.roundtable.identity.DemoLogin amara)%n", ports.offset() == 0 ? "" : "ROUNDTABLE_ISSUER=" + ports.issuer() + " ");
        out.println("  then, for example:");
        out.printf("    curl -H \"Authorization: Bearer $TOKEN\" %s/api/proposals%n%n", ports.gatewayUrl());
    }
}
