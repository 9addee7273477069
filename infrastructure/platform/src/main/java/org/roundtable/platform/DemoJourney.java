package org.roundtable.platform;

import com.fasterxml.jackson.databind.JsonNode;
import org.roundtable.identity.DemoLogin;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One proposal's way through the whole platform, played through the gateway by the demo accounts with their own
 * tokens: a citizen drafts it with the community's assets, a member of staff co-designs it, citizens endorse it and
 * pledge time, a workshop is held, commissioners declare their interests (one is recused) and decide it round the
 * table with a citizen member, money is allocated, the initiative starts and reports progress, and the auditor
 * verifies the ledger and reads who held the power. Each step waits, within bounds, until its effect can be read.
 */
public final class DemoJourney {

    /** What the journey made, for whoever wants to look further. */
    public record Result(String proposalId, String caseId, String fundId, String initiativeId, JsonNode proposal, JsonNode decisionCase,
                         JsonNode fund, JsonNode participation, JsonNode initiative, JsonNode verification, JsonNode history,
                         JsonNode powerMap, String submissionRequestId, String closingRequestId) {
    }

    /** The people of the journey, as the local authorization server and the Keycloak realm know them. */
    public static final List<String> ACCOUNTS = List.of("amara", "bill", "chen", "dana", "eli", "farah", "greenshoots", "hana");

    /** Every demo account's password; the accounts exist only on a local authorization server or the compose realm. */
    public static final String PASSWORD = "roundtable";

    private static final Duration EFFECT_TIMEOUT = Duration.ofSeconds(60);
    private static final String AREA = "libraries";

    private final String gatewayUrl;
    private final Function<String, String> tokens;
    private final PrintStream out;
    private final Map<String, GatewayClient> people = new LinkedHashMap<>();

    /**
     * @param gatewayUrl where the gateway answers
     * @param tokens     an access token for a demo account's username
     * @param out        where the journey tells what happens
     */
    public DemoJourney(String gatewayUrl, Function<String, String> tokens, PrintStream out) {
        this.gatewayUrl = gatewayUrl;
        this.tokens = tokens;
        this.out = out;
    }

    /** The journey through a local stack's gateway, each account logged in at its authorization server. */
    public static DemoJourney against(Ports ports, PrintStream out) {
        DemoLogin login = new DemoLogin(ports.issuer());
        return new DemoJourney(ports.gatewayUrl(), username -> login.accessToken(username, PASSWORD), out);
    }

    private GatewayClient as(String username) {
        return people.computeIfAbsent(username, name -> new GatewayClient(gatewayUrl, tokens.apply(name), null));
    }

    public Result play() {
        Instant started = Instant.now();
        step("Everyone logs in");
        ACCOUNTS.forEach(this::as);

        step("Amara, Bill and Chen tell the platform who they are: Amara and Chen consent to be named, Bill does not");
        as("amara").put("/api/participation/profile", profile("Amara Okafor", List.of("CITIZEN"), "Eastfield",
                "I run the homework club at the library on Thursdays", null, null, true));
        as("bill").put("/api/participation/profile", profile("Bill Turner", List.of("CITIZEN"), "Eastfield",
                "Forty years as an electrician; happy to teach soldering", null, null, false));
        GatewayClient chenAsStaff = as("chen").actingAs("STAFF");
        chenAsStaff.put("/api/participation/profile", profile("Chen Li", List.of("STAFF", "CITIZEN"), "Northgate",
                "Children's librarian at Eastfield", false, true, true));

        step("Amara drafts a proposal built on what Eastfield already has");
        String proposalId = as("amara").post("/api/proposals", content(
                "Repair and make club at Eastfield library",
                "Young people and retired makers repairing and building things together, every week, at their library",
                List.of(asset("SKILL", "Retired engineers and electricians who mend and teach", "Eastfield repair café volunteers"),
                        asset("PLACE", "The community room at Eastfield library, free on weekday afternoons", "Eastfield library"),
                        asset("TIME", "Volunteers' afternoons, two a month each", "Residents of Eastfield")),
                new BigDecimal("12000.00"), List.of("Tools and safety equipment", "A library contact for bookings"),
                List.of("Young people gain practical skills and confidence", "Older residents are connected to their neighbours"))).path("id").asText();
        as("amara").await("/api/proposals/" + proposalId, EFFECT_TIMEOUT, "the draft can be read",
                proposal -> "DRAFT".equals(proposal.path("status").asText()));

        step("Amara invites Chen, who joins as staff and amends the draft");
        as("amara").post("/api/proposals/" + proposalId + "/invitations", Map.of("inviteeId", "chen"));
        chenAsStaff.post("/api/proposals/" + proposalId + "/co-designers", Map.of("brings",
                "Knowledge of the library's rooms, opening hours and safeguarding rules"));
        chenAsStaff.post("/api/proposals/" + proposalId + "/revisions", Map.of("content", content(
                "Repair and make club at Eastfield library",
                "Young people and retired makers repairing and building things together, every week, at their library",
                List.of(asset("SKILL", "Retired engineers and electricians who mend and teach", "Eastfield repair café volunteers"),
                        asset("PLACE", "The community room at Eastfield library, free on Tuesday and Thursday afternoons", "Eastfield library"),
                        asset("TIME", "Volunteers' afternoons, two a month each", "Residents of Eastfield"),
                        asset("KNOWLEDGE", "Safeguarding and room booking know-how", "Chen Li, children's librarian")),
                new BigDecimal("12000.00"), List.of("Tools and safety equipment", "A library contact for bookings"),
                List.of("Young people gain practical skills and confidence", "Older residents are connected to their neighbours",
                        "The library is open to more of its neighbourhood")),
                "note", "Room availability corrected; safeguarding brought in from the library's side"));
        as("amara").await("/api/proposals/" + proposalId, EFFECT_TIMEOUT, "Chen's amendment is revision 2",
                proposal -> proposal.path("revisions").size() == 2 && hasItem(proposal.path("coDesigners"), "participantId", "chen"));

        step("Amara submits it; commissioning opens a decision case and participation opens endorsements");
        as("amara").post("/api/proposals/" + proposalId + "/submission", null);
        String submissionRequestId = as("amara").lastRequestId();
        JsonNode opened = as("dana").await("/api/commissioning/cases", EFFECT_TIMEOUT, "a decision case for the proposal",
                cases -> find(cases, "proposalId", proposalId) != null);
        String caseId = find(opened, "proposalId", proposalId).path("caseId").asText();
        as("bill").await("/api/participation/proposals/" + proposalId, EFFECT_TIMEOUT, "endorsements are open",
                participation -> "OPEN".equals(participation.path("stage").asText()));

        step("Bill and Amara endorse it and pledge their time");
        as("bill").post("/api/participation/proposals/" + proposalId + "/endorsements",
                Map.of("reason", "My grandson would learn more here in a month than I could show him in a year"));
        as("amara").post("/api/participation/proposals/" + proposalId + "/endorsements",
                Map.of("reason", "The library is where our young people already go"));
        String billsPledge = as("bill").post("/api/participation/proposals/" + proposalId + "/pledges",
                Map.of("kind", "TIME", "description", "Teaching soldering and safe wiring", "hoursPerMonth", 6)).path("id").asText();
        as("amara").post("/api/participation/proposals/" + proposalId + "/pledges",
                Map.of("kind", "TIME", "description", "Running sign-ups and the Thursday sessions", "hoursPerMonth", 4));

        step("A co-design workshop is held: Amara schedules it, Bill comes, ideas are recorded");
        String workshopId = as("amara").post("/api/participation/proposals/" + proposalId + "/workshops", Map.of(
                "title", "What should the club make first?",
                "startsAt", Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS).toString(),
                "place", "Community room, Eastfield library")).path("id").asText();
        String workshop = "/api/participation/proposals/" + proposalId + "/workshops/" + workshopId;
        as("bill").post(workshop + "/registrations", null);
        as("amara").post(workshop + "/attendance", Map.of("participantId", "bill"));
        as("bill").post(workshop + "/contributions", Map.of("idea", "Start with bicycle lights: cheap, useful, and every child has a bike"));
        chenAsStaff.post(workshop + "/contributions", Map.of("idea", "Lend the finished tool kits from the library like books"));
        JsonNode participation = as("bill").await("/api/participation/proposals/" + proposalId, EFFECT_TIMEOUT,
                "two endorsements, 10 pledged hours a month and a workshop with two contributions",
                p -> p.path("endorsementCount").asInt() == 2 && p.path("pledgeTotals").path("hoursPerMonth").asInt() == 10
                        && p.path("workshops").size() == 1 && p.path("workshops").get(0).path("attended").asInt() == 1
                        && p.path("workshops").get(0).path("contributions").size() == 2);

        step("Dana creates the libraries fund, held with Eli");
        // the services keep their calendars in UTC
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String fundId = as("dana").post("/api/commissioning/funds", Map.of(
                "name", "Libraries community fund",
                "serviceArea", AREA,
                "periodStart", today.withDayOfYear(1).toString(),
                "periodEnd", today.withDayOfYear(today.lengthOfYear()).toString(),
                "amount", Map.of("amount", new BigDecimal("50000.00"), "currency", "GBP"),
                "holderIds", List.of("dana", "eli"))).path("id").asText();

        step("Dana assembles the panel: Dana (chair), Eli, Farah, and Bill as the citizen member round the table");
        as("dana").await("/api/commissioning/cases/" + caseId, EFFECT_TIMEOUT, "the panel knows what citizens said",
                c -> c.path("whatCitizensSaid").path("endorsementCount").asInt() == 2
                        && c.path("whatCitizensSaid").path("hoursPerMonth").asInt() == 10);
        as("dana").post("/api/commissioning/cases/" + caseId + "/panel", Map.of(
                "fundId", fundId,
                "members", List.of(member("dana", "COMMISSIONER"), member("eli", "COMMISSIONER"), member("farah", "COMMISSIONER"),
                        member("bill", "CITIZEN")),
                "chairId", "dana",
                "deadline", Instant.now().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString()));

        step("Everyone round the table declares their interests; Farah declares one and is recused");
        String declarations = "/api/commissioning/cases/" + caseId + "/declarations";
        as("dana").post(declarations, Map.of("hasInterest", false));
        as("eli").post(declarations, Map.of("hasInterest", false));
        as("farah").post(declarations, Map.of("hasInterest", true, "description", "My partner volunteers at the Eastfield repair café"));
        as("bill").post(declarations, Map.of("hasInterest", false, "description", "I endorsed the proposal and pledged my time, as the panel knows"));

        step("They vote, each with a rationale; Farah's vote is refused");
        String votes = "/api/commissioning/cases/" + caseId + "/votes";
        as("dana").post(votes, Map.of("vote", "APPROVE", "rationale",
                "Built on skills and a place the community already has; modest ask against clear outcomes"));
        as("eli").post(votes, Map.of("vote", "APPROVE", "rationale", "Strong endorsement and pledged time; the library confirms the room"));
        as("bill").post(votes, Map.of("vote", "APPROVE", "rationale", "People I know will turn up; they said so at the workshop"));
        int farahRefused = as("farah").refused("POST", votes, Map.of("vote", "APPROVE", "rationale", "I would support it"));
        if (farahRefused != 403) {
            throw new IllegalStateException("a recused member's vote must be refused with 403, not " + farahRefused);
        }

        step("Dana closes the case: approved, and 12,000 GBP allocated from the fund");
        as("dana").post("/api/commissioning/cases/" + caseId + "/closure", null);
        String closingRequestId = as("dana").lastRequestId();
        JsonNode decisionCase = as("dana").await("/api/commissioning/cases/" + caseId, EFFECT_TIMEOUT, "the case is decided",
                c -> "CLOSED".equals(c.path("status").asText()) && "APPROVED".equals(c.path("outcome").asText()));
        JsonNode fund = as("dana").await("/api/commissioning/funds/" + fundId, EFFECT_TIMEOUT, "the fund has 38,000 GBP left",
                f -> f.path("remaining").decimalValue().compareTo(new BigDecimal("38000")) == 0);
        JsonNode proposal = as("amara").await("/api/proposals/" + proposalId, EFFECT_TIMEOUT, "the proposal is commissioned",
                p -> "COMMISSIONED".equals(p.path("status").asText()));

        step("Outcomes starts the initiative; Dana assigns Green Shoots CIC to deliver it, defines an indicator and sets review dates");
        JsonNode initiatives = as("dana").await("/api/outcomes/initiatives?serviceArea=" + AREA + "&size=100", EFFECT_TIMEOUT,
                "an initiative for the proposal", page -> find(page.path("items"), "proposalId", proposalId) != null);
        String initiativeId = find(initiatives.path("items"), "proposalId", proposalId).path("id").asText();
        String initiativePath = "/api/outcomes/initiatives/" + initiativeId;
        JsonNode drafted = as("dana").await(initiativePath, EFFECT_TIMEOUT, "the intended outcomes are draft indicators",
                i -> i.path("indicators").size() == 3);
        String indicatorId = drafted.path("indicators").get(0).path("indicatorId").asText();
        as("dana").put(initiativePath + "/provider", Map.of("providerId", "greenshoots", "providerName", "Green Shoots CIC"));
        as("dana").put(initiativePath + "/indicators/" + indicatorId, Map.of("unit", "young people taking part in a month",
                "baseline", 0, "target", 40, "direction", "HIGHER_IS_BETTER"));
        as("dana").put(initiativePath + "/review-dates", Map.of("reviewDates", List.of(today.plusMonths(3).toString(),
                today.plusMonths(6).toString())));

        step("Green Shoots reports the first month's progress; Amara records the hours Bill gave");
        as("greenshoots").post(initiativePath + "/progress-reports", Map.of(
                "readings", List.of(Map.of("indicatorId", indicatorId, "value", 14)),
                "narrative", "Fourteen young people came in the first month; three bicycle lights and a radio were repaired",
                "observedOn", today.toString()));
        as("amara").post(initiativePath + "/assets-given", Map.of("pledgeId", billsPledge,
                "description", "Bill's soldering sessions in the first month", "hours", 6, "givenOn", today.toString()));
        JsonNode initiative = as("dana").await(initiativePath, EFFECT_TIMEOUT,
                "the provider, the defined indicator at 14, one report and one pledge fulfilled",
                i -> "greenshoots".equals(i.path("provider").path("id").asText()) && i.path("reports").size() == 1
                        && i.path("assets").path("pledgesFulfilled").asInt() == 1
                        && find(i.path("indicators"), "indicatorId", indicatorId).path("latest").decimalValue().intValue() == 14);
        step("Hana, the auditor, reads the proposal's history from the ledger, verifies the ledger and reads the power map");
        JsonNode history = as("hana").await("/api/audit/proposals/" + proposalId + "/history", EFFECT_TIMEOUT,
                "the ledger holds the whole story, to the progress reported and the hours given",
                h -> eventsIn(h).containsAll(List.of("ProposalDrafted", "DecisionReached", "FundsAllocated", "InitiativeStarted",
                        "ProgressReported", "AssetsMobilised")));
        JsonNode verification = as("hana").get("/api/audit/verification");
        if (!verification.path("intact").asBoolean()) {
            throw new IllegalStateException("the ledger does not verify: " + verification);
        }
        JsonNode powerMap = as("hana").get("/api/audit/power-map?serviceArea=" + AREA + "&from=" + started);

        out.printf("%nThe journey took %d s.%n", Duration.between(started, Instant.now()).toSeconds());
        return new Result(proposalId, caseId, fundId, initiativeId, proposal, decisionCase, fund, participation, initiative,
                verification, history, powerMap, submissionRequestId, closingRequestId);
    }

    private void step(String what) {
        out.println("-> " + what);
    }

    /** Only staff say whether they live locally and use the services they work in. */
    private static Map<String, Object> profile(String name, List<String> roles, String neighbourhood, String offers, Boolean livesLocally,
                                               Boolean usesServices, boolean namedPublicly) {
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("displayName", name);
        profile.put("roles", roles);
        profile.put("neighbourhood", neighbourhood);
        profile.put("offers", offers);
        if (livesLocally != null) {
            profile.put("livesLocally", livesLocally);
            profile.put("usesServices", usesServices);
        }
        profile.put("namedPublicly", namedPublicly);
        profile.put("contactable", false);
        return profile;
    }

    private static Map<String, Object> content(String title, String aspiration, List<Map<String, Object>> assets, BigDecimal money,
                                               List<String> otherResources, List<String> outcomes) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("title", title);
        content.put("aspiration", aspiration);
        content.put("serviceArea", AREA);
        content.put("assets", assets);
        content.put("ask", Map.of("money", Map.of("amount", money, "currency", "GBP"), "otherResources", otherResources));
        content.put("intendedOutcomes", outcomes);
        return content;
    }

    private static Map<String, Object> asset(String kind, String description, String holder) {
        return Map.of("kind", kind, "description", description, "holder", holder);
    }

    private static Map<String, Object> member(String id, String role) {
        return Map.of("memberId", id, "role", role);
    }

    private static List<String> eventsIn(JsonNode history) {
        List<String> events = new ArrayList<>();
        history.path("steps").forEach(step -> events.add(step.path("event").asText()));
        return events;
    }

    private static boolean hasItem(JsonNode array, String field, String value) {
        return find(array, field, value) != null;
    }

    static JsonNode find(JsonNode array, String field, String value) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items.stream().filter(item -> value.equals(item.path(field).asText())).findFirst().orElse(null);
    }
}
