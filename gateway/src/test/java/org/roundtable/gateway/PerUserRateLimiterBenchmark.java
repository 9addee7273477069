package org.roundtable.gateway;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints how many rate-limit decisions per second the in-memory limiter makes, for a few user populations and
 * thread counts. A program, not a test, run as the README's "Benchmarks" says.
 */
public final class PerUserRateLimiterBenchmark {

    public static void main(String[] args) throws Exception {
        int decisions = 2_000_000;
        for (int users : new int[] {100, 10_000, 100_000}) {
            for (int threads : new int[] {1, 2}) {
                PerUserRateLimiter limiter = new PerUserRateLimiter(
                        new GatewayProperties.RateLimit(20, 40, 10_000), System::nanoTime);
                measure(limiter, users, threads, decisions / 10);
                long started = System.nanoTime();
                long allowed = measure(limiter, users, threads, decisions);
                double seconds = (System.nanoTime() - started) / 1e9;
                System.out.printf("users=%,7d threads=%d  %,12.0f decisions/s  allowed=%,d  tracked=%,d%n",
                        users, threads, decisions / seconds, allowed, limiter.trackedUsers());
            }
        }
    }

    private static long measure(PerUserRateLimiter limiter, int users, int threads, int decisions) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicLong allowed = new AtomicLong();
        List<Future<?>> work = new ArrayList<>();
        String[] names = new String[users];
        for (int i = 0; i < users; i++) {
            names[i] = "user-" + i;
        }
        for (int t = 0; t < threads; t++) {
            int offset = t;
            work.add(pool.submit(() -> {
                for (int i = offset; i < decisions; i += threads) {
                    if (limiter.take(names[(int) ((i * 2654435761L) % users)]).isAllowed()) {
                        allowed.incrementAndGet();
                    }
                }
            }));
        }
        for (Future<?> done : work) {
            done.get();
        }
        pool.shutdown();
        return allowed.get();
    }

    private PerUserRateLimiterBenchmark() {
    }
}
