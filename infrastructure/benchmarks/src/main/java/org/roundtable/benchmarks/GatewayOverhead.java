package org.roundtable.benchmarks;

import org.roundtable.platform.SyntheticCitizens.Citizen;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Benchmark 3, the gateway's cost: the same authenticated GET of one proposal, by the same citizens with the same
 * tokens, at the same concurrency, once through the gateway (token check, rate limit, header rules, relay) and once
 * straight to the proposals service (which checks the token too).
 */
final class GatewayOverhead {

    private static final int USERS = 8;
    private static final Duration WARM_UP = Duration.ofSeconds(5);

    private GatewayOverhead() {
    }

    static Figure run(StackUnderLoad stack, List<Citizen> citizens, List<String> proposals, Duration duration, Path output) {
        String direct = "http://127.0.0.1:" + stack.ports().proposals();
        String gateway = stack.ports().gatewayUrl();
        Path results = output.resolve("gatling");
        new HttpLoad("get-direct-warm-up", direct, "/api/proposals/#{proposalId}", null, 200, USERS, WARM_UP, reads(citizens, proposals)).run(results);
        new HttpLoad("get-gateway-warm-up", gateway, "/api/proposals/#{proposalId}", null, 200, USERS, WARM_UP, reads(citizens, proposals)).run(results);
        HttpLoad.Result straight = new HttpLoad("get-direct", direct, "/api/proposals/#{proposalId}", null, 200, USERS, duration,
                reads(citizens, proposals)).run(results);
        HttpLoad.Result through = new HttpLoad("get-gateway", gateway, "/api/proposals/#{proposalId}", null, 200, USERS, duration,
                reads(citizens, proposals)).run(results);
        double ratio = through.perSecond() / straight.perSecond();
        return new Figure(String.format(Locale.ROOT, "Authenticated GET of a proposal through the gateway, %d users", USERS), through.describe(),
                "the same GET straight to the proposals service: " + straight.describe(), ratio, ">= 0.5x",
                ratio >= 0.5 && through.failed() == 0 && straight.failed() == 0);
    }

    /** Citizens in turn, each reading the proposals in turn; endless (the load's duration bounds it). */
    private static Iterator<Map<String, Object>> reads(List<Citizen> citizens, List<String> proposals) {
        return new Iterator<>() {
            private long next;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public synchronized Map<String, Object> next() {
                long i = next++;
                return Map.of("token", citizens.get((int) (i % citizens.size())).token(), "proposalId", proposals.get((int) (i % proposals.size())));
            }
        };
    }
}
