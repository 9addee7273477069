package org.roundtable.events;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A CloudEvents type of the published language: {@code org.roundtable.<service>.<EventName>.v<N>}. */
public record EventType(Source source, String name, int version) {

    private static final Pattern FORMAT = Pattern.compile("org\\.roundtable\\.([a-z]+)\\.([A-Z][A-Za-z0-9]*)\\.v([1-9][0-9]*)");

    public EventType {
        Objects.requireNonNull(source, "source");
        if (name == null || !name.matches("[A-Z][A-Za-z0-9]*")) {
            throw new IllegalArgumentException("event name must be a past-tense fact in UpperCamelCase, was '" + name + "'");
        }
        if (version < 1) {
            throw new IllegalArgumentException("event version must be 1 or more, was " + version);
        }
    }

    public static EventType of(Class<? extends IntegrationEvent> eventClass) {
        Published published = eventClass.getAnnotation(Published.class);
        if (published == null) {
            throw new IllegalArgumentException(eventClass.getName() + " is not annotated with @Published");
        }
        String name = published.name().isEmpty() ? eventClass.getSimpleName() : published.name();
        return new EventType(published.source(), name, published.version());
    }

    public static EventType parse(String type) {
        Matcher matcher = FORMAT.matcher(type == null ? "" : type);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + type + "' is not a Roundtable event type (org.roundtable.<service>.<EventName>.v<N>)");
        }
        return new EventType(Source.ofService(matcher.group(1)), matcher.group(2), Integer.parseInt(matcher.group(3)));
    }

    /** The CloudEvents {@code type} attribute. */
    public String value() {
        return "org.roundtable." + source.service() + "." + name + ".v" + version;
    }

    @Override
    public String toString() {
        return value();
    }
}
