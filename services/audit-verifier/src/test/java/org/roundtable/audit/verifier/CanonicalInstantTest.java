package org.roundtable.audit.verifier;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class CanonicalInstantTest {

    @Test
    void readsEveryInstantAsInstantWritesIt() {
        Random random = new Random(20);
        for (int i = 0; i < 100_000; i++) {
            long second = random.nextLong(Instant.parse("0000-01-01T00:00:00Z").getEpochSecond(), Instant.parse("9999-12-31T23:59:59Z").getEpochSecond());
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1_000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(second, nanos);
            assertThat(CanonicalInstant.parse(instant.toString())).isEqualTo(instant);
        }
    }

    @Test
    void leavesEveryOtherSpellingToTheGeneralReader() {
        for (String other : new String[]{"2026-03-01T12:00:00.000Z", "2026-03-01T12:00:00.100000Z", "2026-03-01T12:00:00.123000Z",
                "2026-03-01T12:00:00.123456000Z", "2026-03-01T12:00:00+00:00", "2026-03-01T12:00Z", "2026-02-30T12:00:00Z",
                "2026-03-01T24:00:00Z", "2026-03-01T12:60:00Z", "2026-03-01T12:00:60Z", "2026-13-01T12:00:00Z", "2026-03-01 12:00:00Z",
                "2026-03-01T12:00:00.12Z", "2026-03-01T12:00:00,123Z", "+2026-03-01T12:00:00Z", "2026-03-01T12:00:0aZ", "2026-03-01T12:00:00z"}) {
            assertThat(CanonicalInstant.parse(other)).as(other).isNull();
        }
    }
}
