package org.roundtable.web;

/** The outcomes service's answers as JSON: an initiative before and after its provider reports. */
public final class InitiativeFixtures {

    public static final String INITIATIVE_ID = "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b";
    public static final String INDICATOR_ID = "young-people-gain-practical-skills";

    private InitiativeFixtures() {
    }

    public static String summary() {
        return "{\"id\":\"" + INITIATIVE_ID + "\",\"proposalId\":\"" + Fixtures.PROPOSAL_ID + "\",\"title\":\"Repair and make club\","
                + "\"serviceArea\":\"libraries\",\"status\":\"IN_DELIVERY\",\"funding\":{\"amount\":12000,\"currency\":\"GBP\"},"
                + "\"providerId\":\"greenshoots\",\"providerName\":\"Green Shoots CIC\",\"startedAt\":\"2026-11-10T10:00:00Z\",\"updatedAt\":\"2026-11-10T10:00:00Z\"}";
    }

    /** {@code readings}: the provider's series as JSON points; {@code lived}: the lived-experience series; {@code reports}: the reports. */
    public static String initiative(boolean assigned, boolean defined, String readings, String lived, String reports) {
        String indicator = "{\"indicatorId\":\"" + INDICATOR_ID + "\",\"name\":\"Young people gain practical skills and confidence\",\"defined\":" + defined
                + ",\"unit\":" + (defined ? "\"young people taking part in a month\"" : "null") + ",\"baseline\":" + (defined ? "0" : "null")
                + ",\"target\":" + (defined ? "40" : "null") + ",\"direction\":" + (defined ? "\"HIGHER_IS_BETTER\"" : "null")
                + ",\"series\":[" + readings + "],\"latest\":" + (readings.isEmpty() ? "null" : "14") + ",\"progress\":"
                + (readings.isEmpty() ? "null" : "0.35") + ",\"met\":" + (readings.isEmpty() ? "null" : "false") + ",\"livedExperience\":[" + lived + "]}";
        return "{\"id\":\"" + INITIATIVE_ID + "\",\"proposalId\":\"" + Fixtures.PROPOSAL_ID + "\",\"caseId\":\"" + CaseFixtures.CASE_ID
                + "\",\"title\":\"Repair and make club\",\"serviceArea\":\"libraries\",\"status\":\"IN_DELIVERY\","
                + "\"funding\":{\"amount\":12000,\"currency\":\"GBP\"},\"provider\":" + (assigned ? "{\"id\":\"greenshoots\",\"name\":\"Green Shoots CIC\"}" : "null")
                + ",\"reviewDates\":[],\"indicators\":[" + indicator + "],\"reports\":[" + reports + "],"
                + "\"assets\":{\"pledged\":[{\"pledgeId\":\"" + Fixtures.PLEDGE_ID + "\",\"participantId\":\"bill\",\"publicName\":\"Quiet Heron\","
                + "\"kind\":\"TIME\",\"description\":\"Teaching soldering\",\"hoursPerMonth\":6,\"released\":false,\"fulfilled\":true}],"
                + "\"given\":[{\"mobilisationId\":\"m1\",\"pledgeId\":\"" + Fixtures.PLEDGE_ID + "\",\"participantId\":\"bill\",\"publicName\":\"Quiet Heron\","
                + "\"kind\":\"TIME\",\"description\":\"Teaching soldering\",\"hours\":4,\"givenOn\":\"2026-11-20\",\"recordedBy\":\"greenshoots\","
                + "\"recordedAs\":\"PROVIDER\"}],\"pledgesExpected\":1,\"pledgesFulfilled\":1,\"pledgedHoursPerMonth\":6,\"hoursGiven\":4},"
                + "\"reviews\":[],\"startedAt\":\"2026-11-10T10:00:00Z\",\"updatedAt\":\"2026-11-10T10:00:00Z\"}";
    }

    public static String point(String day, int value, boolean lived) {
        return "{\"observedOn\":\"" + day + "\",\"reportedOn\":\"" + day + "\",\"value\":" + value + ",\"livedExperience\":" + lived
                + ",\"reportId\":\"r-" + day + "\"}";
    }

    public static String report(String day, boolean lived, String narrative) {
        return "{\"reportId\":\"r-" + day + "\",\"observedOn\":\"" + day + "\",\"reportedOn\":\"" + day + "\",\"livedExperience\":" + lived
                + ",\"reporterId\":\"" + (lived ? "bill" : "greenshoots") + "\",\"reporterRole\":\"" + (lived ? "CITIZEN" : "PROVIDER")
                + "\",\"narrative\":\"" + narrative + "\",\"readings\":[]}";
    }
}
