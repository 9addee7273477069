package org.roundtable.web.security;

/** The page needs someone signed in, or the services no longer accept the relayed token: the person signs in again. */
public class SignInNeeded extends RuntimeException {

    public SignInNeeded() {
        super("sign-in needed");
    }
}
