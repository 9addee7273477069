package org.roundtable.kit.actor;

import java.util.UUID;
import java.util.regex.Pattern;

/** Correlation ids: taken from a caller when they are sane, otherwise new. */
public final class CorrelationIds {

    public static final String HEADER = "X-Correlation-Id";

    /** The response header naming the id a service gave the request: the causation id of the events it made. */
    public static final String REQUEST_HEADER = "X-Request-Id";

    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private CorrelationIds() {
    }

    public static String acceptOrCreate(String offered) {
        return offered != null && SANE.matcher(offered).matches() ? offered : create();
    }

    public static String create() {
        return UUID.randomUUID().toString();
    }
}
