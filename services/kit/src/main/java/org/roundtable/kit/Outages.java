package org.roundtable.kit;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Whether a failure is the database or the broker being unreachable rather than anything wrong with the event being
 * handled. Such a failure says nothing about the event: it is retried until the outage ends, never counted towards
 * setting the event aside as a dead letter.
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
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
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
}
