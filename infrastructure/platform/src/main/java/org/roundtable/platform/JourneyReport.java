package org.roundtable.platform;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.PrintStream;
import java.util.List;

/** Prints what the auditor found at the end of the journey: the verified ledger, the proposal's timeline, the power map. */
final class JourneyReport {

    private JourneyReport() {
    }

    static void print(DemoJourney.Result result, PrintStream out) {
        out.println();
        out.println("The auditor's view (Hana, AUDITOR)");
        JsonNode verification = result.verification();
        out.printf("  Ledger: %s, %d entries verified (hash chains%s)%n", verification.path("intact").asBoolean() ? "intact" : "NOT INTACT",
                verification.path("entriesVerified").asLong(),
                verification.path("checkpoint").isObject() ? " and the latest signed checkpoint" : "; no signed checkpoint yet");
        out.println();
        out.printf("  Timeline of \"%s\" (proposal %s):%n", result.history().path("title").asText(), result.proposalId());
        for (JsonNode step : result.history().path("steps")) {
            String actor = step.path("actorName").isTextual() ? step.path("actorName").asText() : step.path("actorId").asText("-");
            String reason = step.path("reason").isTextual() ? "  — " + step.path("reason").asText() : "";
            out.printf("    %-20s %-14s %-18s %s%s%s%n", step.path("occurredAt").asText().replace('T', ' ').replaceAll("\\.\\d+Z$", "Z"),
                    step.path("actorRole").asText("-"), actor, step.path("description").asText(),
                    step.path("recusal").asBoolean() ? " [recused]" : "", reason);
        }
        for (JsonNode decision : result.history().path("decisions")) {
            out.printf("  %s%n", decision.path("summary").asText());
        }
        out.println();
        out.println("  Power map (libraries):");
        for (JsonNode fund : result.powerMap().path("funds")) {
            List<String> holders = new java.util.ArrayList<>();
            fund.path("holders").forEach(holder -> holders.add(holder.path("name").asText(holder.path("id").asText())));
            out.printf("    Fund \"%s\": %s %s, %s allocated, held by %s%n", fund.path("name").asText(), fund.path("amount").asText(),
                    fund.path("currency").asText(), fund.path("allocated").asText(), String.join(" and ", holders));
        }
        out.printf("    %-14s %-13s %6s %6s %8s %8s %10s %8s %8s%n", "who", "role", "closed", "votes", "recusals", "drafted",
                "co-design", "hours/mo", "ideas");
        for (JsonNode actor : result.powerMap().path("actors")) {
            out.printf("    %-14s %-13s %6d %6d %8d %8d %10d %8d %8d%n", actor.path("name").asText(actor.path("actorId").asText()),
                    actor.path("role").asText("-"), actor.path("decisionsClosed").asInt(), actor.path("votesCast").asInt(),
                    actor.path("recusals").asInt(), actor.path("proposalsDrafted").asInt(), actor.path("coDesignsJoined").asInt(),
                    actor.path("hoursPledgedPerMonth").asInt(), actor.path("workshopContributions").asInt());
        }
        for (JsonNode decision : result.powerMap().path("decisions")) {
            out.printf("    Decision on \"%s\": %s — panel of %d (%d commissioners, %d citizens), %d voted, %d recused, allocated %s%n",
                    decision.path("title").asText(), decision.path("outcome").asText(), decision.path("panelSize").asInt(),
                    decision.path("commissionersAtTable").asInt(), decision.path("citizensAtTable").asInt(),
                    decision.path("membersVoted").asInt(), decision.path("recused").asInt(),
                    decision.path("allocated").path("amount").asText("nothing") + " " + decision.path("allocated").path("currency").asText(""));
        }
        out.println();
    }
}
