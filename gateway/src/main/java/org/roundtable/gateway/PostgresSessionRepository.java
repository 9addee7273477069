package org.roundtable.gateway;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.ConfigurableObjectInputStream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.session.MapSession;
import org.springframework.session.ReactiveSessionRepository;
import org.springframework.transaction.support.TransactionTemplate;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Browser sessions in the gateway's PostgreSQL database, so that a session begun at one gateway instance is known to
 * every other and outlives a restart. A session is one row: its times and its attributes (the signed-in person's
 * security context and OAuth2 tokens, Java-serialized as Spring Security's types allow). JDBC blocks, so every call
 * runs on the bounded elastic scheduler. Expired rows are never returned and are {@linkplain #deleteExpired()
 * deleted} from time to time.
 */
public class PostgresSessionRepository implements ReactiveSessionRepository<MapSession> {

    private static final String UPSERT = "insert into gateway_session (id, created_at, last_accessed_at, max_inactive_seconds, expires_at, attributes)"
            + " values (?, ?, ?, ?, ?, ?) on conflict (id) do update set last_accessed_at = excluded.last_accessed_at,"
            + " max_inactive_seconds = excluded.max_inactive_seconds, expires_at = excluded.expires_at, attributes = excluded.attributes";

    private static final Logger log = LoggerFactory.getLogger(PostgresSessionRepository.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Duration maxInactiveInterval;

    public PostgresSessionRepository(JdbcTemplate jdbc, TransactionTemplate transactions, Duration maxInactiveInterval) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.maxInactiveInterval = maxInactiveInterval;
    }

    @Override
    public Mono<MapSession> createSession() {
        return Mono.fromSupplier(() -> {
            MapSession session = new MapSession();
            session.setMaxInactiveInterval(maxInactiveInterval);
            return session;
        });
    }

    @Override
    public Mono<Void> save(MapSession session) {
        return Mono.<Void>fromRunnable(() -> transactions.executeWithoutResult(status -> {
            // a session whose id was changed (as at sign-in) leaves no row under its old id
            if (session.getOriginalId() != null && !session.getOriginalId().equals(session.getId())) {
                jdbc.update("delete from gateway_session where id = ?", session.getOriginalId());
            }
            Instant expiresAt = session.getLastAccessedTime().plus(session.getMaxInactiveInterval());
            jdbc.update(UPSERT, session.getId(), Timestamp.from(session.getCreationTime()), Timestamp.from(session.getLastAccessedTime()),
                    (int) session.getMaxInactiveInterval().toSeconds(), Timestamp.from(expiresAt), serialize(session));
        })).subscribeOn(Schedulers.boundedElastic());
    }

    @Override
    public Mono<MapSession> findById(String id) {
        return Mono.fromCallable(() -> jdbc.query(
                "select created_at, last_accessed_at, max_inactive_seconds, attributes from gateway_session"
                        + " where id = ? and expires_at > statement_timestamp()",
                rows -> {
                    if (!rows.next()) {
                        return null;
                    }
                    MapSession session = new MapSession(id);
                    session.setCreationTime(rows.getTimestamp("created_at").toInstant());
                    session.setLastAccessedTime(rows.getTimestamp("last_accessed_at").toInstant());
                    session.setMaxInactiveInterval(Duration.ofSeconds(rows.getInt("max_inactive_seconds")));
                    Map<String, Object> attributes = deserialize(id, rows.getBytes("attributes"));
                    if (attributes == null) {
                        return null;
                    }
                    attributes.forEach(session::setAttribute);
                    return session;
                }, id)).subscribeOn(Schedulers.boundedElastic());
    }

    @Override
    public Mono<Void> deleteById(String id) {
        return Mono.<Void>fromRunnable(() -> jdbc.update("delete from gateway_session where id = ?", id))
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** Deletes the sessions that have expired; returns how many. */
    int deleteExpired() {
        return jdbc.update("delete from gateway_session where expires_at <= statement_timestamp()");
    }

    private static byte[] serialize(MapSession session) {
        HashMap<String, Object> attributes = new HashMap<>();
        session.getAttributeNames().forEach(name -> attributes.put(name, session.getAttribute(name)));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(attributes);
        } catch (IOException failure) {
            throw new UncheckedIOException("a session attribute cannot be stored: " + failure.getMessage(), failure);
        }
        return bytes.toByteArray();
    }

    /** The attributes, or {@code null} for a session stored by a version of the gateway whose types are gone: no session. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> deserialize(String id, byte[] stored) {
        try (ObjectInputStream in = new ConfigurableObjectInputStream(new ByteArrayInputStream(stored),
                PostgresSessionRepository.class.getClassLoader())) {
            return (Map<String, Object>) in.readObject();
        } catch (IOException | ClassNotFoundException | ClassCastException unreadable) {
            log.warn("session {} cannot be read and counts as none: {}", id, unreadable.toString());
            return null;
        }
    }
}
