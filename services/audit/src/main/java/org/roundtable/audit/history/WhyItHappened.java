package org.roundtable.audit.history;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.roundtable.audit.history.LedgerReader.CausedEntry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Why an event happened and what it led to, across services, from the causation ids the ledger keeps. Walking back,
 * each event names its cause: another event (one service answering another's event), or a person's request (whose
 * id every event the request made carries); and, when it is about something that existed before it, the event that
 * brought that thing into being, with its own causes, so that a decision leads back both to the request that closed it
 * and to the submission that opened its case. Walking forward, each event lists every event it caused, and theirs.
 */
public final class WhyItHappened {

    /** How far either walk goes, so that no ledger, however tangled, makes an answer without end. */
    static final int MAX_DEPTH = 25;
    static final int MAX_STEPS = 500;

    public enum Kind { EVENT, REQUEST }

    /**
     * One link of the chain.
     *
     * @param kind        an event in the ledger, or a request made through a service's API (known by the events it made)
     * @param id          the event's id, or the request's id
     * @param event       the event's name (for a request: none)
     * @param position    the event's ledger position
     * @param actorName   who acted, named by the rule of {@link PublicNames}
     * @param causedBy    what caused it: an event or a request ({@code null} when the ledger does not say)
     * @param origin      for an event about something older than itself, the event that brought that thing into being
     * @param made        for a request, the events it made directly
     * @param effects     walking forward, the events it caused, each with its own effects
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Link(Kind kind, String id, String event, String source, String subject, Long position, Instant occurredAt,
                       String actorId, String actorRole, String actorName, String description,
                       Link causedBy, Link origin, List<String> made, List<Link> effects) {
    }

    /** The event, walked back to its causes and forward to its effects. */
    public record Answer(Link event) {
    }

    private final LedgerReader ledger;
    private final PublicNames names;
    private final Labels labels;
    private final Set<String> seen = new HashSet<>();
    private int steps;

    private WhyItHappened(LedgerReader ledger, PublicNames names, Labels labels) {
        this.ledger = ledger;
        this.names = names;
        this.labels = labels;
    }

    /** Why the event with this id happened, and what followed; empty when the ledger holds no such event. */
    public static Optional<Answer> of(String eventId, LedgerReader ledger, PublicNames names, Labels labels) {
        return ledger.event(eventId).map(found -> {
            Link back = new WhyItHappened(ledger, names, labels).back(found, 0);
            List<Link> effects = new WhyItHappened(ledger, names, labels).forward(found.entry().eventId(), 0);
            return new Answer(new Link(back.kind(), back.id(), back.event(), back.source(), back.subject(), back.position(),
                    back.occurredAt(), back.actorId(), back.actorRole(), back.actorName(), back.description(), back.causedBy(),
                    back.origin(), back.made(), effects));
        });
    }

    private Link back(CausedEntry caused, int depth) {
        RecordedEvent entry = caused.entry();
        seen.add(entry.eventId());
        steps++;
        Link causedBy = null;
        Link origin = null;
        if (depth < MAX_DEPTH && steps < MAX_STEPS) {
            String cause = caused.causationId();
            if (cause != null && seen.add(cause)) {
                causedBy = ledger.event(cause).map(event -> back(event, depth + 1)).orElseGet(() -> request(cause));
            }
            origin = ledger.firstAbout(entry.subject())
                    .filter(first -> !seen.contains(first.entry().eventId()))
                    .map(first -> back(first, depth + 1)).orElse(null);
        }
        return link(entry, causedBy, origin, List.of());
    }

    private List<Link> forward(String id, int depth) {
        seen.add(id);
        if (depth >= MAX_DEPTH) {
            return List.of();
        }
        List<Link> effects = new ArrayList<>();
        for (CausedEntry effect : ledger.causedBy(id)) {
            if (steps++ >= MAX_STEPS || !seen.add(effect.entry().eventId())) {
                continue;
            }
            effects.add(link(effect.entry(), null, null, forward(effect.entry().eventId(), depth + 1)));
        }
        return effects;
    }

    /** A request, known by the events it made: who made it, as them, and when the first of its events happened. */
    private Link request(String requestId) {
        List<CausedEntry> made = ledger.causedBy(requestId);
        if (made.isEmpty()) {
            return new Link(Kind.REQUEST, requestId, null, null, null, null, null, null, null, null, null, null, null, List.of(), List.of());
        }
        RecordedEvent first = made.get(0).entry();
        return new Link(Kind.REQUEST, requestId, null, first.source(), null, null, first.occurredAt(), first.actorId(),
                first.actorRole(), names.actorOf(first), "A request to " + first.source() + " by " + nameOrRole(first),
                null, null, made.stream().map(entry -> entry.entry().eventName()).toList(), List.of());
    }

    private Link link(RecordedEvent entry, Link causedBy, Link origin, List<Link> effects) {
        String description = entry.readable() ? Narration.describe(entry.data(), labels) : null;
        return new Link(Kind.EVENT, entry.eventId(), entry.eventName(), entry.source(), entry.subject(), entry.position(),
                entry.occurredAt(), entry.actorId(), entry.actorRole(), names.actorOf(entry), description, causedBy, origin,
                List.of(), effects);
    }

    private String nameOrRole(RecordedEvent entry) {
        String name = names.actorOf(entry);
        return name != null ? name : "a " + String.valueOf(entry.actorRole()).toLowerCase(java.util.Locale.ROOT);
    }
}
