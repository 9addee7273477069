package org.roundtable.benchmarks;

import org.roundtable.platform.SyntheticCitizens.Citizen;
import org.roundtable.testsupport.ApiClient;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Proposals drafted and submitted through the gateway by citizens, the way the pages do it. */
final class OpenProposals {

    private static final Duration OPENING = Duration.ofSeconds(60);

    private OpenProposals() {
    }

    /**
     * Drafts a proposal as the author, who invites the co-designer, who joins (a proposal is submitted with at least
     * one co-designer besides its author); then the author submits it. Returns its id once every step was accepted.
     */
    static String submit(ApiClient gateway, Citizen author, Citizen coDesigner, int n) {
        ApiClient.Response drafted = gateway.post("/api/proposals", author.token(), Map.of(
                "title", "Repair café number " + n,
                "aspiration", "Neighbours mending things together every week, and teaching each other how",
                "serviceArea", "libraries",
                "assets", List.of(Map.of("kind", "SKILL", "description", "Retired engineers who mend and teach", "holder", "Neighbours")),
                "ask", Map.of("money", Map.of("amount", new BigDecimal("1500.00"), "currency", "GBP"), "otherResources", List.of("A room")),
                "intendedOutcomes", List.of("Fewer things thrown away")));
        if (drafted.status() != 201 && drafted.status() != 200) {
            throw new IllegalStateException("drafting a proposal answered " + drafted.status() + " " + drafted.body());
        }
        String id = drafted.body().path("id").asText();
        expect(gateway.post("/api/proposals/" + id + "/invitations", author.token(), Map.of("inviteeId", coDesigner.subject())), "inviting to " + id);
        expect(gateway.post("/api/proposals/" + id + "/co-designers", coDesigner.token(), Map.of("brings", "A van and a workbench")), "joining " + id);
        ApiClient.Response submitted = gateway.post("/api/proposals/" + id + "/submission", author.token(), null);
        if (submitted.status() / 100 != 2) {
            throw new IllegalStateException("submitting proposal " + id + " answered " + submitted.status() + " " + submitted.body());
        }
        return id;
    }

    /** {@code count} proposals, each by another of the citizens, returned once participation has opened endorsements on all. */
    static List<String> openForEndorsement(ApiClient gateway, List<Citizen> authors, int count) {
        List<String> ids = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            ids.add(submit(gateway, authors.get(n % authors.size()), authors.get((n + 1) % authors.size()), n));
        }
        long deadline = System.nanoTime() + OPENING.toNanos();
        for (int n = 0; n < ids.size(); n++) {
            Citizen reader = authors.get(n % authors.size());
            while (true) {
                ApiClient.Response participation = gateway.get("/api/participation/proposals/" + ids.get(n), reader.token());
                if (participation.status() == 200 && "OPEN".equals(participation.body().path("stage").asText())) {
                    break;
                }
                if (System.nanoTime() - deadline > 0) {
                    throw new IllegalStateException("endorsements did not open on proposal " + ids.get(n) + " within " + OPENING.toSeconds() + " s");
                }
                pause(100);
            }
        }
        return ids;
    }

    private static void expect(ApiClient.Response response, String step) {
        if (response.status() / 100 != 2) {
            throw new IllegalStateException(step + " answered " + response.status() + " " + response.body());
        }
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }
}
