package org.roundtable.kit.domain;

/**
 * A command refused by a domain rule. Thrown before any event is applied, so a refusal leaves no trace in the
 * event store. The kit turns each kind into its HTTP status with an RFC 9457 problem body.
 */
public abstract sealed class DomainRefusal extends RuntimeException
        permits InvalidInput, NotPermitted, RuleViolation, NotFound {

    protected DomainRefusal(String message) {
        super(message);
    }
}
