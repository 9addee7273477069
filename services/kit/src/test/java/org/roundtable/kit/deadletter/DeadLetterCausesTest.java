package org.roundtable.kit.deadletter;

import org.axonframework.messaging.deadletter.ThrowableCause;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterCausesTest {

    @Test
    void aDeadLetterNamesTheInnermostCauseNotItsWrappers() {
        SQLException refused = new SQLException("ERROR: value too long for type character varying(40)");
        RuntimeException wrapped = new IllegalStateException("could not execute statement", new RuntimeException("flush failed", refused));

        ThrowableCause cause = DeadLetterCauses.of(new RetriesExhausted(wrapped));

        assertThat(cause.type()).isEqualTo(SQLException.class.getName());
        assertThat(cause.message()).isEqualTo("ERROR: value too long for type character varying(40)");
        assertThat(DeadLetterCauses.describe(wrapped)).isEqualTo("SQLException: ERROR: value too long for type character varying(40)");
    }

    @Test
    void aCauseBuiltFromUserInputIsCutToWhatTheDeadLetterTableHolds() {
        ThrowableCause cause = DeadLetterCauses.of(new IllegalArgumentException("x".repeat(1_000_000)));

        assertThat(cause.message()).hasSize(ThrowableCause.TRUNCATED_MESSAGE_SIZE).endsWith("…");
    }
}
