package org.roundtable.kit.domain;

import java.util.Objects;

/** Input that breaks a rule about its own shape: the field is named so the person can correct it (400). */
public final class InvalidInput extends DomainRefusal {

    private final String field;

    public InvalidInput(String field, String message) {
        super(message);
        this.field = Objects.requireNonNull(field, "field");
    }

    public String field() {
        return field;
    }
}
