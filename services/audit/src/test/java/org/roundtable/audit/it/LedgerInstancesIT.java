package org.roundtable.audit.it;

import org.junit.jupiter.api.Test;
import org.roundtable.audit.AuditApplication;
import org.roundtable.events.Actor;
import org.roundtable.events.EventEnvelope;
import org.roundtable.events.Role;
import org.roundtable.events.participation.EndorsementGiven;
import org.roundtable.testsupport.AnotherInstance;
import org.roundtable.testsupport.ApiClient;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the audit service share the topics' partitions through the ledger's consumer group: while events
 * keep arriving, a second instance joins (the partitions are shared out again) and later leaves (they come back), so
 * batches are taken from one instance in the middle of being appended. The database says where each partition's chain
 * resumes and the writers' lock orders the appends: the ledger holds every event once, at gapless positions, in chains
 * that verify.
 */
class LedgerInstancesIT extends AuditIntegrationTest {

    private static final int MAX_EVENTS = 2_000;

    @Test
    void whileASecondInstanceJoinsAndLeavesTheLedgerHoldsEveryEventOnceAndVerifies() throws Exception {
        List<EventEnvelope> sent = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean publishing = new AtomicBoolean(true);
        ExecutorService publisher = Executors.newSingleThreadExecutor();
        Future<?> publishingDone = publisher.submit(() -> {
            while (publishing.get() && sent.size() < MAX_EVENTS) {
                String proposalId = UUID.randomUUID().toString();
                List<EventEnvelope> burst = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    String citizen = "citizen-" + UUID.randomUUID();
                    burst.add(envelope(proposalId, Actor.of(citizen, Role.CITIZEN), new EndorsementGiven(proposalId, citizen, null, "yes")));
                }
                publish(burst.toArray(EventEnvelope[]::new));
                sent.addAll(burst);
            }
        });
        try {
            try (AnotherInstance second = AnotherInstance.start(AuditApplication.class, "audit", "audit-second",
                    "roundtable.audit.signing-key=target/audit-it/live-ledger-signing-key.pem",
                    "roundtable.audit.witnesses-file=target/audit-it/witnesses.vkey",
                    "roundtable.audit.checkpoint-interval=2s")) {
                long joinedAt = sent.size();
                awaitLedgerSize(ledgerSize() + 50);
                assertThat(sent.size()).as("events published while both instances read").isGreaterThan((int) joinedAt);
            }
            long leftAt = sent.size();
            awaitLedgerSize(ledgerSize() + 50);
            assertThat(sent.size()).isGreaterThan((int) leftAt);
        } finally {
            publishing.set(false);
            publishingDone.get(60, TimeUnit.SECONDS);
            publisher.shutdownNow();
        }

        awaitLedgerHolds(sent.toArray(EventEnvelope[]::new));
        assertThat(jdbc.queryForObject("select count(*) from ledger_entry where event_id = any(?)", Long.class,
                (Object) sent.stream().map(EventEnvelope::id).toArray(String[]::new))).isEqualTo(sent.size());
        assertThat(jdbc.queryForObject("select count(*) from (select event_id from ledger_entry where event_id is not null "
                + "group by event_id having count(*) > 1) repeated", Long.class)).as("events recorded more than once").isZero();
        assertThat(jdbc.queryForObject("select max(position) = count(*) from ledger_entry", Boolean.class)).as("positions 1..n").isTrue();
        expect(201, api().post("/api/audit/checkpoints", auditor(), null));
        ApiClient.Response verified = api().get("/api/audit/verification", auditor());
        expect(200, verified);
        assertThat(verified.body().get("intact").asBoolean()).as(verified.body().toString()).isTrue();
    }
}
