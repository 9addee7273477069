package org.roundtable.kit.domain;

/** No such thing (404). */
public final class NotFound extends DomainRefusal {

    public NotFound(String message) {
        super(message);
    }
}
