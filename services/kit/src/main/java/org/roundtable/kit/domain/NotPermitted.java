package org.roundtable.kit.domain;

/** The actor may not do this, in this role, to this thing (403). */
public final class NotPermitted extends DomainRefusal {

    public NotPermitted(String message) {
        super(message);
    }
}
