package org.roundtable.benchmarks;

import io.gatling.app.Gatling$;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * One Gatling run of {@link RequestLoadSimulation} in this JVM: {@code users} virtual users, each on its own kept-alive
 * connection, sending the same kind of request one after another for {@code duration}, every request from the next
 * record of the feeder (a citizen's token and what they act on). Bounded in time by the duration (and a hard stop a
 * minute after it) and in count by the feeder. Gatling's own run log stays in {@code results}; the figures come from
 * each answer's status and response time as Gatling measured it.
 *
 * @param name           what the run is called in Gatling's log
 * @param baseUrl        where the requests go (the gateway, or a service straight)
 * @param path           the path, with Gatling's {@code #{...}} placeholders for the feeder's fields
 * @param body           a JSON body to POST, or {@code null} to GET
 * @param expectedStatus the status every request must get to count as done
 */
record HttpLoad(String name, String baseUrl, String path, String body, int expectedStatus, int users, Duration duration,
                Iterator<Map<String, Object>> feeder) {

    /** What a run measured: requests answered as expected, the others, throughput over the run and latency quantiles. */
    record Result(long ok, long failed, double perSecond, double p50Millis, double p99Millis) {

        String describe() {
            return String.format(Locale.ROOT, "%.0f/s, p50 %.0f ms, p99 %.0f ms%s", perSecond, p50Millis, p99Millis,
                    failed == 0 ? "" : String.format(Locale.ROOT, " (%d of %d failed)", failed, ok + failed));
        }
    }

    /** When a run began and ended, to find it again in the applications' flight recordings. */
    record Window(String name, Instant from, Instant to) {
    }

    private static final int MOST_MILLIS = 60_000;
    private static final List<Window> RAN = new CopyOnWriteArrayList<>();
    private static volatile HttpLoad current;
    private static volatile Recorder recorder;

    /** Every run so far, in order. */
    static List<Window> ran() {
        return List.copyOf(RAN);
    }

    static HttpLoad current() {
        return current;
    }

    /** Runs this load through Gatling and returns what it measured. */
    synchronized Result run(Path results) {
        current = this;
        recorder = new Recorder();
        Instant from = Instant.now();
        int status = Gatling$.MODULE$.fromArgs(new String[]{"--simulation", RequestLoadSimulation.class.getName(), "--results-folder",
                results.toAbsolutePath().toString(), "--run-description", name, "--no-reports"});
        Result result = recorder.result();
        RAN.add(new Window(name, from, Instant.now()));
        current = null;
        System.out.printf(Locale.ROOT, "load: %s, %d users: %s (Gatling exit status %d)%n", name, users, result.describe(), status);
        return result;
    }

    /** Called by the simulation after each answer. */
    static void answered(int status, int responseTimeMillis) {
        recorder.add(status == current.expectedStatus(), responseTimeMillis);
    }

    /** Every answer's response time in a histogram of whole milliseconds (Gatling's own resolution). */
    private static final class Recorder {

        private final AtomicLongArray millis = new AtomicLongArray(MOST_MILLIS + 1);
        private final AtomicLong ok = new AtomicLong();
        private final AtomicLong failed = new AtomicLong();
        private final AtomicLong firstStart = new AtomicLong(Long.MAX_VALUE);
        private final AtomicLong lastEnd = new AtomicLong(Long.MIN_VALUE);

        void add(boolean asExpected, int responseTimeMillis) {
            long now = System.nanoTime();
            firstStart.accumulateAndGet(now - responseTimeMillis * 1_000_000L, Math::min);
            lastEnd.accumulateAndGet(now, Math::max);
            if (asExpected) {
                ok.incrementAndGet();
                millis.incrementAndGet(Math.min(MOST_MILLIS, Math.max(0, responseTimeMillis)));
            } else {
                failed.incrementAndGet();
            }
        }

        Result result() {
            long done = ok.get();
            double seconds = (lastEnd.get() - firstStart.get()) / 1e9;
            return new Result(done, failed.get(), done == 0 || seconds <= 0 ? 0 : done / seconds, quantile(0.5), quantile(0.99));
        }

        private double quantile(double quantile) {
            long done = ok.get();
            if (done == 0) {
                return Double.NaN;
            }
            long rank = (long) Math.ceil(quantile * done);
            long seen = 0;
            for (int ms = 0; ms <= MOST_MILLIS; ms++) {
                seen += millis.get(ms);
                if (seen >= rank) {
                    return ms;
                }
            }
            return MOST_MILLIS;
        }
    }
}
