package org.roundtable.audit.history;

import org.roundtable.events.EventCatalog;
import org.roundtable.events.EventType;
import org.roundtable.events.IntegrationEvent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one view does with each event type of the catalog: either handles it, with the handler written for that type,
 * or ignores it, for a stated reason. A registry is complete by construction: one that leaves a type of its catalog
 * undeclared, declares a type twice, or declares a record outside the catalog is refused when it is built, so that a
 * new event cannot reach a view that has not said what it makes of it.
 *
 * @param <C> what a handler is given beside the event (the view being folded, or the labels to narrate with)
 * @param <R> what a handler answers; an ignored event answers {@code null}
 */
public final class EventRegistry<C, R> {

    /** A view's handling of one event type. */
    @FunctionalInterface
    public interface Handler<C, E extends IntegrationEvent, R> {
        R handle(C context, E event);
    }

    /** A view's handling of one event type that changes the view and answers nothing. */
    @FunctionalInterface
    public interface Effect<C, E extends IntegrationEvent> {
        void apply(C context, E event);
    }

    private final String view;
    private final EventCatalog catalog;
    private final Map<Class<? extends IntegrationEvent>, Handler<C, IntegrationEvent, R>> handled;
    private final Map<Class<? extends IntegrationEvent>, String> ignored;

    private EventRegistry(Declaration<C, R> declaration, EventCatalog catalog) {
        this.view = declaration.view;
        this.catalog = catalog;
        this.handled = Map.copyOf(declaration.handled);
        this.ignored = Map.copyOf(declaration.ignored);
    }

    /** Starts declaring what the named view does with each event type. */
    public static <C, R> Declaration<C, R> of(String view) {
        return new Declaration<>(view);
    }

    /**
     * The handler's answer for the event, or {@code null} when the view ignores its type.
     *
     * @throws IllegalArgumentException for an event whose record is not in the catalog
     */
    public R dispatch(C context, IntegrationEvent event) {
        Handler<C, IntegrationEvent, R> handler = handled.get(event.getClass());
        if (handler != null) {
            return handler.handle(context, event);
        }
        if (ignored.containsKey(event.getClass())) {
            return null;
        }
        throw new IllegalArgumentException(view + " knows no event " + event.getClass().getName() + ": it is not in the event catalog");
    }

    public String view() {
        return view;
    }

    public boolean handles(EventType type) {
        return catalog.classOf(type.value()).map(handled::containsKey).orElse(false);
    }

    /** Why the view ignores the type, or {@code null} when it handles it. */
    public String whyIgnored(EventType type) {
        return catalog.classOf(type.value()).map(ignored::get).orElse(null);
    }

    /** The types the view handles. */
    public List<EventType> handledTypes() {
        return catalog.eventClasses().stream().filter(handled::containsKey).map(catalog::typeOf).toList();
    }

    /** The types of the given catalog this view neither handles nor ignores: none for a complete view. */
    public List<EventType> undeclaredIn(EventCatalog other) {
        return other.eventClasses().stream().filter(type -> !handled.containsKey(type) && !ignored.containsKey(type))
                .map(other::typeOf).toList();
    }

    /** Declares, type by type, what a view does; {@link #against} builds the registry once every type is declared. */
    public static final class Declaration<C, R> {

        private final String view;
        private final Map<Class<? extends IntegrationEvent>, Handler<C, IntegrationEvent, R>> handled = new LinkedHashMap<>();
        private final Map<Class<? extends IntegrationEvent>, String> ignored = new LinkedHashMap<>();
        private final List<String> twice = new ArrayList<>();

        private Declaration(String view) {
            this.view = Objects.requireNonNull(view, "view");
        }

        /** The view answers events of the type with the handler. */
        public <E extends IntegrationEvent> Declaration<C, R> answers(Class<E> type, Handler<? super C, ? super E, ? extends R> handler) {
            Objects.requireNonNull(handler, "handler");
            declared(type);
            handled.put(type, (context, event) -> handler.handle(context, type.cast(event)));
            return this;
        }

        /** The view answers events of the type with what the function reads from them alone. */
        public <E extends IntegrationEvent> Declaration<C, R> reads(Class<E> type, java.util.function.Function<? super E, ? extends R> reading) {
            Objects.requireNonNull(reading, "reading");
            return answers(type, (C context, E event) -> reading.apply(event));
        }

        /** The view changes with events of the type, by the effect; it answers {@code null}. */
        public <E extends IntegrationEvent> Declaration<C, R> applies(Class<E> type, Effect<? super C, ? super E> effect) {
            Objects.requireNonNull(effect, "effect");
            return answers(type, (C context, E event) -> {
                effect.apply(context, event);
                return null;
            });
        }

        /** The view makes nothing of events of these types, for the reason given. */
        @SafeVarargs
        public final Declaration<C, R> ignores(String reason, Class<? extends IntegrationEvent>... types) {
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException(view + " ignores " + List.of(types) + " without saying why");
            }
            for (Class<? extends IntegrationEvent> type : types) {
                declared(type);
                ignored.put(type, reason);
            }
            return this;
        }

        /**
         * The registry, once every type of the catalog is declared exactly once.
         *
         * @throws IllegalStateException naming each type left undeclared, declared twice or not in the catalog
         */
        public EventRegistry<C, R> against(EventCatalog catalog) {
            List<String> faults = new ArrayList<>();
            twice.forEach(type -> faults.add(type + " is declared twice"));
            for (Class<? extends IntegrationEvent> type : catalog.eventClasses()) {
                if (!handled.containsKey(type) && !ignored.containsKey(type)) {
                    faults.add(catalog.typeOf(type) + " is neither handled nor ignored");
                }
            }
            handled.keySet().stream().filter(type -> !catalog.contains(type)).forEach(type -> faults.add(type.getName() + " is not in the catalog"));
            ignored.keySet().stream().filter(type -> !catalog.contains(type)).forEach(type -> faults.add(type.getName() + " is not in the catalog"));
            if (!faults.isEmpty()) {
                throw new IllegalStateException(view + ": " + String.join("; ", faults));
            }
            return new EventRegistry<>(this, catalog);
        }

        private void declared(Class<? extends IntegrationEvent> type) {
            Objects.requireNonNull(type, "type");
            if (handled.containsKey(type) || ignored.containsKey(type)) {
                twice.add(type.getName());
            }
        }
    }
}
