package org.roundtable.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives a Spring Boot test a real PostgreSQL database, a real Kafka broker and a token issuer, started once per test
 * JVM and shared by every test class that asks for the same database (and so by one cached application context).
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RealInfrastructure {

    /** The database the service's tests use on the shared server. */
    String database();
}
