package org.roundtable.kit.axon;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.roundtable.kit.domain.RuleViolation;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ConcurrentAppendRetriesTest {

    private static final CommandMessage<?> COMMAND = GenericCommandMessage.asCommandMessage("rename");

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ConcurrentAppendRetries retries = new ConcurrentAppendRetries(3, Duration.ofMillis(1), meters);

    @AfterEach
    void close() {
        retries.close();
        TransactionSynchronizationManager.setActualTransactionActive(false);
    }

    @Test
    void aCommandRefusedByAConcurrentAppendIsSentAgainUpToTheLimit() throws Exception {
        for (int failures = 1; failures <= 3; failures++) {
            CountDownLatch sent = new CountDownLatch(1);
            assertThat(retries.scheduleRetry(COMMAND, new ConcurrencyException("sequence 7 taken"), failures(failures), sent::countDown))
                    .as("retry after failure %d", failures).isTrue();
            assertThat(sent.await(5, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(retries.scheduleRetry(COMMAND, new ConcurrencyException("sequence 7 taken"), failures(4), () -> { }))
                .as("a conflict that outlasts the retries is the sender's").isFalse();
        assertThat(meters.counter("roundtable.commands.retried").count()).isEqualTo(3);
    }

    @Test
    void aConcurrentAppendIsRecognisedAnywhereInTheChainOfCauses() {
        assertThat(retries.scheduleRetry(COMMAND, new CommandExecutionException("failed",
                new ConcurrencyException("sequence 7 taken")), failures(1), () -> { })).isTrue();
        assertThat(retries.scheduleRetry(COMMAND, new AggregateStreamCreationException("created at the same moment"),
                failures(1), () -> { })).isTrue();
    }

    @Test
    void aRefusalByADomainRuleOrAnOutageIsAnsweredAtOnce() {
        assertThat(retries.scheduleRetry(COMMAND, new RuleViolation("endorsements are closed"), failures(1), () -> { })).isFalse();
        assertThat(retries.scheduleRetry(COMMAND, new CannotCreateTransactionException("no connection"), failures(1), () -> { }))
                .isFalse();
        assertThat(meters.counter("roundtable.commands.retried").count()).isZero();
    }

    @Test
    void aCommandSentInsideItsSendersTransactionIsLeftToTheSender() {
        TransactionSynchronizationManager.setActualTransactionActive(true);
        assertThat(retries.scheduleRetry(COMMAND, new ConcurrencyException("sequence 7 taken"), failures(1), () -> { })).isFalse();
    }

    @Test
    void noRetriesWhenTheyAreTurnedOff() {
        try (ConcurrentAppendRetries off = new ConcurrentAppendRetries(0, Duration.ofMillis(1), meters)) {
            assertThat(off.scheduleRetry(COMMAND, new ConcurrencyException("sequence 7 taken"), failures(1), () -> { })).isFalse();
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Class<? extends Throwable>[]> failures(int count) {
        List<Class<? extends Throwable>[]> failures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            failures.add(new Class[]{ConcurrencyException.class});
        }
        return failures;
    }
}
