package org.roundtable.identity;

import org.roundtable.events.Role;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The demo accounts of the local stack: one list that the authorization server serves and the Keycloak realm is
 * checked against. Every account's password is {@value #PASSWORD}. These are local-only accounts: never
 * deploy them anywhere reachable by anyone else.
 */
public final class DemoAccounts {

    /** The password of every demo account; local use only. */
    public static final String PASSWORD = "roundtable";

    /** A person (or organisation) who can log in; the username is the token's subject. */
    public record DemoAccount(String username, String name, Set<Role> roles) {
    }

    public static final List<DemoAccount> ALL = List.of(
            new DemoAccount("amara", "Amara Okafor", Set.of(Role.CITIZEN)),
            new DemoAccount("bill", "Bill Turner", Set.of(Role.CITIZEN)),
            new DemoAccount("chen", "Chen Li", Set.of(Role.STAFF, Role.CITIZEN)),
            new DemoAccount("dana", "Dana Reeves", Set.of(Role.COMMISSIONER)),
            new DemoAccount("eli", "Eli Morgan", Set.of(Role.COMMISSIONER)),
            new DemoAccount("farah", "Farah Haddad", Set.of(Role.COMMISSIONER)),
            new DemoAccount("greenshoots", "Green Shoots CIC", Set.of(Role.PROVIDER)),
            new DemoAccount("hana", "Hana Sato", Set.of(Role.AUDITOR)));

    private DemoAccounts() {
    }

    public static Optional<DemoAccount> find(String username) {
        return ALL.stream().filter(account -> account.username().equals(username)).findFirst();
    }
}
