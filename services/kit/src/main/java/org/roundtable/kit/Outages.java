package org.roundtable.kit;

import org.springframework.dao.TransientDataAccessException;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * Whether a failure is the database or the broker being unreachable rather than anything wrong with the event being
 * handled. Such a failure says nothing about the event: it is retried until the outage ends, never counted towards
 * setting the event aside as a dead letter. A request that fails that way, or on the database refusing for the moment,
 * is answered 503 with {@code Retry-After}.
 */
public final class Outages {

    private static final Set<String> OUTAGE_TYPES = Set.of(
            "org.springframework.transaction.CannotCreateTransactionException",
            "org.springframework.dao.DataAccessResourceFailureException",
            "org.springframework.jdbc.CannotGetJdbcConnectionException",
            "org.hibernate.exception.JDBCConnectionException",
            "org.apache.kafka.common.errors.TimeoutException");

    private Outages() {
    }

    public static boolean isOutage(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof ConnectException
                    || OUTAGE_TYPES.contains(cause.getClass().getName())) {
                return true;
            }
            // connection exceptions (08...) and the server shutting down or restarting (57P01..57P03)
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a request that failed this way may well succeed if sent again shortly: an {@linkplain #isOutage outage},
     * or the database refusing for the moment (a lock it could not take in time, a deadlock it broke, a query it
     * cancelled), wherever it is in the chain of causes (Axon wraps what its event store meets).
     */
    public static boolean isTemporary(Throwable failure) {
        if (isOutage(failure)) {
            return true;
        }
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            if (cause instanceof TransientDataAccessException || cause instanceof SQLTransientException) {
                return true;
            }
        }
        return false;
    }

    /** The failure's deepest cause, its type and message, for one line of a log. */
    public static String describe(Throwable failure) {
        Throwable root = failure;
        while (next(root) != null) {
            root = next(root);
        }
        return root.getClass().getName() + ": " + root.getMessage();
    }

    private static Throwable next(Throwable cause) {
        return cause.getCause() == cause ? null : cause.getCause();
    }
}
