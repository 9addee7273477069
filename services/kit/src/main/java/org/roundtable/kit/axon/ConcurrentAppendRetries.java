package org.roundtable.kit.axon;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends a command again when another instance of the service appended to the same aggregate at the same moment: the
 * event store refused this one's events at the sequence the other took (Axon's {@link ConcurrencyException}, or
 * {@link AggregateStreamCreationException} when both created the aggregate). The command is handled again on the
 * aggregate as it now stands, so it decides afresh; it keeps its metadata (actor, correlation, cause) because the
 * stamped message is what is sent again. At most {@code retries} times, waiting {@code backoff}, then twice that, and
 * so on up to 32 times {@code backoff}, each wait drawn between half and one and a half of it so the two instances do
 * not collide again in step; after that the conflict is the sender's (409). Any other failure, a refusal by a domain
 * rule above all, is answered at once.
 * <p>
 * A command sent inside a transaction of its sender's (an inbox handler's) is not retried: its events joined that
 * transaction, which the refused insert has spoiled, and the sender's own redelivery sends it again. A retry runs on
 * one of this scheduler's threads, in a transaction of its own.
 */
public class ConcurrentAppendRetries implements RetryScheduler, AutoCloseable {

    private final int retries;
    private final Duration backoff;
    private final ScheduledExecutorService executor;
    private final Counter retried;

    public ConcurrentAppendRetries(int retries, Duration backoff, MeterRegistry registry) {
        if (retries < 0) {
            throw new IllegalArgumentException("retries must not be negative, was " + retries);
        }
        this.retries = retries;
        this.backoff = backoff;
        AtomicInteger threads = new AtomicInteger();
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(2, task -> {
            Thread thread = new Thread(task, "command-retry-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        pool.setRemoveOnCancelPolicy(true);
        this.executor = pool;
        this.retried = Counter.builder("roundtable.commands.retried")
                .description("Commands sent again after another instance appended to their aggregate at the same moment")
                .register(registry);
    }

    @Override
    public boolean scheduleRetry(CommandMessage commandMessage, RuntimeException lastFailure,
                                 List<Class<? extends Throwable>[]> failures, Runnable dispatchTask) {
        int attempt = failures.size();
        if (attempt > retries || !isConcurrentAppend(lastFailure) || insideSendersWork()) {
            return false;
        }
        try {
            executor.schedule(dispatchTask, delayMillis(attempt), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closing) {
            return false;
        }
        retried.increment();
        return true;
    }

    static boolean isConcurrentAppend(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ConcurrencyException || cause instanceof AggregateStreamCreationException) {
                return true;
            }
        }
        return false;
    }

    /** Whether the command ran inside its sender's transaction or unit of work (the command's own have ended by now). */
    private static boolean insideSendersWork() {
        return TransactionSynchronizationManager.isActualTransactionActive() || CurrentUnitOfWork.isStarted();
    }

    private long delayMillis(int attempt) {
        long window = backoff.toMillis() << Math.min(attempt - 1, 5);
        return Math.max(1, (long) (window * ThreadLocalRandom.current().nextDouble(0.5, 1.5)));
    }

    @Override
    public void close() {
        executor.shutdown();
    }
}
