package org.roundtable.web.pages;

import org.roundtable.web.services.ApiProblem;
import org.roundtable.web.services.AuditApi;
import org.roundtable.web.services.Services;
import org.springframework.context.MessageSource;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The auditor's desk: a proposal's timeline on a time axis and as it stood at any moment, the power map as pictures
 * with their tables and CSV, and the ledger's verification in plain words with its checkpoints and receipts. Every
 * read goes to the audit service as the signed-in auditor, which refuses anyone else.
 */
@Controller
class AuditorPages {

    private static final ParameterizedTypeReference<List<AuditApi.Checkpoint>> CHECKPOINTS = new ParameterizedTypeReference<>() {
    };
    private static final DateTimeFormatter FIELD = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(Dates.LOCAL);
    private static final Set<String> TABLES = Set.of("actors", "funds", "decisions");
    private static final int LATEST_CHECKPOINTS = 5;

    private final Services services;
    private final MessageSource messages;

    AuditorPages(Services services, MessageSource messages) {
        this.services = services;
        this.messages = messages;
    }

    @GetMapping("/audit")
    String desk(Model model) {
        model.addAttribute("proposals", services.get(Services.PROPOSALS, "/api/proposals?size={size}&sort=updatedAt,desc", Home.PROPOSALS, 50)
                .items());
        return "audit-desk";
    }

    @GetMapping("/audit/proposals/{proposalId}")
    String timeline(@PathVariable String proposalId, @RequestParam(required = false) String at, Model model) {
        AuditApi.History history = services.get(Services.AUDIT, "/api/audit/proposals/{id}/history", AuditApi.History.class, proposalId);
        model.addAttribute("history", history);
        model.addAttribute("proposalId", proposalId);
        Instant instant = null;
        FormErrors errors = FormErrors.NONE;
        if (at != null && !at.isBlank()) {
            instant = instant(at);
            if (instant == null) {
                errors = FormErrors.of(new ApiProblem(400, "Bad Request", null, List.of(new ApiProblem.FieldProblem("at",
                        messages.getMessage("asOf.invalid", null, java.util.Locale.UK)))), field -> field, messages);
            } else {
                model.addAttribute("asOf", services.get(Services.AUDIT, "/api/audit/proposals/{id}/as-of?at={at}", AuditApi.AsOf.class,
                        proposalId, instant.toString()));
            }
        }
        model.addAttribute("typed", TypedForm.sent("asOf", Map.of("at", instant != null ? FIELD.format(instant) : at == null ? "" : at), errors));
        model.addAttribute("axis", TimeAxis.of(history.steps(), instant, Dates.LOCAL));
        model.addAttribute("moments", history.steps().stream().map(step -> step.occurredAt().toString()).toList());
        return "audit-timeline";
    }

    @GetMapping("/audit/power-map")
    String powerMap(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                    @RequestParam(required = false) String serviceArea, Model model) {
        String query = query(from, to, serviceArea);
        AuditApi.PowerMap map;
        TypedForm typed = TypedForm.NONE;
        try {
            map = services.get(Services.AUDIT, "/api/audit/power-map" + query, AuditApi.PowerMap.class);
        } catch (ApiProblem refused) {
            if (refused.status() != 400) {
                throw refused;
            }
            typed = TypedForm.sent("period", Map.of(), FormErrors.of(refused, field -> field, messages));
            map = new AuditApi.PowerMap(null, null, null, List.of(), List.of(), List.of(), List.of(), null, 0);
            query = "";
        }
        model.addAttribute("typed", typed);
        model.addAttribute("map", map);
        model.addAttribute("from", from == null ? "" : from.strip());
        model.addAttribute("to", to == null ? "" : to.strip());
        model.addAttribute("serviceArea", serviceArea == null ? "" : serviceArea.strip());
        model.addAttribute("charts", charts(map, query));
        model.addAttribute("decisionsCsv", "/audit/power-map/decisions.csv" + query);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        model.addAttribute("thisYear", today.withDayOfYear(1).toString());
        model.addAttribute("lastYear", today.minusYears(1).withDayOfYear(1).toString());
        return "audit-power-map";
    }

    @GetMapping("/audit/power-map/{table}.csv")
    ResponseEntity<String> powerMapCsv(@PathVariable String table, @RequestParam(required = false) String from,
                                       @RequestParam(required = false) String to, @RequestParam(required = false) String serviceArea) {
        if (!TABLES.contains(table)) {
            throw new ApiProblem(404, "Not Found", "no table " + table, List.of());
        }
        String path = "/api/audit/power-map" + (table.equals("actors") ? "" : "/" + table);
        String query = query(from, to, serviceArea);
        String csv = services.get(Services.AUDIT, path + query + (query.isEmpty() ? "?" : "&") + "format=csv", String.class);
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"power-map-" + table + ".csv\"").body(csv);
    }

    @GetMapping("/audit/ledger")
    String ledger(Model model) {
        ledgerModel(model, TypedForm.NONE);
        return "audit-ledger";
    }

    @GetMapping("/audit/receipt")
    Object receipt(@RequestParam(required = false) String eventId, Model model) {
        String id = eventId == null ? "" : eventId.strip();
        try {
            if (id.isEmpty()) {
                throw new ApiProblem(400, "Bad Request", null, List.of(new ApiProblem.FieldProblem("eventId",
                        messages.getMessage("ledger.receipt.missing", null, java.util.Locale.UK))));
            }
            return receiptFile(id);
        } catch (ApiProblem refused) {
            if (refused.status() == 403 || refused.status() >= 500) {
                throw refused;
            }
            ApiProblem named = refused.errors().isEmpty() ? new ApiProblem(refused.status(), refused.title(), refused.detail(),
                    List.of(new ApiProblem.FieldProblem("eventId", receiptProblem(refused)))) : refused;
            ledgerModel(model, TypedForm.sent("receipt", Map.of("eventId", id), FormErrors.of(named, field -> "eventId", messages)));
            return "audit-ledger";
        }
    }

    private String receiptProblem(ApiProblem refused) {
        String key = refused.status() == 409 ? "ledger.receipt.notYet" : refused.status() == 404 ? "ledger.receipt.unknown" : "problem.other";
        return messages.getMessage(key, null, java.util.Locale.UK);
    }

    /** A receipt as a file to keep: the audit service's JSON, which the verifier jar checks offline. */
    ResponseEntity<String> receiptFile(String eventId) {
        String receipt = services.get(Services.AUDIT, "/api/audit/receipts/{id}", String.class, eventId);
        return ResponseEntity.ok().contentType(new MediaType("application", "json", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"receipt-" + eventId.replaceAll("[^A-Za-z0-9-]", "") + ".json\"")
                .body(receipt);
    }

    private void ledgerModel(Model model, TypedForm typed) {
        model.addAttribute("verification", services.get(Services.AUDIT, "/api/audit/verification", AuditApi.Verification.class));
        model.addAttribute("checkpoints", services.get(Services.AUDIT, "/api/audit/log/checkpoints?newest={n}", CHECKPOINTS, LATEST_CHECKPOINTS));
        model.addAttribute("key", services.get(Services.AUDIT, "/api/audit/log/key", AuditApi.LogKey.class));
        model.addAttribute("typed", typed);
    }

    /** An instant as typed: a local date and time (seconds optional), or an ISO-8601 instant as the step links give it. */
    static Instant instant(String typed) {
        String text = typed.strip();
        try {
            return text.endsWith("Z") ? Instant.parse(text) : LocalDateTime.parse(text).atZone(Dates.LOCAL).toInstant();
        } catch (DateTimeParseException malformed) {
            return null;
        }
    }

    private static String query(String from, String to, String serviceArea) {
        UriComponentsBuilder query = UriComponentsBuilder.newInstance();
        if (from != null && !from.isBlank()) {
            query.queryParam("from", from.strip());
        }
        if (to != null && !to.isBlank()) {
            query.queryParam("to", to.strip());
        }
        if (serviceArea != null && !serviceArea.isBlank()) {
            query.queryParam("serviceArea", serviceArea.strip());
        }
        return query.encode().build().toUriString();
    }

    private List<Chart> charts(AuditApi.PowerMap map, String query) {
        String actorsCsv = "/audit/power-map/actors.csv" + query;
        String unnamed = text("powerMap.unnamed");
        List<AuditApi.ActorPower> actors = map.actors();
        List<AuditApi.ActorPower> deciders = actors.stream().filter(actor -> actor.decisionsVotedIn() + actor.decisionsClosed() + actor.votesCast() > 0)
                .sorted(Comparator.comparingInt(AuditApi.ActorPower::decisionsVotedIn).reversed()).toList();
        List<AuditApi.ActorPower> givers = actors.stream().filter(actor -> actor.hoursPledgedPerMonth() > 0 || actor.hoursGiven().signum() > 0)
                .sorted(Comparator.comparing(AuditApi.ActorPower::hoursGiven).reversed()).toList();
        List<AuditApi.ActorPower> knowers = actors.stream()
                .filter(actor -> actor.proposalsDrafted() + actor.coDesignsJoined() + actor.workshopContributions() > 0).toList();
        List<AuditApi.ActorPower> recused = actors.stream().filter(actor -> actor.recusals() > 0).toList();
        Function<AuditApi.ActorPower, String> role = actor -> actor.role() == null ? null : text("role." + actor.role());
        return List.of(
                Chart.of("decided", text("powerMap.decided"), List.of(text("powerMap.votedIn"), text("powerMap.closed"), text("powerMap.votes")),
                        deciders, actor -> actor.name() == null ? unnamed : actor.name(), role,
                        List.of(AuditApi.ActorPower::decisionsVotedIn, AuditApi.ActorPower::decisionsClosed, AuditApi.ActorPower::votesCast), actorsCsv),
                Chart.of("money", text("powerMap.money"), List.of(text("powerMap.fundAmount"), text("powerMap.allocated")),
                        map.funds(), fund -> fund.name() + " (" + fund.currency() + ")",
                        fund -> text("powerMap.heldBy") + " " + String.join(", ", fund.holders().stream().map(AuditApi.Holder::name).toList()),
                        List.of(AuditApi.FundHeld::amount, AuditApi.FundHeld::allocated), "/audit/power-map/funds.csv" + query),
                Chart.of("time", text("powerMap.time"), List.of(text("powerMap.hoursPledged"), text("powerMap.hoursGiven")),
                        givers, actor -> actor.name() == null ? unnamed : actor.name(), role,
                        List.of(AuditApi.ActorPower::hoursPledgedPerMonth, AuditApi.ActorPower::hoursGiven), actorsCsv),
                Chart.of("knowledge", text("powerMap.knowledge"),
                        List.of(text("powerMap.drafted"), text("powerMap.coDesigns"), text("powerMap.contributions")),
                        knowers, actor -> actor.name() == null ? unnamed : actor.name(), role,
                        List.of(AuditApi.ActorPower::proposalsDrafted, AuditApi.ActorPower::coDesignsJoined,
                                AuditApi.ActorPower::workshopContributions), actorsCsv),
                Chart.of("recused", text("powerMap.recused"), List.of(text("powerMap.recusals")),
                        recused, actor -> actor.name() == null ? unnamed : actor.name(), role, List.of(AuditApi.ActorPower::recusals), actorsCsv),
                Chart.of("table", text("powerMap.table"), List.of(text("powerMap.commissioners"), text("powerMap.citizens"),
                                text("powerMap.citizensVoted")),
                        map.decisions(), decision -> decision.title() == null ? decision.caseId() : decision.title(),
                        decision -> text("outcome." + decision.outcome()),
                        List.of(AuditApi.DecisionAtTable::commissionersAtTable, AuditApi.DecisionAtTable::citizensAtTable,
                                AuditApi.DecisionAtTable::citizensVoted), "/audit/power-map/decisions.csv" + query));
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, java.util.Locale.UK);
    }
}
