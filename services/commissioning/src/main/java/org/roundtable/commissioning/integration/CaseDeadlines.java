package org.roundtable.commissioning.integration;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.roundtable.commissioning.domain.CommissioningCommands.CloseAtDeadline;
import org.roundtable.events.commissioning.DecisionReached;
import org.roundtable.events.commissioning.PanelAssembled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.time.Duration;

/**
 * Closes each case at its panel's deadline, once, however many instances of the service run. The deadline is a row
 * of the service's own database (a db-scheduler execution in {@value #TABLE}), written when the panel is assembled,
 * moved when it is assembled again and removed when the case is decided first. Whichever instance picks the row up
 * when it falls due sends {@code CloseAtDeadline}; the row is locked while it runs, so no other instance does. A
 * deadline that passed while every instance was stopped falls due on the first poll after one starts. Handlers of
 * this group run on a tracking processor from the start of the event store, so cases assembled before this group
 * existed are scheduled too; a stale deadline does nothing, because the case closes only if it is still due.
 */
@Component
@ProcessingGroup(CaseDeadlines.PROCESSING_GROUP)
public class CaseDeadlines implements SmartLifecycle {

    public static final String PROCESSING_GROUP = "case-deadlines";
    static final String TABLE = "case_deadlines";
    static final String TASK = "close-case-at-deadline";

    private static final Logger log = LoggerFactory.getLogger(CaseDeadlines.class);

    private final OneTimeTask<Void> closeAtDeadline;
    private final Scheduler scheduler;
    private volatile boolean running;

    CaseDeadlines(DataSource dataSource, CommandGateway commands,
                  @Value("${roundtable.commissioning.deadline-poll:2s}") Duration poll) {
        createTableIfMissing(new JdbcTemplate(dataSource));
        closeAtDeadline = Tasks.oneTime(TASK)
                .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofSeconds(1), 2.0))
                .execute((instance, context) -> {
                    log.info("case {} reached its deadline", instance.getId());
                    commands.sendAndWait(new CloseAtDeadline(instance.getId()));
                });
        scheduler = Scheduler.create(dataSource, closeAtDeadline)
                .tableName(TABLE)
                .pollingInterval(poll)
                .pollUsingLockAndFetch(0.5, 1.0)
                .threads(2)
                .enableImmediateExecution()
                .build();
    }

    @EventHandler
    void on(PanelAssembled event) {
        TaskInstanceId deadline = TaskInstanceId.of(TASK, event.caseId());
        if (!scheduler.scheduleIfNotExists(closeAtDeadline.instance(event.caseId()), event.deadline())
                && !scheduler.reschedule(deadline, event.deadline())) {
            // the earlier sitting's deadline is running at this moment; once it ends, the retry schedules this one
            throw new IllegalStateException("the deadline of case " + event.caseId() + " is being carried out; scheduling the new one again");
        }
    }

    @EventHandler
    void on(DecisionReached event) {
        TaskInstanceId deadline = TaskInstanceId.of(TASK, event.caseId());
        scheduler.getScheduledExecution(deadline).filter(execution -> !execution.isPicked()).ifPresent(execution -> scheduler.cancel(deadline));
    }

    private static void createTableIfMissing(JdbcTemplate jdbc) {
        jdbc.execute("create table if not exists " + TABLE + " ("
                + "task_name text not null, task_instance text not null, task_data bytea,"
                + " execution_time timestamp with time zone not null, picked boolean not null, picked_by text,"
                + " last_success timestamp with time zone, last_failure timestamp with time zone, consecutive_failures int,"
                + " last_heartbeat timestamp with time zone, version bigint not null, priority smallint,"
                + " primary key (task_name, task_instance))");
        jdbc.execute("create index if not exists " + TABLE + "_execution_time on " + TABLE + " (execution_time)");
        jdbc.execute("create index if not exists " + TABLE + "_last_heartbeat on " + TABLE + " (last_heartbeat)");
    }

    @Override
    public void start() {
        scheduler.start();
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        scheduler.stop();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
