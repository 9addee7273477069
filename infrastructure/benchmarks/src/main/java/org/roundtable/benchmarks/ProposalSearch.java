package org.roundtable.benchmarks;

import org.roundtable.kit.web.PageOf;
import org.roundtable.proposals.ProposalsApplication;
import org.roundtable.testsupport.ApiClient;
import org.roundtable.local.PostgresServer;
import org.roundtable.testsupport.TestTokens;
import org.roundtable.testsupport.SharedInfrastructure;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The proposals list and its text search with N proposals (100,000 by default): the proposals service on a fresh
 * database whose read model is filled in bulk (the command path is measured elsewhere), asked over HTTP with a real
 * token, beside the same query straight to PostgreSQL from the same JVM (the least the API can cost).
 */
final class ProposalSearch {

    private static final String[] AREAS = {"libraries", "parks", "youth services", "adult social care", "housing"};
    private static final String[] WORDS = {"garden", "repair cafe", "walking group", "tea dance", "coding club",
            "tool library", "orchard", "storytelling", "mural", "food share"};
    private static final int SAMPLES = 200;
    private static final String SEARCH = "select proposal_id, title, status, updated_at from proposal_view "
            + "where lower(title) like ? escape '\\' or lower(aspiration) like ? escape '\\' order by updated_at desc, proposal_id limit 20";

    private ProposalSearch() {
    }

    static List<Figure> run(int proposals) {
        String database = "proposals_search_benchmark_" + System.currentTimeMillis();
        PostgresServer postgres = SharedInfrastructure.postgres();
        TestTokens tokens = TestTokens.shared();
        ConfigurableApplicationContext context = new SpringApplicationBuilder(ProposalsApplication.class).run(
                "--server.port=0",
                "--logging.level.root=WARN",
                "--spring.sql.init.schema-locations=" + Benchmarks.schemaOf(ProposalsApplication.class),
                "--spring.datasource.url=" + postgres.jdbcUrl(database),
                "--spring.datasource.username=" + postgres.username(),
                "--spring.datasource.password=" + postgres.password(),
                "--spring.kafka.bootstrap-servers=" + SharedInfrastructure.kafka().bootstrapServers(),
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + tokens.issuer(),
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + tokens.jwkSetUri());
        try {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            long filling = System.nanoTime();
            fill(jdbc, proposals);
            jdbc.execute("analyze proposal_view");
            System.out.printf(Locale.ROOT, "search: %,d proposals in the read model in %.0f s%n", proposals, (System.nanoTime() - filling) / 1e9);
            ApiClient api = ApiClient.onPort(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
            String token = tokens.mint("benchmark-reader", "Benchmark reader", "CITIZEN");
            List<Figure> figures = new ArrayList<>();
            long[] rawSearch = time(() -> jdbc.queryForList(SEARCH, "%orchard%", "%orchard%").size());
            long[] rawList = time(() -> jdbc.queryForList("select proposal_id, title, status, updated_at from proposal_view "
                    + "order by updated_at desc, proposal_id limit 20").size());
            figures.add(figure("Text search p95 (q=orchard, 1 in 10 match), " + size(proposals), api, token, "/api/proposals?q=orchard", rawSearch, 50));
            figures.add(figure("Text search p95 (no match), " + size(proposals), api, token, "/api/proposals?q=no-such-words-anywhere",
                    time(() -> jdbc.queryForList(SEARCH, "%no-such-words-anywhere%", "%no-such-words-anywhere%").size()), 50));
            figures.add(figure("Proposals list p95 (first page), " + size(proposals), api, token, "/api/proposals", rawList, 50));
            long[] countAll = time(() -> jdbc.queryForObject("select count(*) from proposal_view", Long.class));
            long[] countMatching = time(() -> jdbc.queryForObject("select count(*) from proposal_view "
                    + "where lower(title) like ? escape '\\' or lower(aspiration) like ? escape '\\'", Long.class, "%orchard%", "%orchard%"));
            long[] cappedAll = time(() -> jdbc.queryForObject("select count(*) from (select 1 from proposal_view limit ?) matching",
                    Long.class, PageOf.COUNT_AHEAD + 1));
            long[] cappedMatching = time(() -> jdbc.queryForObject("select count(*) from (select 1 from proposal_view "
                    + "where lower(title) like ? escape '\\' or lower(aspiration) like ? escape '\\' limit ?) matching", Long.class,
                    "%orchard%", "%orchard%", PageOf.COUNT_AHEAD + 1));
            figures.add(new Figure("Counting what matches, straight to PostgreSQL, " + size(proposals),
                    String.format(Locale.ROOT, "every proposal: %.1f ms, up to %,d: %.1f ms; those matching orchard: %.1f ms, up to %,d: %.1f ms (p95)",
                            Benchmarks.millis(countAll, 0.95), PageOf.COUNT_AHEAD + 1, Benchmarks.millis(cappedAll, 0.95),
                            Benchmarks.millis(countMatching, 0.95), PageOf.COUNT_AHEAD + 1, Benchmarks.millis(cappedMatching, 0.95)),
                    "-", Double.NaN, "-", true));
            return figures;
        } finally {
            context.close();
            new JdbcTemplate(new DriverManagerDataSource(postgres.jdbcUrl("postgres"), postgres.username(), postgres.password()))
                    .execute("drop database if exists " + database + " with (force)");
        }
    }

    private static String size(int proposals) {
        return String.format(Locale.ROOT, "%,d proposals", proposals);
    }

    private static Figure figure(String name, ApiClient api, String token, String path, long[] raw, double goalMillis) {
        long[] nanos = time(() -> {
            ApiClient.Response response = api.get(path, token);
            if (response.status() != 200) {
                throw new IllegalStateException(path + " answered " + response.status() + " " + response.body());
            }
            return response.status();
        });
        double p95 = Benchmarks.millis(nanos, 0.95);
        double rawP95 = Benchmarks.millis(raw, 0.95);
        System.out.printf(Locale.ROOT, "search: %s p50 %.1f ms, p95 %.1f ms; the query straight to PostgreSQL p95 %.1f ms%n", path,
                Benchmarks.millis(nanos, 0.5), p95, rawP95);
        return new Figure(name, String.format(Locale.ROOT, "%.1f ms (p50 %.1f ms)", p95, Benchmarks.millis(nanos, 0.5)),
                String.format(Locale.ROOT, "the page's query straight to PostgreSQL: %.1f ms", rawP95), rawP95 / p95,
                "<= " + (int) goalMillis + " ms", p95 <= goalMillis);
    }

    private static long[] time(Supplier<Object> request) {
        for (int i = 0; i < 20; i++) {
            request.get();
        }
        long[] nanos = new long[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            long start = System.nanoTime();
            request.get();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return nanos;
    }

    private static void fill(JdbcTemplate jdbc, int proposals) {
        Instant base = Instant.parse("2026-01-01T00:00:00Z");
        List<Object[]> rows = new ArrayList<>();
        for (int n = 0; n < proposals; n++) {
            String word = WORDS[n % WORDS.length];
            Timestamp at = Timestamp.from(base.plusSeconds(60L * n));
            rows.add(new Object[]{UUID.randomUUID().toString(), "A " + word + " for the neighbourhood " + n,
                    "Neighbours run a " + word + " together, sharing what they know and what they have", AREAS[n % AREAS.length],
                    n % 3 == 0 ? "SUBMITTED" : "DRAFT", "citizen-" + (n % 500), at, at});
            if (rows.size() == 5_000 || n == proposals - 1) {
                jdbc.batchUpdate("insert into proposal_view (proposal_id, title, aspiration, service_area, status, revision, author_id, "
                        + "author_role, co_designers, created_at, updated_at) values (?, ?, ?, ?, ?, 1, ?, 'CITIZEN', 0, ?, ?)", rows);
                rows.clear();
            }
        }
    }
}
