package org.roundtable.kit;

import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.TransactionSystemException;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLTransientException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Whether a failure is the database or the broker being unreachable rather than anything wrong with the event being
 * handled. Such a failure says nothing about the event: it is retried until the outage ends, never counted towards
 * setting the event aside as a dead letter. A request that fails that way, or on the database refusing for the moment,
 * is answered 503 with {@code Retry-After}.
 * <p>
 * The evidence may lie anywhere among the failure's causes, the exceptions suppressed beside them, and the exception a
 * failed commit or rollback overrode.
 */
public final class Outages {

    private static final Set<String> OUTAGE_TYPES = Set.of(
            "org.springframework.transaction.CannotCreateTransactionException",
            "org.springframework.dao.DataAccessResourceFailureException",
            "org.springframework.jdbc.CannotGetJdbcConnectionException",
            "org.hibernate.exception.JDBCConnectionException",
            "org.apache.kafka.common.errors.TimeoutException");

    /**
     * What the connection pool answers for every use of a connection it has taken away, which it does when a statement
     * on it failed because the database went (a connection exception or the server shutting down): the rest of that
     * transaction, its rollback included, fails with this instead, often after the first failure was overridden
     * (Spring throws the failed rollback, Axon reads on after a failed snapshot read). The service's code never holds
     * a connection itself, so it never meets it for a connection it closed.
     */
    private static final String POOL_CLOSED_CONNECTION = "Connection is closed";

    private static final int MOST_EXCEPTIONS_LOOKED_AT = 100;

    private Outages() {
    }

    public static boolean isOutage(Throwable failure) {
        return anyOf(failure, cause -> cause instanceof SQLTransientConnectionException || cause instanceof ConnectException
                || OUTAGE_TYPES.contains(cause.getClass().getName())
                || cause instanceof SQLException sql && (isConnectionOrShutdownState(sql.getSQLState()) || isOnAConnectionThePoolClosed(sql)));
    }

    /**
     * Whether a request that failed this way may well succeed if sent again shortly: an {@linkplain #isOutage outage},
     * or the database refusing for the moment (a lock it could not take in time, a deadlock it broke, a query it
     * cancelled), wherever it is in the chain of causes (Axon wraps what its event store meets).
     */
    public static boolean isTemporary(Throwable failure) {
        return isOutage(failure)
                || anyOf(failure, cause -> cause instanceof TransientDataAccessException || cause instanceof SQLTransientException);
    }

    /** The failure's deepest cause, its type and message, for one line of a log. */
    public static String describe(Throwable failure) {
        Throwable root = failure;
        while (next(root) != null) {
            root = next(root);
        }
        return root.getClass().getName() + ": " + root.getMessage();
    }

    /** Connection exceptions (08...) and the server shutting down or restarting (57P01..57P03). */
    private static boolean isConnectionOrShutdownState(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.startsWith("57P"));
    }

    private static boolean isOnAConnectionThePoolClosed(SQLException failure) {
        return failure.getClass() == SQLException.class && failure.getSQLState() == null
                && POOL_CLOSED_CONNECTION.equals(failure.getMessage());
    }

    /** Whether the failure, or any exception it carries (causes, suppressed, overridden), is such. */
    private static boolean anyOf(Throwable failure, Predicate<Throwable> test) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> toLookAt = new ArrayDeque<>();
        toLookAt.add(failure);
        while (!toLookAt.isEmpty() && seen.size() < MOST_EXCEPTIONS_LOOKED_AT) {
            Throwable cause = toLookAt.poll();
            if (!seen.add(cause)) {
                continue;
            }
            if (test.test(cause)) {
                return true;
            }
            if (next(cause) != null) {
                toLookAt.add(next(cause));
            }
            Collections.addAll(toLookAt, cause.getSuppressed());
            if (cause instanceof TransactionSystemException failedCompletion && failedCompletion.getApplicationException() != null) {
                toLookAt.add(failedCompletion.getApplicationException());
            }
        }
        return false;
    }

    private static Throwable next(Throwable cause) {
        return cause.getCause() == cause ? null : cause.getCause();
    }
}
