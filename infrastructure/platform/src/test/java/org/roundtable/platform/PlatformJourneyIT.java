package org.roundtable.platform;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.roundtable.identity.DemoLogin;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole platform as {@code ./roundtable} runs it (on a data folder of its own and ports moved by an offset, so
 * it can run beside a developer's stack), and the demo journey played through the gateway with real tokens from the
 * local authorization server. Each step of the journey already waits for its effect; these tests look at the end state.
 */
@ExtendWith(SharedPlatform.class)
class PlatformJourneyIT {

    /** Moved by {@code -Droundtable.it.portOffset=N} when two checkouts run this test side by side. */
    private static final Ports PORTS = SharedPlatform.PORTS;

    private static final Duration EFFECT = Duration.ofSeconds(60);
    private static final Map<String, GatewayClient> PEOPLE = new ConcurrentHashMap<>();

    private static DemoJourney.Result journey;

    @BeforeAll
    @Timeout(value = 12, unit = TimeUnit.MINUTES)
    static void startThePlatformAndPlayTheJourney(LocalStack stack) {
        journey = DemoJourney.against(PORTS, System.out).play();
        JourneyReport.print(journey, System.out);
    }

    @Test
    void theGatewayRefusesARequestWithoutAToken() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(PORTS.gatewayUrl() + "/api/proposals")).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void theProposalWasCoDesignedAmendedAndCommissioned() {
        JsonNode proposal = journey.proposal();

        assertThat(proposal.path("status").asText()).isEqualTo("COMMISSIONED");
        assertThat(proposal.path("authorId").asText()).isEqualTo("amara");
        assertThat(proposal.path("revisions")).hasSize(2);
        JsonNode amendment = proposal.path("revisions").get(1);
        assertThat(amendment.path("actorId").asText()).isEqualTo("chen");
        assertThat(amendment.path("actorRole").asText()).isEqualTo("STAFF");
        assertThat(proposal.path("current").path("content").path("assets")).hasSize(4);
        JsonNode chen = DemoJourney.find(proposal.path("coDesigners"), "participantId", "chen");
        assertThat(chen.path("role").asText()).isEqualTo("STAFF");
        assertThat(proposal.path("caseId").asText()).isEqualTo(journey.caseId());
        assertThat(new BigDecimal(proposal.path("allocated").path("amount").asText())).isEqualByComparingTo("12000");
    }

    @Test
    void citizensEndorsedPledgedTimeAndHeldAWorkshop() {
        JsonNode participation = journey.participation();

        assertThat(participation.path("endorsementCount").asInt()).isEqualTo(2);
        assertThat(participation.path("pledgeTotals").path("hoursPerMonth").asInt()).isEqualTo(10);
        JsonNode workshop = participation.path("workshops").get(0);
        assertThat(workshop.path("attended").asInt()).isEqualTo(1);
        assertThat(workshop.path("contributions")).hasSize(2);
    }

    @Test
    void thePanelApprovedWithFarahRecusedAndTheFundPaid() {
        JsonNode decisionCase = journey.decisionCase();

        assertThat(decisionCase.path("status").asText()).isEqualTo("CLOSED");
        assertThat(decisionCase.path("outcome").asText()).isEqualTo("APPROVED");
        JsonNode roll = decisionCase.path("decision").path("roll");
        assertThat(DemoJourney.find(roll, "memberId", "farah").path("recused").asBoolean()).isTrue();
        assertThat(DemoJourney.find(roll, "memberId", "farah").hasNonNull("vote")).isFalse();
        JsonNode bill = DemoJourney.find(roll, "role", "CITIZEN");
        assertThat(bill.path("memberId").asText()).as("Bill did not consent to be named: his seat carries his pseudonymous id")
                .startsWith("neighbour-");
        assertThat(bill.path("name").asText()).startsWith("Neighbour ");
        assertThat(decisionCase.toString()).doesNotContain("\"bill\"").doesNotContain("Bill Turner");
        for (JsonNode member : List.of(DemoJourney.find(roll, "memberId", "dana"), DemoJourney.find(roll, "memberId", "eli"), bill)) {
            assertThat(member.path("vote").asText()).as(member.toString()).isEqualTo("APPROVE");
            assertThat(member.path("rationale").asText()).as(member.toString()).isNotBlank();
        }
        assertThat(new BigDecimal(journey.fund().path("remaining").asText())).isEqualByComparingTo("38000");
    }

    @Test
    void theInitiativeIsDeliveredByGreenShootsAndReportsProgress() {
        JsonNode initiative = journey.initiative();

        assertThat(initiative.path("proposalId").asText()).isEqualTo(journey.proposalId());
        assertThat(initiative.path("provider").path("id").asText()).isEqualTo("greenshoots");
        assertThat(new BigDecimal(initiative.path("funding").path("amount").asText())).isEqualByComparingTo("12000");
        assertThat(initiative.path("reports")).hasSize(1);
        assertThat(initiative.path("reports").get(0).path("reporterId").asText()).isEqualTo("greenshoots");
        assertThat(initiative.path("assets").path("pledgesFulfilled").asInt()).isEqualTo(1);
    }

    @Test
    void theLedgerVerifies() {
        assertThat(journey.verification().path("intact").asBoolean()).isTrue();
        // entries appended after the latest checkpoint are reported as beyond it, not as verified
        assertThat(journey.verification().path("entriesVerified").asLong()).isPositive();
        assertThat(journey.verification().path("entriesVerified").asLong() + journey.verification().path("entriesBeyond").asLong())
                .isGreaterThanOrEqualTo(journey.history().path("steps").size());
        assertThat(journey.verification().hasNonNull("firstMismatch")).isFalse();
    }

    @Test
    void theTimelineNamesEveryActorInTheOrderTheyActed() {
        List<String> acts = new ArrayList<>();
        journey.history().path("steps").forEach(step -> acts.add(step.path("actorId").asText() + " " + step.path("event").asText()));

        assertThat(acts).containsSubsequence(
                "amara ProposalDrafted",
                "amara CoDesignerInvited",
                "chen CoDesignerJoined",
                "chen ProposalAmended",
                "amara ProposalSubmitted",
                "bill EndorsementGiven",
                "bill AssetPledged",
                "bill ContributionRecorded",
                "dana PanelAssembled",
                "farah InterestDeclared",
                "dana VoteCast",
                "eli VoteCast",
                "bill VoteCast",
                "dana DecisionReached",
                "dana ProviderAssigned",
                "greenshoots ProgressReported");
        JsonNode recusal = journey.history().path("steps").findParents("recusal").stream()
                .filter(step -> step.path("recusal").asBoolean()).findFirst().orElseThrow();
        assertThat(recusal.path("actorId").asText()).isEqualTo("farah");
    }

    @Test
    void thePowerMapCountsWhoDecidedWhoWasRecusedAndWhoSatAtTheTable() {
        JsonNode powerMap = journey.powerMap();

        assertThat(actor(powerMap, "dana", "COMMISSIONER").path("votesCast").asInt()).isEqualTo(1);
        assertThat(actor(powerMap, "dana", "COMMISSIONER").path("decisionsClosed").asInt()).isEqualTo(1);
        assertThat(actor(powerMap, "eli", "COMMISSIONER").path("votesCast").asInt()).isEqualTo(1);
        assertThat(actor(powerMap, "farah", "COMMISSIONER").path("votesCast").asInt()).isZero();
        assertThat(actor(powerMap, "farah", "COMMISSIONER").path("recusals").asInt()).isEqualTo(1);
        assertThat(actor(powerMap, "bill", "CITIZEN").path("votesCast").asInt()).isEqualTo(1);
        assertThat(actor(powerMap, "bill", "CITIZEN").path("hoursPledgedPerMonth").asInt()).isEqualTo(6);
        assertThat(actor(powerMap, "amara", "CITIZEN").path("proposalsDrafted").asInt()).isEqualTo(1);
        assertThat(actor(powerMap, "chen", "STAFF").path("coDesignsJoined").asInt()).isEqualTo(1);
        JsonNode decision = DemoJourney.find(powerMap.path("decisions"), "caseId", journey.caseId());
        assertThat(decision.path("outcome").asText()).isEqualTo("APPROVED");
        assertThat(decision.path("panelSize").asInt()).isEqualTo(4);
        assertThat(decision.path("commissionersAtTable").asInt()).isEqualTo(3);
        assertThat(decision.path("citizensAtTable").asInt()).isEqualTo(1);
        assertThat(decision.path("citizensVoted").asInt()).isEqualTo(1);
        assertThat(decision.path("membersVoted").asInt()).isEqualTo(3);
        assertThat(decision.path("recused").asInt()).isEqualTo(1);
    }

    @Test
    void thePowerMapsTotalsAreTheFundsOwnEachJointFundCountedOnce() {
        JsonNode powerMap = journey.powerMap();
        JsonNode fund = journey.fund();

        JsonNode held = DemoJourney.find(powerMap.path("funds"), "fundId", journey.fundId());
        assertThat(held.path("amount").decimalValue()).isEqualByComparingTo(fund.path("amount").decimalValue()).isEqualByComparingTo("50000");
        assertThat(held.path("allocated").decimalValue()).isEqualByComparingTo("12000")
                .isEqualByComparingTo(fund.path("amount").decimalValue().subtract(fund.path("remaining").decimalValue()));
        assertThat(held.path("holders")).extracting(holder -> holder.path("name").asText()).containsExactly("Dana Reeves", "Eli Morgan");
        // other test classes on the same stack may hold funds too: the totals are each fund's own, each fund listed once
        String currency = fund.path("currency").asText();
        List<JsonNode> funds = new java.util.ArrayList<>();
        powerMap.path("funds").forEach(each -> {
            if (currency.equals(each.path("currency").asText())) {
                funds.add(each);
            }
        });
        assertThat(funds).extracting(each -> each.path("fundId").asText()).doesNotHaveDuplicates();
        JsonNode total = DemoJourney.find(powerMap.path("totals"), "currency", currency);
        assertThat(total.path("fundsHeld").decimalValue()).isEqualByComparingTo(
                funds.stream().map(each -> each.path("amount").decimalValue()).reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add));
        assertThat(total.path("allocated").decimalValue()).isEqualByComparingTo(
                funds.stream().map(each -> each.path("allocated").decimalValue()).reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add));
        assertThat(actor(powerMap, "dana", "COMMISSIONER").path("fundsHeld")).extracting(JsonNode::asText)
                .contains(journey.fundId()).doesNotHaveDuplicates();
        assertThat(actor(powerMap, "eli", "COMMISSIONER").path("fundsHeld")).extracting(JsonNode::asText)
                .contains(journey.fundId()).doesNotHaveDuplicates();
    }

    /** The names the identity provider gives the demo accounts that act in a public office. */
    private static final Map<String, String> OFFICE_NAMES = Map.of("chen", "Chen Li", "dana", "Dana Reeves", "eli", "Eli Morgan",
            "farah", "Farah Haddad", "greenshoots", "Green Shoots CIC");

    @Test
    void everyStepOfTheHistoryNamesItsActorByTheRuleAndBillWhoDidNotConsentNeverByName() {
        JsonNode steps = journey.history().path("steps");

        assertThat(steps).isNotEmpty();
        Set<String> roles = new TreeSet<>();
        for (JsonNode step : steps) {
            String actorId = step.path("actorId").asText();
            String role = step.path("actorRole").asText();
            String name = step.path("actorName").asText("");
            String what = actorId + " as " + role + " in " + step.path("event").asText();
            roles.add(role);
            switch (role) {
                case "COMMISSIONER", "STAFF", "PROVIDER" -> assertThat(name).as(what).isEqualTo(OFFICE_NAMES.get(actorId));
                case "SYSTEM" -> assertThat(name).as(what).isEqualTo("Roundtable " + step.path("source").asText());
                case "CITIZEN" -> {
                    if (actorId.equals("bill")) {
                        assertThat(name).as(what).startsWith("Neighbour ").doesNotContain("Bill");
                    } else {
                        assertThat(name).as(what).isEqualTo("Amara Okafor");
                    }
                }
                default -> throw new AssertionError("unexpected role: " + what);
            }
        }
        assertThat(roles).contains("CITIZEN", "STAFF", "COMMISSIONER", "PROVIDER", "SYSTEM");
        assertThat(steps).filteredOn(step -> step.path("actorId").asText().equals("bill")).hasSizeGreaterThanOrEqualTo(4);
        assertThat(journey.history().toString()).doesNotContain("Bill Turner");
        assertThat(journey.powerMap().toString()).doesNotContain("Bill Turner");
        assertThat(actor(journey.powerMap(), "dana", "COMMISSIONER").path("name").asText()).isEqualTo("Dana Reeves");
        String summary = journey.history().path("decisions").get(0).path("summary").asText();
        assertThat(summary).startsWith("Approved on ").contains("Dana Reeves (chair)", "Farah Haddad declared an interest (",
                "and was recused", "12000.00 GBP was allocated from 'Libraries community fund', leaving 38000.00 GBP");
    }

    @Test
    void onKafkaEveryEventCausedByAnotherNamesThatEventsIdAndEveryOtherTheRequestThatMadeIt() {
        List<ConsumerRecord<String, byte[]>> records = PublishedEvents.readAll(PORTS.kafka());
        Map<String, ConsumerRecord<String, byte[]>> byId = new HashMap<>();
        records.forEach(record -> byId.put(PublishedEvents.header(record, "ce_id"), record));

        assertThat(records).hasSizeGreaterThan(30);
        int causedByEvents = 0;
        for (ConsumerRecord<String, byte[]> record : records) {
            String what = PublishedEvents.header(record, "ce_type") + " " + PublishedEvents.header(record, "ce_id");
            String cause = PublishedEvents.header(record, "ce_causationid");
            assertThat(cause).as("the cause of " + what).isNotBlank().isNotEqualTo(PublishedEvents.header(record, "ce_id"));
            assertThat(PublishedEvents.header(record, "ce_actorrole")).as(what).isNotBlank();
            if ("SYSTEM".equals(PublishedEvents.header(record, "ce_actorrole"))) {
                assertThat(byId).as("the platform acts only on published events: " + what).containsKey(cause);
            }
            if (byId.containsKey(cause)) {
                causedByEvents++;
            }
            if (!"CITIZEN".equals(PublishedEvents.header(record, "ce_actorrole"))) {
                assertThat(PublishedEvents.header(record, "ce_actorname")).as("the name of whoever acted in " + what).isNotBlank();
            } else {
                assertThat(PublishedEvents.header(record, "ce_actorname")).as("a citizen is never named on the record: " + what).isNull();
            }
        }
        assertThat(causedByEvents).isGreaterThanOrEqualTo(6);

        ConsumerRecord<String, byte[]> submitted = only(records, "org.roundtable.proposals.ProposalSubmitted.v1", journey.proposalId());
        ConsumerRecord<String, byte[]> opened = only(records, "org.roundtable.commissioning.DecisionCaseOpened.v1", journey.caseId());
        ConsumerRecord<String, byte[]> decided = only(records, "org.roundtable.commissioning.DecisionReached.v1", journey.caseId());
        ConsumerRecord<String, byte[]> started = only(records, "org.roundtable.outcomes.InitiativeStarted.v1", journey.initiativeId());
        ConsumerRecord<String, byte[]> commissioned = only(records, "org.roundtable.proposals.ProposalCommissioned.v1", journey.proposalId());
        assertThat(PublishedEvents.header(submitted, "ce_causationid")).isEqualTo(journey.submissionRequestId());
        assertThat(PublishedEvents.header(opened, "ce_causationid")).isEqualTo(PublishedEvents.header(submitted, "ce_id"));
        assertThat(PublishedEvents.header(decided, "ce_causationid")).isEqualTo(journey.closingRequestId());
        assertThat(PublishedEvents.header(started, "ce_causationid")).isEqualTo(PublishedEvents.header(decided, "ce_id"));
        assertThat(PublishedEvents.header(commissioned, "ce_causationid")).isEqualTo(PublishedEvents.header(decided, "ce_id"));
        assertThat(PublishedEvents.header(decided, "ce_correlationid")).as("the journey's correlation stays the closing request's")
                .isNotEqualTo(journey.closingRequestId());
    }

    @Test
    void theWhyViewWalksTheInitiativeBackToTheClosingRequestAndTheCitizensSubmission() {
        String startedId = DemoJourney.find(journey.history().path("steps"), "event", "InitiativeStarted").path("eventId").asText();
        JsonNode why = auditor().get("/api/audit/events/" + startedId + "/why").path("event");

        assertThat(why.path("event").asText()).isEqualTo("InitiativeStarted");
        JsonNode decided = why.path("causedBy");
        assertThat(decided.path("event").asText()).isEqualTo("DecisionReached");
        JsonNode closing = decided.path("causedBy");
        assertThat(closing.path("kind").asText()).isEqualTo("REQUEST");
        assertThat(closing.path("id").asText()).isEqualTo(journey.closingRequestId());
        assertThat(closing.path("actorId").asText()).isEqualTo("dana");
        assertThat(closing.path("actorName").asText()).isEqualTo("Dana Reeves");
        JsonNode opened = decided.path("origin");
        assertThat(opened.path("event").asText()).isEqualTo("DecisionCaseOpened");
        JsonNode submitted = opened.path("causedBy");
        assertThat(submitted.path("event").asText()).isEqualTo("ProposalSubmitted");
        JsonNode submission = submitted.path("causedBy");
        assertThat(submission.path("kind").asText()).isEqualTo("REQUEST");
        assertThat(submission.path("id").asText()).isEqualTo(journey.submissionRequestId());
        assertThat(submission.path("actorId").asText()).isEqualTo("amara");
        assertThat(submission.path("actorName").asText()).isEqualTo("Amara Okafor");
    }

    @Test
    void everyRecordOnKafkaValidatesAgainstTheJsonSchemaItsDataschemaNames() throws Exception {
        List<ConsumerRecord<String, byte[]>> records = PublishedEvents.readAll(PORTS.kafka());
        GatewayClient auditor = auditor();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        Map<String, Schema> schemas = new HashMap<>();
        ObjectMapper json = new ObjectMapper();

        assertThat(records).isNotEmpty();
        for (ConsumerRecord<String, byte[]> record : records) {
            String type = PublishedEvents.header(record, "ce_type");
            String dataschema = PublishedEvents.header(record, "ce_dataschema");
            String path = "/api/audit/schemas/" + type + ".json";
            assertThat(dataschema).as(type).endsWith(path);
            Schema schema = schemas.computeIfAbsent(type, unused -> registry.getSchema(auditor.get(path).toString()));
            JsonNode data = json.readTree(record.value());
            assertThat(schema.validate(data)).as(type + " " + data).isEmpty();
        }
        assertThat(schemas).hasSizeGreaterThanOrEqualTo(25);
    }

    private static GatewayClient auditor() {
        return new GatewayClient(PORTS.gatewayUrl(), new DemoLogin(PORTS.issuer()).accessToken("hana", DemoJourney.PASSWORD), null);
    }

    private static ConsumerRecord<String, byte[]> only(List<ConsumerRecord<String, byte[]>> records, String type, String subject) {
        List<ConsumerRecord<String, byte[]>> found = records.stream()
                .filter(record -> type.equals(PublishedEvents.header(record, "ce_type")) && subject.equals(record.key())).toList();
        assertThat(found).as(type + " of " + subject).hasSize(1);
        return found.get(0);
    }

    @Test
    void onlyThoseWhoManageTheInitiativeRunItAndLivedExperienceIsItsOwnSeries() {
        String initiativePath = "/api/outcomes/initiatives/" + journey.initiativeId();
        String indicatorId = journey.initiative().path("indicators").get(0).path("indicatorId").asText();
        Map<String, Object> reading = Map.of("readings", List.of(Map.of("indicatorId", indicatorId, "value", 40)),
                "narrative", "Forty of us came", "observedOn", LocalDate.now(ZoneOffset.UTC).toString());

        assertThat(as("farah").refused("PUT", initiativePath + "/provider", Map.of("providerId", "farah-ltd", "providerName", "F")))
                .as("Farah holds no share of the fund and was recused").isEqualTo(403);
        assertThat(as("farah").refused("POST", initiativePath + "/reviews", Map.of("status", "ACHIEVED", "reason", "done",
                "overrideReason", "I say so"))).isEqualTo(403);
        assertThat(as("bill").refused("POST", initiativePath + "/progress-reports", reading)).as("Bill is not the provider").isEqualTo(403);
        as("bill").post(initiativePath + "/lived-experience", reading);
        JsonNode initiative = as("hana").await(initiativePath, EFFECT, "Bill's lived experience is shown in its own series",
                i -> DemoJourney.find(i.path("indicators"), "indicatorId", indicatorId).path("livedExperience").size() == 1);
        JsonNode indicator = DemoJourney.find(initiative.path("indicators"), "indicatorId", indicatorId);
        assertThat(indicator.path("latest").decimalValue()).as("the provider's latest value").isEqualByComparingTo("14");
        assertThat(indicator.path("met").asBoolean()).isFalse();
        assertThat(as("dana").refused("POST", initiativePath + "/reviews", Map.of("status", "ACHIEVED", "reason", "citizens say so")))
                .isEqualTo(409);
    }

    @Test
    void aDeclaredConflictOfInterestCannotBeResetAndThePowerMapKeepsTheRecusal() {
        String proposalId = as("amara").post("/api/proposals", Map.of("title", "Seed library at Eastfield",
                "aspiration", "Neighbours sharing seeds and growing know-how through the library", "serviceArea", "libraries",
                "assets", List.of(Map.of("kind", "KNOWLEDGE", "description", "Allotment holders who save seed", "holder", "Eastfield allotments")),
                "ask", Map.of("money", Map.of("amount", 500, "currency", "GBP"), "otherResources", List.of()),
                "intendedOutcomes", List.of("More households growing food"))).path("id").asText();
        as("amara").post("/api/proposals/" + proposalId + "/invitations", Map.of("inviteeId", "chen"));
        as("chen").actingAs("STAFF").post("/api/proposals/" + proposalId + "/co-designers", Map.of("brings", "The library's shelves"));
        as("amara").await("/api/proposals/" + proposalId, EFFECT, "Chen co-designs",
                p -> DemoJourney.find(p.path("coDesigners"), "participantId", "chen") != null);
        as("amara").post("/api/proposals/" + proposalId + "/submission", null);
        JsonNode cases = as("dana").await("/api/commissioning/cases", EFFECT, "a case for the seed library",
                c -> DemoJourney.find(c, "proposalId", proposalId) != null);
        String caseId = DemoJourney.find(cases, "proposalId", proposalId).path("caseId").asText();
        String casePath = "/api/commissioning/cases/" + caseId;
        Map<String, Object> panel = Map.of("fundId", journey.fundId(), "chairId", "dana",
                "members", List.of(Map.of("memberId", "dana", "role", "COMMISSIONER"), Map.of("memberId", "eli", "role", "COMMISSIONER"),
                        Map.of("memberId", "farah", "role", "COMMISSIONER"), Map.of("memberId", "bill", "role", "CITIZEN")),
                "deadline", Instant.now().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString());
        as("dana").post(casePath + "/panel", panel);
        as("farah").post(casePath + "/declarations", Map.of("hasInterest", true, "description", "I sit on the allotment society"));
        for (String member : List.of("dana", "eli", "bill")) {
            as(member).post(casePath + "/declarations", Map.of("hasInterest", false));
        }

        assertThat(as("dana").refused("POST", casePath + "/closure", null)).as("no quorum, deadline ahead, no reason").isEqualTo(409);
        as("dana").post(casePath + "/closure", Map.of("reason", "Bill cannot attend this week"));
        as("dana").await(casePath, EFFECT, "the case awaits a new panel", c -> "OPEN".equals(c.path("status").asText()));
        as("dana").post(casePath + "/panel", panel);
        assertThat(as("farah").refused("POST", casePath + "/declarations", Map.of("hasInterest", false)))
                .as("the declaration holds through the new panel").isEqualTo(400);
        assertThat(as("farah").refused("POST", casePath + "/votes", Map.of("vote", "APPROVE", "rationale", "fine"))).isEqualTo(403);
        for (String member : List.of("dana", "eli", "bill")) {
            as(member).post(casePath + "/votes", Map.of("vote", "APPROVE", "rationale", "Seeds the community already saves"));
        }
        as("dana").post(casePath + "/closure", null);
        JsonNode decided = as("dana").await(casePath, EFFECT, "the case is decided", c -> "CLOSED".equals(c.path("status").asText()));
        assertThat(DemoJourney.find(decided.path("decision").path("roll"), "memberId", "farah").path("recused").asBoolean()).isTrue();

        JsonNode powerMap = as("hana").await("/api/audit/power-map?serviceArea=libraries", EFFECT, "the decision reaches the power map",
                map -> DemoJourney.find(map.path("decisions"), "outcome", "APPROVED") != null && decisions(map, caseId).size() == 2);
        assertThat(decisions(powerMap, caseId)).extracting(d -> d.path("outcome").asText() + " recused " + d.path("recused").asInt())
                .containsExactly("NO_QUORUM recused 1", "APPROVED recused 1");
    }

    @Test
    void aProfileClaimsOnlyTheRolesTheTokenHolds() {
        assertThat(as("bill").refused("PUT", "/api/participation/profile", Map.of("displayName", "Bill Turner",
                "roles", List.of("CITIZEN", "STAFF"), "neighbourhood", "Eastfield", "namedPublicly", true))).isEqualTo(403);
        assertThat(as("bill").get("/api/participation/participants/bill").path("roles")).extracting(JsonNode::asText)
                .containsExactly("CITIZEN");
    }

    private static List<JsonNode> decisions(JsonNode powerMap, String caseId) {
        List<JsonNode> found = new ArrayList<>();
        powerMap.path("decisions").forEach(decision -> {
            if (caseId.equals(decision.path("caseId").asText())) {
                found.add(decision);
            }
        });
        return found;
    }

    private static GatewayClient as(String username) {
        return PEOPLE.computeIfAbsent(username, name -> new GatewayClient(PORTS.gatewayUrl(),
                new DemoLogin(PORTS.issuer()).accessToken(name, DemoJourney.PASSWORD), null));
    }

    private static JsonNode actor(JsonNode powerMap, String actorId, String role) {
        for (JsonNode actor : powerMap.path("actors")) {
            if (actorId.equals(actor.path("actorId").asText()) && role.equals(actor.path("role").asText())) {
                return actor;
            }
        }
        throw new AssertionError("the power map has no " + actorId + " as " + role + ": " + powerMap.path("actors"));
    }
}
