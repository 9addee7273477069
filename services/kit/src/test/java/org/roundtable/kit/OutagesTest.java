package org.roundtable.kit;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.hibernate.TransactionException;
import org.hibernate.exception.GenericJDBCException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

class OutagesTest {

    @Test
    void anUnreachableDatabaseOrBrokerIsAnOutageWhereverItIsInTheChainOfCauses() {
        assertThat(Outages.isOutage(new CannotCreateTransactionException("no connection",
                new SQLTransientConnectionException("pool timed out")))).isTrue();
        assertThat(Outages.isOutage(new IllegalStateException("handler failed",
                new PSQLException("Connection to 127.0.0.1:15432 refused", PSQLState.CONNECTION_UNABLE_TO_CONNECT)))).isTrue();
        assertThat(Outages.isOutage(new RuntimeException(new PSQLException("terminating connection due to administrator command",
                PSQLState.UNKNOWN_STATE) {
            @Override
            public String getSQLState() {
                return "57P01";
            }
        }))).isTrue();
        assertThat(Outages.isOutage(new RuntimeException(new ConnectException("Connection refused")))).isTrue();
    }

    @Test
    void whatAxonMeetsInItsEventStoreOrACommandIsTemporaryWhenItsCauseIs() {
        assertThat(Outages.isTemporary(new EventStoreException("appending failed", new JDBCConnectionException("I/O error",
                new PSQLException("An I/O error occurred while sending to the backend", PSQLState.CONNECTION_FAILURE))))).isTrue();
        assertThat(Outages.isTemporary(new CommandExecutionException("command failed",
                new CannotGetJdbcConnectionException("no connection")))).isTrue();
        assertThat(Outages.isTemporary(new TransactionSystemException("could not commit",
                new PSQLException("terminating connection", PSQLState.CONNECTION_FAILURE)))).isTrue();
    }

    @Test
    void aRollbackThatFailedOnTheConnectionThePoolTookAwayWhenTheDatabaseWentIsAnOutage() {
        // what Spring throws when the server shut down during a read-only transaction: the query failed 57P01, the pool
        // took the connection away, and the rollback's failure overrode the query's
        JpaSystemException rollback = new JpaSystemException(new TransactionException("Unable to rollback against JDBC Connection",
                closedByThePool()));
        assertThat(Outages.isOutage(rollback)).isTrue();
        assertThat(Outages.isTemporary(rollback)).isTrue();
        // what Axon throws when it reads the event stream on after its snapshot read failed on the same connection
        assertThat(Outages.isOutage(new GenericJDBCException("Could not prepare statement [Connection is closed]", closedByThePool(),
                "select ... from domain_event_entry"))).isTrue();
    }

    @Test
    void aFailedRollbackOrCommitIsAnOutageWhenTheFailureItOverrodeOrSuppressedIs() {
        PSQLException shutdown = new PSQLException("terminating connection due to administrator command", PSQLState.UNKNOWN_STATE) {
            @Override
            public String getSQLState() {
                return "57P01";
            }
        };
        TransactionSystemException rollback = new TransactionSystemException("Could not roll back JPA transaction",
                new IllegalStateException("rollback failed"));
        rollback.initApplicationException(shutdown);
        assertThat(Outages.isOutage(rollback)).isTrue();

        IllegalStateException failure = new IllegalStateException("commit failed");
        failure.addSuppressed(new RuntimeException(new ConnectException("Connection refused")));
        assertThat(Outages.isOutage(failure)).isTrue();
    }

    @Test
    void aRollbackOrCommitThatFailedForAnythingButTheDatabaseGoingIsNoOutage() {
        assertThat(Outages.isTemporary(new JpaSystemException(new TransactionException("Unable to rollback against JDBC Connection",
                new SQLException("Connection is closed", "XX000"))))).isFalse();
        assertThat(Outages.isTemporary(new JpaSystemException(new TransactionException("Unable to rollback against JDBC Connection",
                new SQLException("ResultSet is closed"))))).isFalse();
        TransactionSystemException commit = new TransactionSystemException("Could not commit JPA transaction",
                new IllegalStateException("Transaction marked as rollbackOnly"));
        commit.initApplicationException(new IllegalArgumentException("no such sample"));
        assertThat(Outages.isTemporary(commit)).isFalse();
    }

    @Test
    void aLockTheDatabaseCouldNotTakeInTimeIsTemporaryButNoOutage() {
        CannotAcquireLockException lock = new CannotAcquireLockException("lock timeout");
        assertThat(Outages.isTemporary(new CommandExecutionException("command failed", lock))).isTrue();
        assertThat(Outages.isOutage(lock)).isFalse();
    }

    /** What the pool (HikariCP) throws for every use of a connection it took away. */
    private static SQLException closedByThePool() {
        return new SQLException("Connection is closed");
    }

    @Test
    void whatTheDatabaseRefusesAndWhatAHandlerThrowsAreNot() {
        assertThat(Outages.isTemporary(new DataIntegrityViolationException("too long",
                new PSQLException("value too long for type character varying(40)", PSQLState.STRING_DATA_RIGHT_TRUNCATION)))).isFalse();
        assertThat(Outages.isTemporary(new EventStoreException("unreadable event", new IllegalStateException("bad payload"))))
                .isFalse();
        assertThat(Outages.isOutage(new DataIntegrityViolationException("too long",
                new PSQLException("value too long for type character varying(40)", PSQLState.STRING_DATA_RIGHT_TRUNCATION)))).isFalse();
        assertThat(Outages.isOutage(new IllegalStateException("sample refuses decision"))).isFalse();
    }
}
