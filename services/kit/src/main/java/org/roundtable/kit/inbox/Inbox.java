package org.roundtable.kit.inbox;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.roundtable.events.EventCatalog;
import org.roundtable.events.EventEnvelope;
import org.roundtable.events.IntegrationEvent;
import org.roundtable.events.KafkaEnvelopeCodec;
import org.roundtable.events.Source;
import org.roundtable.kit.actor.InboundEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.ClassUtils;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Handles other services' events exactly once: the event id is remembered in the service's database in the same
 * transaction as the handler's effect (and, for an event a saga or a projection of this service takes, its copy in the
 * service's event store: see {@link InboxHistory}), so a redelivered event is recognised and skipped. A record that cannot be
 * decoded, or whose handler keeps failing, is sent to the topic's dead-letter topic by the container's error
 * handler, and consumption goes on.
 */
public class Inbox {

    static final String TABLE = "roundtable_inbox";

    private final String consumer;
    private final EventCatalog catalog;
    private final KafkaEnvelopeCodec codec;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final InboxMetrics metrics;
    private final InboxHistory history;
    private final Map<Class<?>, List<Handler>> handlers = new LinkedHashMap<>();

    public Inbox(String consumer, EventCatalog catalog, KafkaEnvelopeCodec codec, JdbcTemplate jdbc,
                 TransactionTemplate transaction, InboxMetrics metrics, InboxHistory history) {
        this.consumer = consumer;
        this.catalog = catalog;
        this.codec = codec;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.metrics = metrics;
        this.history = history;
    }

    void createTable() {
        jdbc.execute("create table if not exists " + TABLE + " ("
                + "consumer varchar(100) not null, "
                + "event_id varchar(100) not null, "
                + "event_type varchar(200) not null, "
                + "topic varchar(200) not null, "
                + "handled_at timestamp with time zone not null, "
                + "primary key (consumer, event_id))");
    }

    /**
     * Finds every {@link InboxHandler} method among the context's beans, and every other service's event that an Axon
     * event handler of the service takes (a saga's or a projection's), which the inbox keeps in the event store.
     */
    void discoverHandlers(ApplicationContext context) {
        for (String name : context.getBeanDefinitionNames()) {
            Class<?> type = context.getType(name, false);
            if (type == null) {
                continue;
            }
            Class<?> userClass = ClassUtils.getUserClass(type);
            Map<Method, InboxHandler> methods = MethodIntrospector.selectMethods(userClass,
                    (MethodIntrospector.MetadataLookup<InboxHandler>) method -> AnnotatedElementUtils.findMergedAnnotation(method, InboxHandler.class));
            MethodIntrospector.selectMethods(userClass, (MethodIntrospector.MetadataLookup<Method>) method -> method)
                    .keySet().forEach(history::consider);
            if (methods.isEmpty()) {
                continue;
            }
            Object bean = context.getBean(name);
            methods.keySet().forEach(method -> register(bean, method));
        }
    }

    private void register(Object bean, Method method) {
        Class<?>[] parameters = method.getParameterTypes();
        boolean shaped = (parameters.length == 1 || (parameters.length == 2 && parameters[1] == EventEnvelope.class))
                && IntegrationEvent.class.isAssignableFrom(parameters[0]);
        if (!shaped) {
            throw new IllegalStateException("@InboxHandler " + method + " must take (SomeEvent) or (SomeEvent, EventEnvelope)");
        }
        if (!catalog.contains(parameters[0])) {
            throw new IllegalStateException("@InboxHandler " + method + " handles " + parameters[0].getName()
                    + ", which is not in the event catalog");
        }
        method.setAccessible(true);
        handlers.computeIfAbsent(parameters[0], key -> new ArrayList<>()).add(new Handler(bean, method));
    }

    /** The topics of the events this service handles. */
    public Set<String> topics() {
        Set<String> topics = new TreeSet<>();
        handlers.keySet().forEach(eventClass -> topics.add(catalog.typeOf(eventClass).source().topic()));
        history.kept().forEach(eventClass -> topics.add(catalog.typeOf(eventClass).source().topic()));
        return topics;
    }

    public Set<String> deadLetterTopics() {
        Set<String> topics = new TreeSet<>();
        topics().forEach(topic -> topics.add(Source.deadLetterTopicOf(topic)));
        return topics;
    }

    /**
     * Handles one record; throws when it cannot be decoded or its handler fails, so it is retried or dead-lettered.
     * Returns whether this was the first time: false for an event handled before (or one this service ignores).
     */
    public boolean handle(ConsumerRecord<String, byte[]> record) {
        if (isCataloguedButUnhandled(record)) {
            return false;
        }
        EventEnvelope envelope = codec.decode(record);
        List<Handler> eventHandlers = handlers.getOrDefault(envelope.data().getClass(), List.of());
        boolean kept = history.keeps(envelope.data().getClass());
        if (eventHandlers.isEmpty() && !kept) {
            return false;
        }
        boolean firstTime = Boolean.TRUE.equals(transaction.execute(status -> {
            int remembered = jdbc.update("insert into " + TABLE + " (consumer, event_id, event_type, topic, handled_at) "
                            + "values (?, ?, ?, ?, ?) on conflict do nothing",
                    consumer, envelope.id(), envelope.type().value(), record.topic(), Timestamp.from(Instant.now()));
            if (remembered == 0) {
                return false;
            }
            if (kept) {
                history.append(envelope);
            }
            InboundEvent.reactingTo(envelope, () -> {
                eventHandlers.forEach(handler -> handler.invoke(envelope));
                return null;
            });
            return true;
        }));
        if (firstTime) {
            metrics.handled(record.topic(), envelope.type().value());
        } else {
            metrics.duplicate(record.topic());
        }
        return firstTime;
    }

    /** Whether the event with this id has been handled here. */
    public boolean hasHandled(String eventId) {
        Integer count = jdbc.queryForObject("select count(*) from " + TABLE + " where consumer = ? and event_id = ?",
                Integer.class, consumer, eventId);
        return count != null && count > 0;
    }

    private boolean isCataloguedButUnhandled(ConsumerRecord<String, byte[]> record) {
        Header type = record.headers().lastHeader("ce_type");
        if (type == null) {
            return false;
        }
        return catalog.classOf(new String(type.value(), StandardCharsets.UTF_8))
                .map(eventClass -> !handlers.containsKey(eventClass) && !history.keeps(eventClass))
                .orElse(false);
    }

    private record Handler(Object bean, Method method) {

        void invoke(EventEnvelope envelope) {
            try {
                if (method.getParameterCount() == 1) {
                    method.invoke(bean, envelope.data());
                } else {
                    method.invoke(bean, envelope.data(), envelope);
                }
            } catch (InvocationTargetException failure) {
                if (failure.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IllegalStateException(failure.getCause());
            } catch (IllegalAccessException inaccessible) {
                throw new IllegalStateException(inaccessible);
            }
        }
    }
}
