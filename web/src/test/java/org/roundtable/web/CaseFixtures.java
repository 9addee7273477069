package org.roundtable.web;

import java.util.ArrayList;
import java.util.List;

/** The commissioning service's answers as JSON: funds and a decision case at each step of its journey. */
public final class CaseFixtures {

    public static final String CASE_ID = "3d2c1b0a-9f8e-4d7c-8b6a-5f4e3d2c1b0a";
    public static final String FUND_ID = "7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d";

    private CaseFixtures() {
    }

    public static String fund(String remaining) {
        return "{\"fundId\":\"" + FUND_ID + "\",\"name\":\"Libraries community fund\",\"serviceArea\":\"libraries\",\"periodStart\":\"2026-01-01\","
                + "\"periodEnd\":\"2026-12-31\",\"amount\":50000,\"remaining\":" + remaining + ",\"currency\":\"GBP\",\"holderIds\":[\"dana\",\"eli\"]}";
    }

    public static String summary(String status, String outcome) {
        return "{\"caseId\":\"" + CASE_ID + "\",\"proposalId\":\"" + Fixtures.PROPOSAL_ID + "\",\"title\":\"Repair and make club\","
                + "\"serviceArea\":\"libraries\",\"status\":\"" + status + "\",\"deadline\":\"2030-01-31T17:00:00Z\",\"outcome\":"
                + (outcome == null ? "null" : "\"" + outcome + "\"") + "}";
    }

    /** A timeline entry; {@code detail} is the event's JSON. */
    public static String entry(String kind, String actor, String role, String detail, int minute) {
        return "{\"kind\":\"" + kind + "\",\"actorId\":\"" + actor + "\",\"actorRole\":\"" + role + "\",\"detail\":" + detail
                + ",\"at\":\"2026-11-10T10:" + (minute < 10 ? "0" : "") + minute + ":00Z\"}";
    }

    public static String opened() {
        return entry("OPENED", "commissioning", "SYSTEM", "{\"caseId\":\"" + CASE_ID + "\",\"proposalId\":\"" + Fixtures.PROPOSAL_ID
                + "\",\"title\":\"Repair and make club\",\"serviceArea\":\"libraries\"}", 0);
    }

    public static String panel() {
        return entry("PANEL_ASSEMBLED", "dana", "COMMISSIONER", "{\"caseId\":\"" + CASE_ID + "\",\"members\":["
                + "{\"memberId\":\"dana\",\"role\":\"COMMISSIONER\"},{\"memberId\":\"eli\",\"role\":\"COMMISSIONER\"},"
                + "{\"memberId\":\"farah\",\"role\":\"COMMISSIONER\"},{\"memberId\":\"bill\",\"role\":\"CITIZEN\",\"name\":\"Bill Turner\"}],\"chairId\":\"dana\","
                + "\"deadline\":\"2030-01-31T17:00:00Z\",\"fundId\":\"" + FUND_ID + "\",\"amount\":{\"amount\":12000,\"currency\":\"GBP\"},"
                + "\"proposalId\":\"" + Fixtures.PROPOSAL_ID + "\",\"serviceArea\":\"libraries\"}", 1);
    }

    public static String declared(String member, String role, boolean interest, int minute) {
        return entry(interest ? "RECUSED" : "NO_INTEREST_DECLARED", member, role, "{\"caseId\":\"" + CASE_ID + "\",\"memberId\":\"" + member
                + "\",\"hasInterest\":" + interest + ",\"description\":" + (interest ? "\"My partner volunteers at the repair café\"" : "null")
                + ",\"recused\":" + interest + ",\"proposalId\":\"" + Fixtures.PROPOSAL_ID + "\",\"changeReason\":null}", minute);
    }

    public static String voted(String member, String role, String vote, String previous, String rationale, int minute) {
        return entry(previous == null ? "VOTE_CAST" : "VOTE_CHANGED", member, role, "{\"caseId\":\"" + CASE_ID + "\",\"memberId\":\"" + member
                + "\",\"vote\":\"" + vote + "\",\"rationale\":\"" + rationale + "\",\"previousVote\":" + (previous == null ? "null" : "\"" + previous + "\"")
                + ",\"proposalId\":\"" + Fixtures.PROPOSAL_ID + "\"}", minute);
    }

    public static String decided(int minute) {
        return entry("DECISION_REACHED", "dana", "COMMISSIONER", decision(), minute);
    }

    private static String decision() {
        return "{\"caseId\":\"" + CASE_ID + "\",\"proposalId\":\"" + Fixtures.PROPOSAL_ID + "\",\"outcome\":\"APPROVED\",\"roll\":["
                + "{\"memberId\":\"dana\",\"role\":\"COMMISSIONER\",\"vote\":\"APPROVE\",\"rationale\":\"Built on what the community has\",\"recused\":false,\"declaredInterest\":null},"
                + "{\"memberId\":\"eli\",\"role\":\"COMMISSIONER\",\"vote\":\"APPROVE\",\"rationale\":\"Convinced by the room plan\",\"recused\":false,\"declaredInterest\":null},"
                + "{\"memberId\":\"farah\",\"role\":\"COMMISSIONER\",\"vote\":null,\"rationale\":null,\"recused\":true,\"declaredInterest\":\"My partner volunteers at the repair café\"},"
                + "{\"memberId\":\"bill\",\"role\":\"CITIZEN\",\"name\":\"Bill Turner\",\"vote\":\"APPROVE\",\"rationale\":\"My grandson would learn here\",\"recused\":false,\"declaredInterest\":null}],"
                + "\"allocation\":{\"fundId\":\"" + FUND_ID + "\",\"amount\":{\"amount\":12000,\"currency\":\"GBP\"}},"
                + "\"note\":\"Quorate: 3 of 3 members not recused voted, 1 citizen member among them\",\"serviceArea\":\"libraries\",\"fundHolderIds\":[\"dana\",\"eli\"]}";
    }

    /** The case in {@code status} with these timeline entries after its opening. */
    public static String decisionCase(String status, String outcome, String... entries) {
        List<String> timeline = new ArrayList<>(List.of(opened()));
        timeline.addAll(List.of(entries));
        boolean panel = timeline.stream().anyMatch(e -> e.contains("PANEL_ASSEMBLED"));
        return "{\"caseId\":\"" + CASE_ID + "\",\"proposalId\":\"" + Fixtures.PROPOSAL_ID + "\",\"title\":\"Repair and make club\","
                + "\"serviceArea\":\"libraries\",\"status\":\"" + status + "\",\"deadline\":" + (panel ? "\"2030-01-31T17:00:00Z\"" : "null")
                + ",\"chairId\":" + (panel ? "\"dana\"" : "null") + ",\"fundId\":" + (panel ? "\"" + FUND_ID + "\"" : "null")
                + ",\"amount\":" + (panel ? "{\"amount\":12000,\"currency\":\"GBP\"}" : "null")
                + ",\"outcome\":" + (outcome == null ? "null" : "\"" + outcome + "\"") + ",\"decision\":" + ("APPROVED".equals(outcome) ? decision() : "null")
                + ",\"proposalAsSubmitted\":{\"proposalId\":\"" + Fixtures.PROPOSAL_ID + "\",\"revision\":2,\"content\":"
                + Fixtures.content("Repair and make club", "Young people and retired makers repairing and building things together")
                + ",\"coDesigners\":[]},\"whatCitizensSaid\":{\"endorsementCount\":1,\"endorsements\":[{\"name\":\"Amara Okafor\","
                + "\"reason\":\"Our library is where we meet\"}],\"pledges\":1,\"hoursPerMonth\":6,\"skills\":0,\"places\":0,\"pledgeList\":["
                + "{\"name\":\"Bill Turner\",\"kind\":\"TIME\",\"description\":\"Teaching soldering\",\"hoursPerMonth\":6}]},"
                + "\"timeline\":[" + String.join(",", timeline) + "]}";
    }
}
