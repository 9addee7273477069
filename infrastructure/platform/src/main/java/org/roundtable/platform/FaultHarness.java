package org.roundtable.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.roundtable.identity.DemoLogin;

import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Faults under load on a local stack of several instances: citizens (each a synthetic citizen with a real signed
 * token) endorse proposals through the gateway's one address while, one after another, an instance of a service, the
 * broker, PostgreSQL and an instance of the gateway are killed outright ({@code SIGKILL}) and started again. Meanwhile
 * the proposals' decision cases reach their panels' deadlines, every panel approving, from one fund too small for them
 * all. Then, once everything has settled, it counts: every endorsement the gateway accepted must be in the event store
 * once, on Kafka once, in participation's and commissioning's read models and in the audit ledger once; the ledger
 * must verify; each case must have been closed once; and the fund must not have given more than it held.
 */
public final class FaultHarness {

    /** What a run found. */
    public record Figures(int accepted, Map<String, Integer> notAccepted, int lost, int duplicated, int readModelGaps, boolean ledgerVerifies,
                          int deadlinesFired, int deadlinesFiredTwice, int fundsOverAllocated, List<String> faults, Duration took) {

        public boolean clean() {
            return lost == 0 && duplicated == 0 && readModelGaps == 0 && ledgerVerifies && deadlinesFiredTwice == 0
                    && fundsOverAllocated == 0;
        }

        public void print(PrintStream out) {
            out.println();
            out.println("Faults under load, " + took.toSeconds() + " s:");
            faults.forEach(fault -> out.println("  " + fault));
            out.printf("  commands accepted      %d (not accepted while faults lasted: %d, by answer %s)%n", accepted,
                    notAccepted.values().stream().mapToInt(Integer::intValue).sum(), new java.util.TreeMap<>(notAccepted));
            out.printf("  events lost            %d%n", lost);
            out.printf("  events duplicated      %d%n", duplicated);
            out.printf("  read-model gaps        %d%n", readModelGaps);
            out.printf("  ledger verifies        %s%n", ledgerVerifies ? "yes" : "NO");
            out.printf("  deadlines fired        %d, twice: %d%n", deadlinesFired, deadlinesFiredTwice);
            out.printf("  funds over-allocated   %d%n", fundsOverAllocated);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AREA = "parks";
    /** Proposals the citizens endorse. */
    private static final int PROPOSALS = 4;
    /** Proposals whose cases fall due during the faults, all approved, from a fund that meets only two of them. */
    static final int CASES = 3;
    private static final BigDecimal ASK = new BigDecimal("2000.00");
    private static final BigDecimal FUND = new BigDecimal("5000.00");
    private static final Duration SETTLE = Duration.ofMinutes(5);
    /** How long after their panels are assembled the cases fall due: while the first faults run. */
    private static final Duration DUE_AFTER = Duration.ofSeconds(45);
    /** The synthetic citizens who co-design the proposals: numbers the load does not reach. */
    private static final int CO_DESIGNERS = 900_000;
    /** The service taking the load first, then the services its events go to, then the others. */
    private static final List<Application> KILLED_SERVICES = List.of(Application.PARTICIPATION, Application.COMMISSIONING,
            Application.AUDIT, Application.PROPOSALS, Application.OUTCOMES);

    private final LocalStack stack;
    private final PrintStream out;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> tokens = new java.util.concurrent.ConcurrentHashMap<>();
    private final SyntheticCitizens synthetic;
    private final Map<Integer, SyntheticCitizens.Citizen> citizens = new java.util.concurrent.ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Endorsement> accepted = new ConcurrentLinkedQueue<>();
    /** Requests not accepted while faults lasted, by answer (a status, or what failed). */
    private final Map<String, Integer> notAccepted = new java.util.concurrent.ConcurrentSkipListMap<>();
    private final List<String> faults = new ArrayList<>();

    private record Endorsement(String citizen, String proposalId) {
    }

    public FaultHarness(LocalStack stack, PrintStream out) {
        this.stack = stack;
        this.out = out;
        this.synthetic = new SyntheticCitizens(stack.ports().issuer());
    }

    /**
     * Runs the load with {@code workers} concurrent citizens' requests, at least for {@code duration} and until
     * {@code rounds} rounds of the four kills are done, then settles and counts.
     */
    public Figures run(Duration duration, int rounds, int workers) throws Exception {
        Instant started = Instant.now();
        List<String> proposals = new ArrayList<>();
        List<String> cases = new ArrayList<>();
        String fundId = setUp(proposals, cases);

        AtomicBoolean loading = new AtomicBoolean(true);
        AtomicInteger next = new AtomicInteger();
        ExecutorService load = Executors.newFixedThreadPool(workers);
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            running.add(load.submit(() -> endorse(proposals, next, loading)));
        }
        Instant loadStarted = Instant.now();
        try {
            for (int round = 1; round <= rounds || Duration.between(loadStarted, Instant.now()).compareTo(duration) < 0; round++) {
                Application service = KILLED_SERVICES.get((round - 1) % KILLED_SERVICES.size()).instance(1 + round % 2);
                fault("kill -9 " + service.name(), () -> stack.kill(service), () -> stack.restart(service));
                fault("kill -9 the Kafka broker", stack::killBroker, stack::restartBroker);
                fault("kill -9 PostgreSQL", stack::killDatabase, stack::restartDatabase);
                Application gateway = Application.GATEWAY.instance(1 + (round + 1) % 2);
                fault("kill -9 " + gateway.name(), () -> stack.kill(gateway), () -> stack.restart(gateway));
            }
        } finally {
            loading.set(false);
            for (Future<?> worker : running) {
                worker.get(2, TimeUnit.MINUTES);
            }
            load.shutdownNow();
        }
        out.printf("Load stopped after %d s: %d endorsements accepted; waiting for everything to settle%n",
                Duration.between(loadStarted, Instant.now()).toSeconds(), accepted.size());
        return count(fundId, cases, started);
    }

    /** The demo accounts' tokens, new: they last 30 minutes, less than a long run. */
    private void logIn() {
        DemoLogin login = new DemoLogin(stack.ports().issuer());
        for (String account : List.of("amara", "dana", "eli", "bill", "hana")) {
            tokens.put(account, login.accessToken(account, DemoJourney.PASSWORD));
        }
    }

    /**
     * A fund; proposals drafted with a co-designer and submitted, some for the citizens to endorse, the others with a
     * panel each, approving and due during the faults (a decided proposal takes no more endorsements).
     */
    private String setUp(List<String> proposals, List<String> cases) throws Exception {
        logIn();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String fundId = call("dana", "POST", "/api/commissioning/funds", Map.of("name", "Parks fund under faults", "serviceArea", AREA,
                "periodStart", today.withDayOfYear(1).toString(), "periodEnd", today.withDayOfYear(today.lengthOfYear()).toString(),
                "amount", Map.of("amount", FUND, "currency", "GBP"), "holderIds", List.of("dana", "eli"))).path("id").asText();
        List<String> due = new ArrayList<>();
        for (int i = 1; i <= PROPOSALS + CASES; i++) {
            Map<String, Object> content = new LinkedHashMap<>();
            content.put("title", "Friends of the park " + i);
            content.put("aspiration", "Neighbours look after their park together");
            content.put("serviceArea", AREA);
            content.put("assets", List.of(Map.of("kind", "TIME", "description", "Saturday mornings", "holder", "Neighbours")));
            content.put("ask", Map.of("money", Map.of("amount", ASK, "currency", "GBP"), "otherResources", List.of("Gloves")));
            content.put("intendedOutcomes", List.of("A cared-for park"));
            String proposalId = call("amara", "POST", "/api/proposals", content).path("id").asText();
            // submission needs a co-designer besides the author: a citizen outside the load's numbers joins
            int coDesigner = CO_DESIGNERS + i;
            call("amara", "POST", "/api/proposals/" + proposalId + "/invitations", Map.of("inviteeId", citizen(coDesigner).subject()));
            as(citizen(coDesigner).token()).post("/api/proposals/" + proposalId + "/co-designers", Map.of("brings", "A wheelbarrow and a free Saturday"));
            call("amara", "POST", "/api/proposals/" + proposalId + "/submission", null);
            (i <= PROPOSALS ? proposals : due).add(proposalId);
        }
        for (String proposalId : proposals) {
            await(Duration.ofSeconds(120), "endorsements of proposal " + proposalId + " are open", () -> {
                JsonNode participation = get("bill", "/api/participation/proposals/" + proposalId);
                return participation != null && "OPEN".equals(participation.path("stage").asText());
            });
        }
        for (String proposalId : due) {
            await(Duration.ofSeconds(120), "a decision case for proposal " + proposalId, () -> {
                JsonNode found = DemoJourney.find(get("dana", "/api/commissioning/cases"), "proposalId", proposalId);
                if (found != null) {
                    cases.add(found.path("caseId").asText());
                }
                return found != null;
            });
        }
        // due while the first faults run
        Instant deadline = Instant.now().plus(DUE_AFTER).truncatedTo(ChronoUnit.SECONDS);
        for (String caseId : cases) {
            call("dana", "POST", "/api/commissioning/cases/" + caseId + "/panel", Map.of("fundId", fundId,
                    "members", List.of(Map.of("memberId", "dana", "role", "COMMISSIONER"), Map.of("memberId", "eli", "role", "COMMISSIONER"),
                            Map.of("memberId", "bill", "role", "CITIZEN")),
                    "chairId", "dana", "deadline", deadline.toString()));
            for (String member : List.of("dana", "eli", "bill")) {
                call(member, "POST", "/api/commissioning/cases/" + caseId + "/declarations", Map.of("hasInterest", false));
                call(member, "POST", "/api/commissioning/cases/" + caseId + "/votes", Map.of("vote", "APPROVE",
                        "rationale", "the park needs its friends"));
            }
        }
        out.printf("Set up: %d proposals open for endorsement; fund %s of %s GBP, %d more proposals asking %s GBP each, their panels"
                + " all approving, due at %s%n", PROPOSALS, fundId, FUND, CASES, ASK, deadline);
        return fundId;
    }

    /** One worker of the load: the next citizen endorses the next proposal, until told to stop. */
    private void endorse(List<String> proposals, AtomicInteger next, AtomicBoolean loading) {
        while (loading.get()) {
            int n = next.getAndIncrement();
            int citizen = n / proposals.size() + 1;
            String proposalId = proposals.get(n % proposals.size());
            try {
                SyntheticCitizens.Citizen endorser = citizen(citizen);
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(stack.ports().gatewayUrl()
                                + "/api/participation/proposals/" + proposalId + "/endorsements"))
                        .timeout(Duration.ofSeconds(15)).header("Authorization", "Bearer " + endorser.token()).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"I walk here every day\"}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 204) {
                    accepted.add(new Endorsement(endorser.subject(), proposalId));
                } else {
                    notAccepted.merge(Integer.toString(response.statusCode()), 1, Integer::sum);
                    pause(Duration.ofMillis(200));
                }
            } catch (IOException | RuntimeException failed) {
                notAccepted.merge(failed.getClass().getSimpleName(), 1, Integer::sum);
                pause(Duration.ofMillis(200));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
            if (n % proposals.size() == proposals.size() - 1) {
                citizens.remove(citizen); // each citizen endorses each proposal once
            }
        }
    }

    private SyntheticCitizens.Citizen citizen(int number) {
        return citizens.computeIfAbsent(number, synthetic::mint);
    }

    private void fault(String what, Runnable kill, Runnable restart) {
        Instant at = Instant.now();
        out.println("Fault: " + what);
        kill.run();
        pause(Duration.ofSeconds(3));
        restart.run();
        String done = String.format("%-34s back after %d s", what, Duration.between(at, Instant.now()).toSeconds());
        out.println("       " + done);
        faults.add(done);
    }

    private Figures count(String fundId, List<String> cases, Instant started) throws Exception {
        logIn();
        List<Endorsement> endorsements = List.copyOf(accepted);
        Map<Endorsement, List<String>> stored = new HashMap<>();
        try (Connection participation = connect("participation")) {
            query(participation, "select event_identifier, convert_from(payload, 'UTF8') from domain_event_entry "
                    + "where payload_type like '%EndorsementGiven'", row -> {
                JsonNode payload = JSON.readTree(row.getString(2));
                stored.computeIfAbsent(new Endorsement(payload.path("participantId").asText(), payload.path("proposalId").asText()),
                        key -> new ArrayList<>()).add(row.getString(1));
            });
        }
        int lost = (int) endorsements.stream().filter(endorsement -> !stored.containsKey(endorsement)).count();
        int duplicated = stored.values().stream().mapToInt(ids -> ids.size() - 1).sum();

        // every endorsement stored must reach Kafka, the read models and the ledger, also one whose answer a fault cut off
        Set<String> wanted = stored.values().stream().flatMap(List::stream).collect(Collectors.toSet());
        awaitBelow(SETTLE, () -> readModelGaps(stored) + missing(wanted, "audit", "select event_id from ledger_entry where event_id = any(?)") == 0
                && decided(cases).values().stream().allMatch(decisions -> decisions > 0));
        Map<String, Integer> onKafka = onTopic("roundtable.participation", wanted);
        Map<String, Integer> inLedger = counted("audit", "select event_id, count(*) from ledger_entry where event_id = any(?) group by event_id", wanted);
        for (String id : wanted) {
            int kafka = onKafka.getOrDefault(id, 0);
            int ledger = inLedger.getOrDefault(id, 0);
            lost += (kafka == 0 ? 1 : 0) + (ledger == 0 ? 1 : 0);
            duplicated += Math.max(0, kafka - 1) + Math.max(0, ledger - 1);
        }
        int readModelGaps = readModelGaps(stored);

        Map<String, Integer> decisions = decided(cases);
        int fired = (int) decisions.values().stream().filter(count -> count > 0).count();
        int firedTwice = (int) decisions.values().stream().filter(count -> count > 1).count();
        BigDecimal allocated = BigDecimal.ZERO;
        try (Connection commissioning = connect("commissioning")) {
            List<BigDecimal> allocations = new ArrayList<>();
            query(commissioning, "select convert_from(payload, 'UTF8') from domain_event_entry where aggregate_identifier = '" + fundId
                    + "' and payload_type like '%FundsAllocated'", row -> allocations.add(JSON.readTree(row.getString(1))
                    .path("amount").path("amount").decimalValue()));
            for (BigDecimal amount : allocations) {
                allocated = allocated.add(amount);
            }
        }
        int overAllocated = allocated.compareTo(FUND) > 0 ? 1 : 0;
        JsonNode verification = get("hana", "/api/audit/verification");
        boolean verifies = verification != null && verification.path("intact").asBoolean(false);
        out.println("Ledger verification: " + verification);
        out.printf("Fund: %s of %s GBP allocated; cases closed at their deadline: %d of %d%n", allocated, FUND, fired, cases.size());
        return new Figures(endorsements.size(), Map.copyOf(notAccepted), lost, duplicated, readModelGaps, verifies, fired, firedTwice,
                overAllocated, List.copyOf(faults), Duration.between(started, Instant.now()));
    }

    /** Stored endorsements missing from participation's activity or from what commissioning's panels know. */
    private int readModelGaps(Map<Endorsement, List<String>> stored) throws Exception {
        Set<String> ids = stored.values().stream().flatMap(List::stream).collect(Collectors.toSet());
        int gaps = missing(ids, "participation", "select id from activity_view where id = any(?)");
        Map<String, JsonNode> known = new HashMap<>();
        try (Connection commissioning = connect("commissioning")) {
            query(commissioning, "select proposal_id, endorsements from known_proposal_view", row -> known.put(row.getString(1),
                    JSON.readTree(row.getString(2))));
        }
        for (Endorsement endorsement : stored.keySet()) {
            JsonNode of = known.get(endorsement.proposalId());
            gaps += of == null || !of.has(endorsement.citizen()) ? 1 : 0;
        }
        return gaps;
    }

    /** How many decisions each case has reached (in commissioning's event store): at its deadline, one. */
    private Map<String, Integer> decided(List<String> cases) throws SQLException {
        Map<String, Integer> decisions = new LinkedHashMap<>();
        cases.forEach(caseId -> decisions.put(caseId, 0));
        try (Connection commissioning = connect("commissioning"); var statement = commissioning.prepareStatement(
                "select aggregate_identifier, count(*) from domain_event_entry where aggregate_identifier = any(?)"
                        + " and payload_type like '%DecisionReached' group by aggregate_identifier")) {
            statement.setArray(1, commissioning.createArrayOf("varchar", cases.toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    decisions.put(rows.getString(1), rows.getInt(2));
                }
            }
        }
        return decisions;
    }

    /** How many of these ids the select (of ids, among those given as its one parameter) does not find. */
    private int missing(Set<String> ids, String database, String select) throws SQLException {
        Set<String> found = new java.util.HashSet<>();
        try (Connection connection = connect(database); var statement = connection.prepareStatement(select)) {
            statement.setArray(1, connection.createArrayOf("varchar", ids.toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getString(1));
                }
            }
        }
        return (int) ids.stream().filter(id -> !found.contains(id)).count();
    }

    private Map<String, Integer> counted(String database, String select, Set<String> ids) throws SQLException {
        Map<String, Integer> counts = new HashMap<>();
        try (Connection connection = connect(database); var statement = connection.prepareStatement(select)) {
            statement.setArray(1, connection.createArrayOf("varchar", ids.toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    counts.merge(rows.getString(1), rows.getInt(2), Integer::sum);
                }
            }
        }
        return counts;
    }

    /** How many times each of these event ids is on the topic, read committed from the beginning to its end. */
    private Map<String, Integer> onTopic(String topic, Set<String> ids) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + stack.ports().kafka());
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        Map<String, Integer> counts = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            Instant deadline = Instant.now().plus(SETTLE);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))
                    && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    Header id = record.headers().lastHeader("ce_id");
                    String eventId = id == null ? null : new String(id.value(), StandardCharsets.UTF_8);
                    if (eventId != null && ids.contains(eventId)) {
                        counts.merge(eventId, 1, Integer::sum);
                    }
                }
            }
        }
        return counts;
    }

    private Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(stack.database().jdbcUrl(database), stack.database().username(), stack.database().password());
    }

    private interface Row {
        void read(ResultSet row) throws Exception;
    }

    private static void query(Connection connection, String select, Row row) throws Exception {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(select)) {
            while (rows.next()) {
                row.read(rows);
            }
        }
    }

    /** A request by a demo account through the gateway, which must be accepted. */
    private JsonNode call(String account, String method, String path, Object body) {
        return as(tokens.get(account)).send(method, path, body);
    }

    private GatewayClient as(String token) {
        return new GatewayClient(stack.ports().gatewayUrl(), token, null);
    }

    /** The answer to a GET, or null when it is not 200 (yet). */
    private JsonNode get(String account, String path) {
        try {
            return as(tokens.get(account)).get(path);
        } catch (GatewayClient.UnexpectedResponse | java.io.UncheckedIOException notNow) {
            return null;
        }
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    /** Waits until the condition holds, checking every half second; gives up after {@code timeout} and says whether it held. */
    private static boolean awaitBelow(Duration timeout, Condition condition) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (condition.holds()) {
                return true;
            }
            pause(Duration.ofMillis(500));
        }
        return condition.holds();
    }

    private static void await(Duration timeout, String what, Condition condition) throws Exception {
        if (!awaitBelow(timeout, condition)) {
            throw new IllegalStateException("not within " + timeout.toSeconds() + " s: " + what);
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", interrupted);
        }
    }
}
