package org.roundtable.web.security;

/** A person with several roles has not yet chosen the one they act in. */
public class RoleNeeded extends RuntimeException {

    public RoleNeeded() {
        super("choose the role you act in");
    }
}
