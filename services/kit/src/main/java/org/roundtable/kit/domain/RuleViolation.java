package org.roundtable.kit.domain;

/** The request is well formed and permitted, but the thing's current state does not allow it (409). */
public final class RuleViolation extends DomainRefusal {

    public RuleViolation(String message) {
        super(message);
    }
}
