package org.roundtable.kit.authority;

import org.roundtable.events.Role;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The roles an endpoint that sends no command is open to (a read, or an operation on the service itself), declared
 * once on the endpoint or on its controller for every endpoint in it: a request whose token may act in none of them
 * (honouring the {@code X-Acting-Role} header) is refused before its body is read, and the endpoint's OpenAPI
 * description says whom it is open to. An endpoint that sends a command is marked {@link Sends} instead: its command
 * declares the roles.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface OpenTo {

    /** The roles one of which the caller acts in. */
    Role[] value();
}
