package org.roundtable.web;

/** The services' answers as JSON, shaped as their APIs give them. */
public final class Fixtures {

    public static final String PROPOSAL_ID = "6f1c2b7e-4c1d-4c55-9a0e-0b7d2f9c1a11";
    public static final String WORKSHOP_ID = "0b9e5a3c-2d4f-4a6b-8c1d-3e5f7a9b1c2d";
    public static final String PLEDGE_ID = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d";

    private Fixtures() {
    }

    public static String summary(String id, String title, String status) {
        return "{\"id\":\"" + id + "\",\"title\":\"" + title + "\",\"serviceArea\":\"libraries\",\"status\":\"" + status
                + "\",\"revision\":1,\"authorId\":\"amara\",\"authorName\":\"Amara Okafor\",\"coDesigners\":1,\"createdAt\":\"2026-11-01T10:00:00Z\","
                + "\"updatedAt\":\"2026-11-02T10:00:00Z\",\"submittedAt\":null}";
    }

    public static String page(String... items) {
        return "{\"items\":[" + String.join(",", items) + "],\"page\":0,\"size\":20,\"totalItems\":" + items.length + ",\"totalPages\":1}";
    }

    public static String content(String title, String aspiration) {
        return "{\"title\":\"" + title + "\",\"aspiration\":\"" + aspiration + "\",\"serviceArea\":\"libraries\","
                + "\"assets\":[{\"kind\":\"SKILL\",\"description\":\"Retired engineers who mend and teach\",\"holder\":\"Eastfield repair café\"}],"
                + "\"ask\":{\"money\":{\"amount\":12000,\"currency\":\"GBP\"},\"otherResources\":[\"Tools and safety equipment\"]},"
                + "\"intendedOutcomes\":[\"Young people gain practical skills and confidence\"]}";
    }

    /** A proposal in {@code status}, with {@code revisions} revisions (each a changed aspiration), Chen {@code chenState}. */
    public static String proposal(String status, int revisions, String chenState) {
        StringBuilder all = new StringBuilder();
        String latest = null;
        for (int i = 1; i <= revisions; i++) {
            latest = content("Repair and make club", i == 1 ? "Young people and retired makers repairing things together"
                    : "Young people and retired makers repairing and building things together, at their library");
            if (i > 1) {
                all.append(',');
            }
            all.append("{\"revision\":").append(i).append(",\"content\":").append(latest).append(",\"actorId\":\"")
                    .append(i == 1 ? "amara" : "chen").append("\",\"actorName\":\"").append(i == 1 ? "Amara Okafor" : "Chen Li")
                    .append("\",\"actorRole\":\"").append(i == 1 ? "CITIZEN" : "STAFF")
                    .append("\",\"note\":").append(i == 1 ? "null" : "\"Room availability corrected\"")
                    .append(",\"recordedAt\":\"2026-11-0").append(i).append("T10:00:00Z\"}");
        }
        String author = "{\"participantId\":\"amara\",\"name\":\"Amara Okafor\",\"role\":\"CITIZEN\",\"brings\":\"author\",\"state\":\"JOINED\","
                + "\"invitedAt\":null,\"joinedAt\":\"2026-11-01T10:00:00Z\"}";
        String chen = chenState == null ? "" : "{\"participantId\":\"chen\",\"name\":\"Chen Li\",\"role\":\"STAFF\",\"brings\":\"Knowledge of the rooms\",\"state\":\""
                + chenState + "\",\"invitedAt\":\"2026-11-01T11:00:00Z\",\"joinedAt\":null}";
        return "{\"id\":\"" + PROPOSAL_ID + "\",\"status\":\"" + status + "\",\"authorId\":\"amara\",\"authorName\":\"Amara Okafor\",\"current\":{\"revision\":" + revisions
                + ",\"content\":" + latest + ",\"actorId\":\"amara\",\"actorName\":\"Amara Okafor\",\"actorRole\":\"CITIZEN\",\"note\":null,\"recordedAt\":\"2026-11-01T10:00:00Z\"},"
                + "\"revisions\":[" + all + "],\"coDesigners\":[" + author + (chen.isEmpty() ? "" : "," + chen) + "],"
                + "\"statusHistory\":[{\"status\":\"DRAFT\",\"actorId\":\"amara\",\"actorName\":\"Amara Okafor\",\"actorRole\":\"CITIZEN\",\"reason\":null,\"caseId\":null,"
                + "\"at\":\"2026-11-01T10:00:00Z\"}],\"caseId\":null,\"allocated\":null,"
                + "\"createdAt\":\"2026-11-01T10:00:00Z\",\"updatedAt\":\"2026-11-02T10:00:00Z\"}";
    }

    public static String participation(int endorsements, String... endorsers) {
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < endorsers.length; i++) {
            names.append(i == 0 ? "" : ",").append("{\"name\":\"").append(endorsers[i]).append("\",\"reason\":\"My grandson would learn here\",")
                    .append("\"at\":\"2026-11-03T10:00:00Z\"}");
        }
        return "{\"proposalId\":\"" + PROPOSAL_ID + "\",\"title\":\"Repair and make club\",\"stage\":\"OPEN\",\"endorsementCount\":" + endorsements
                + ",\"endorsements\":[" + names + "],\"pledgeTotals\":{\"pledges\":1,\"hoursPerMonth\":6,\"skills\":0,\"places\":0,\"other\":0},"
                + "\"pledges\":[{\"id\":\"" + PLEDGE_ID + "\",\"name\":\"Bill Turner\",\"kind\":\"TIME\",\"description\":\"Teaching soldering\","
                + "\"hoursPerMonth\":6,\"at\":\"2026-11-03T10:00:00Z\"}],"
                + "\"workshops\":[{\"id\":\"" + WORKSHOP_ID + "\",\"title\":\"What should the club make first?\",\"startsAt\":\"2030-01-15T16:00:00Z\","
                + "\"place\":\"Eastfield library\",\"online\":false,\"organiser\":\"Amara Okafor\",\"registered\":1,\"attended\":1,"
                + "\"attendees\":[\"Bill Turner\"],\"contributions\":[{\"name\":\"Bill Turner\",\"idea\":\"Start with bicycle lights\","
                + "\"at\":\"2030-01-15T17:00:00Z\"}]}]}";
    }
}
