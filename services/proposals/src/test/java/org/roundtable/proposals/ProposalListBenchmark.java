package org.roundtable.proposals;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.roundtable.events.Actor;
import org.roundtable.events.Role;
import org.roundtable.events.proposals.Ask;
import org.roundtable.events.proposals.Asset;
import org.roundtable.events.proposals.AssetKind;
import org.roundtable.events.proposals.Money;
import org.roundtable.events.proposals.ProposalContent;
import org.roundtable.kit.actor.ActorMetadata;
import org.roundtable.proposals.domain.ProposalCommands.DraftProposal;
import org.roundtable.testsupport.ApiClient;
import org.roundtable.testsupport.Eventually;
import org.roundtable.testsupport.TestTokens;
import org.roundtable.testsupport.SharedInfrastructure;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the proposals list behaves with many proposals: drafts {@code proposals} proposals (default 10,000) through the
 * real command path into a fresh database, waits for the read model, then times list requests over HTTP — unfiltered,
 * by status, by service area, by text, and deep pages — and prints percentiles, throughput and heap.
 * A program, not a test; how to run it is in the README ("Benchmarks").
 */
public final class ProposalListBenchmark {

    private static final String[] AREAS = {"libraries", "parks", "youth services", "adult social care", "housing"};
    private static final String[] WORDS = {"garden", "repair cafe", "walking group", "tea dance", "coding club",
            "tool library", "orchard", "storytelling", "mural", "food share"};
    private static final int REQUESTS_PER_QUERY = 300;
    private static final Duration READ_MODEL_TIMEOUT = Duration.ofMinutes(10);

    private ProposalListBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = Integer.getInteger("proposals", 10_000);
        String database = "proposals_benchmark_" + System.currentTimeMillis();
        TestTokens tokens = TestTokens.shared();
        // command-line arguments outrank the service's application.properties, as they do for a deployed service
        ConfigurableApplicationContext context = new SpringApplicationBuilder(ProposalsApplication.class).run(
                "--server.port=0",
                "--logging.level.root=WARN",
                "--spring.datasource.url=" + SharedInfrastructure.postgres().jdbcUrl(database),
                "--spring.datasource.username=" + SharedInfrastructure.postgres().username(),
                "--spring.datasource.password=" + SharedInfrastructure.postgres().password(),
                "--spring.kafka.bootstrap-servers=" + SharedInfrastructure.kafka().bootstrapServers(),
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + tokens.issuer(),
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + tokens.jwkSetUri());
        try {
            CommandGateway commands = context.getBean(CommandGateway.class);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));

            long writing = System.nanoTime();
            draft(commands, count);
            double writeSeconds = seconds(writing);
            long projecting = System.nanoTime();
            awaitReadModel(jdbc, count);
            System.out.printf(Locale.ROOT, "drafted %,d proposals in %.1f s (%.0f commands/s); read model complete %.1f s later%n",
                    count, writeSeconds, count / writeSeconds, seconds(projecting));

            ApiClient api = ApiClient.onPort(port);
            String token = tokens.mint("benchmark-reader", "Benchmark reader", "CITIZEN");
            List<String> queries = List.of(
                    "/api/proposals",
                    "/api/proposals?status=DRAFT&size=50",
                    "/api/proposals?serviceArea=parks",
                    "/api/proposals?q=orchard",
                    "/api/proposals?q=no-such-words-anywhere",
                    "/api/proposals?sort=title,asc&page=150&size=50");
            for (int warmup = 0; warmup < 50; warmup++) {
                queries.forEach(query -> expectOk(api.get(query, token), query));
            }
            System.out.printf(Locale.ROOT, "%-52s %8s %8s %8s %8s %10s%n", "query", "p50 ms", "p95 ms", "p99 ms", "max ms", "req/s");
            for (String query : queries) {
                long[] nanos = new long[REQUESTS_PER_QUERY];
                long started = System.nanoTime();
                for (int i = 0; i < REQUESTS_PER_QUERY; i++) {
                    long one = System.nanoTime();
                    expectOk(api.get(query, token), query);
                    nanos[i] = System.nanoTime() - one;
                }
                double total = seconds(started);
                Arrays.sort(nanos);
                System.out.printf(Locale.ROOT, "%-52s %8.2f %8.2f %8.2f %8.2f %10.0f%n", query, millis(nanos, 0.50), millis(nanos, 0.95),
                        millis(nanos, 0.99), nanos[nanos.length - 1] / 1e6, REQUESTS_PER_QUERY / total);
            }
            Runtime runtime = Runtime.getRuntime();
            System.gc();
            System.out.printf(Locale.ROOT, "heap used after the run: %d MB of %d MB committed; %d cores%n",
                    (runtime.totalMemory() - runtime.freeMemory()) >> 20, runtime.totalMemory() >> 20, runtime.availableProcessors());
        } finally {
            context.close();
        }
    }

    private static void draft(CommandGateway commands, int count) throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> sent = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int n = i;
                sent.add(writers.submit(() -> commands.sendAndWait(GenericCommandMessage.asCommandMessage(
                                new DraftProposal(UUID.randomUUID().toString(), content(n)))
                        .andMetaData(ActorMetadata.of(Actor.of("citizen-" + (n % 500), Role.CITIZEN), "benchmark-" + n, null)))));
            }
            for (Future<?> each : sent) {
                each.get(5, TimeUnit.MINUTES);
            }
        } finally {
            writers.shutdownNow();
        }
    }

    private static ProposalContent content(int n) {
        String word = WORDS[n % WORDS.length];
        return new ProposalContent(
                "A " + word + " for the neighbourhood " + n,
                "Neighbours run a " + word + " together, sharing what they know and what they have",
                AREAS[n % AREAS.length],
                List.of(new Asset(AssetKind.SKILL, "People who have run a " + word + " before", "Residents' association")),
                new Ask(new Money(BigDecimal.valueOf(500 + n % 2000), "GBP"), List.of("a room once a week")),
                List.of("More connection between neighbours"));
    }

    private static void awaitReadModel(JdbcTemplate jdbc, int count) throws Exception {
        Eventually.within(READ_MODEL_TIMEOUT, () -> assertThat(jdbc.queryForObject("select count(*) from proposal_view", Long.class))
                .as("proposals in the read model within " + READ_MODEL_TIMEOUT).isGreaterThanOrEqualTo(count));
    }

    private static void expectOk(ApiClient.Response response, String query) {
        if (response.status() != 200) {
            throw new IllegalStateException(query + " answered " + response.status() + " " + response.body());
        }
    }

    private static double millis(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
