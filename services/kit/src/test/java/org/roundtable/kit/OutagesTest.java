package org.roundtable.kit;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.net.ConnectException;
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
    void aLockTheDatabaseCouldNotTakeInTimeIsTemporaryButNoOutage() {
        CannotAcquireLockException lock = new CannotAcquireLockException("lock timeout");
        assertThat(Outages.isTemporary(new CommandExecutionException("command failed", lock))).isTrue();
        assertThat(Outages.isOutage(lock)).isFalse();
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
