package org.roundtable.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives an {@link IntegrationEvent} record its one CloudEvents type:
 * {@code org.roundtable.<service>.<RecordName>.v<version>}. A change of meaning is a new version.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Published {

    Source source();

    int version();

    /** The event name when it differs from the record's simple name (e.g. a kept older version's record). */
    String name() default "";
}
