package org.roundtable.kit.authority;

import org.roundtable.events.Role;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Who may send a command, declared once on the command itself: the roles that open the door, and the relationship
 * to the thing acted on that decides whether this person may act on it. The web layer ({@link Sends}), the kit's
 * {@link org.roundtable.kit.actor.Commands} and the command handler ({@link Authorities#actorOf}) all read the roles
 * from here; the handler enforces the relationship, which is stated here in words for the authority table.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Authority {

    /** The roles one of which the sender acts in. */
    Role[] roles();

    /** Who among the holders of those roles may send it to a given thing; empty when every holder may. */
    String relationship() default "";
}
