package org.roundtable.kit.idempotency;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The first answer to each (caller, {@code Idempotency-Key}), kept in the service's own database: claimed when the
 * request starts, completed with its answer when it ends. A claim older than {@link #ABANDONED_AFTER} without an answer
 * is taken to be abandoned (its process stopped) and may be claimed again; keys are kept for {@link #KEPT_FOR}.
 */
public class IdempotentRequests {

    public static final Duration KEPT_FOR = Duration.ofHours(24);
    public static final Duration ABANDONED_AFTER = Duration.ofMinutes(5);
    static final String TABLE = "idempotent_request";
    private static final int PURGE_EVERY = 500;

    /** A stored request: its fingerprint and, once it ended, its answer. */
    public record Stored(String fingerprint, Integer status, String contentType, String location, byte[] body, Instant claimedAt) {

        boolean answered() {
            return status != null;
        }
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private int claimsSincePurge;

    public IdempotentRequests(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        jdbc.execute("create table if not exists " + TABLE + " ("
                + "subject varchar(255) not null, idempotency_key varchar(255) not null, fingerprint char(64) not null, "
                + "claimed_at timestamptz not null, status integer, content_type varchar(255), location varchar(2048), body bytea, "
                + "primary key (subject, idempotency_key))");
    }

    /** Claims the key for this request; false when it is already claimed (answered, in flight, or by another request). */
    public boolean claim(String subject, String key, String fingerprint) {
        Instant now = clock.instant();
        purgeNowAndThen(now);
        int claimed = jdbc.update("insert into " + TABLE + " (subject, idempotency_key, fingerprint, claimed_at) values (?, ?, ?, ?) "
                + "on conflict do nothing", subject, key, fingerprint, Timestamp.from(now));
        if (claimed == 1) {
            return true;
        }
        return jdbc.update("update " + TABLE + " set fingerprint = ?, claimed_at = ?, status = null, content_type = null, location = null, "
                        + "body = null where subject = ? and idempotency_key = ? and ((status is null and claimed_at < ?) or claimed_at < ?)",
                fingerprint, Timestamp.from(now), subject, key, Timestamp.from(now.minus(ABANDONED_AFTER)),
                Timestamp.from(now.minus(KEPT_FOR))) == 1;
    }

    public Optional<Stored> find(String subject, String key) {
        List<Stored> found = jdbc.query("select fingerprint, status, content_type, location, body, claimed_at from " + TABLE
                        + " where subject = ? and idempotency_key = ?",
                (row, i) -> new Stored(row.getString(1), (Integer) row.getObject(2), row.getString(3), row.getString(4), row.getBytes(5),
                        row.getTimestamp(6).toInstant()), subject, key);
        return found.stream().findFirst();
    }

    public void answer(String subject, String key, int status, String contentType, String location, byte[] body) {
        jdbc.update("update " + TABLE + " set status = ?, content_type = ?, location = ?, body = ? where subject = ? and idempotency_key = ?",
                status, contentType, location, body, subject, key);
    }

    /** Gives the key up (the request failed on the server's side), so that a retry is carried out afresh. */
    public void release(String subject, String key) {
        jdbc.update("delete from " + TABLE + " where subject = ? and idempotency_key = ? and status is null", subject, key);
    }

    private void purgeNowAndThen(Instant now) {
        boolean purge;
        synchronized (this) {
            purge = ++claimsSincePurge >= PURGE_EVERY;
            if (purge) {
                claimsSincePurge = 0;
            }
        }
        if (purge) {
            try {
                jdbc.update("delete from " + TABLE + " where claimed_at < ?", Timestamp.from(now.minus(KEPT_FOR)));
            } catch (DataAccessException ignored) {
                // an expired key left for the next purge harms nothing: it is claimed afresh when used again
            }
        }
    }
}
