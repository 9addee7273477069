package org.roundtable.audit.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.roundtable.audit.powermap.PowerMap;
import org.roundtable.audit.powermap.PowerMapCsv;
import org.roundtable.audit.powermap.PowerMapStore;
import org.roundtable.audit.powermap.PowerMaps;
import org.roundtable.audit.projection.PowerMapFollower;
import org.roundtable.audit.projection.PowerMapTables;
import org.roundtable.events.Role;
import org.roundtable.kit.authority.OpenTo;
import org.roundtable.kit.domain.InvalidInput;
import org.roundtable.kit.domain.Require;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/** Who held the power, for a period and optionally one service area, as JSON or CSV, for auditors only. */
@RestController
@RequestMapping("/api/audit/power-map")
@OpenTo(Role.AUDITOR)
@Tag(name = "power map", description = "Who made decisions, held and allocated money, gave time, brought knowledge, was recused; who sat at each table")
public class PowerMapController {

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    static final int MAX_DECISIONS = 1000;

    private final PowerMapTables tables;
    private final PowerMapFollower follower;

    PowerMapController(PowerMapTables tables, PowerMapFollower follower) {
        this.tables = tables;
        this.follower = follower;
    }

    /** What every CSV column means; PowerMapIT checks that it names every header the exports write. */
    static final String COLUMNS = """
            **Funds** (`/power-map/funds`): Fund id; Fund (its name); Service area; Period start and Period end (the \
            fund's own period); Held by (every commissioner holding it, jointly or alone, by name); Amount (the budget, \
            counted once however many hold it); Allocated in period (what decisions in the period allocated from it); \
            Currency (of both amounts).

            **Actors** (`/power-map`): Person id; Name (office holders by the name they acted under, citizens by their \
            own name with consent, otherwise their pseudonym); Role (the role they acted or sat in); Decisions closed \
            (cases they closed, whatever the outcome); Decisions voted in (approvals and rejections whose roll records \
            their vote); Votes cast (every change counted); Recusals (cases they were recused from after declaring an \
            interest); Funds held (names of the funds they hold: the money is in the funds table, once per fund); \
            Allocated by decisions they voted in (every member who voted shares all of it, so it does not add up across \
            people); Currency (of that amount; a row per currency); Hours pledged per month (pledged in the period, not \
            withdrawn); Hours given (to initiatives); Proposals drafted; Co-designs joined; Workshop contributions.

            **Decisions** (`/power-map/decisions`): Case id; Proposal id; Title; Service area; Outcome (APPROVED, \
            REJECTED, NO_QUORUM or WITHDRAWN); Decided at (UTC); Closed by (name); Closed by (role); Panel size; \
            Commissioners at the table; Citizens at the table; Members who voted; Citizens who voted; Recused; \
            Allocated; Currency.""";

    @Operation(summary = "The power map: the funds and who held them, per actor and role, and per decision",
            description = """
                    `funds`: every fund held in the period, once, with all its holders and what was allocated from it; \
                    `totals`: per currency, the sums of those funds and allocations, so that they add up; `actors`: per \
                    actor and role, decisions closed and voted in, votes cast, recusals, the funds they held (by id), \
                    money allocated by decisions they voted in, hours pledged per month and hours given, proposals \
                    drafted, co-designs joined and workshop contributions; `decisions`: per decision, panel size, \
                    commissioners and citizens at the table, who voted: the first 100 reached in the period, and when \
                    more were, `moreDecisionsAfter` is the `after` of `/power-map/decisions` that pages through the rest \
                    (otherwise null). People are named by the project's rule: office \
                    holders by the name they acted under, citizens by their own name only with consent, otherwise by \
                    their pseudonym. JSON by default; with `Accept: text/csv` or `format=csv`, the per-actor table as \
                    CSV (RFC 4180): plain-word headers, money as numbers with a currency column.

                    """ + COLUMNS,
            responses = @ApiResponse(responseCode = "200", content = {
                    @Content(mediaType = "application/json", schema = @Schema(implementation = PowerMap.class)),
                    @Content(mediaType = "text/csv", schema = @Schema(type = "string"))}))
    @GetMapping
    ResponseEntity<?> powerMap(@Parameter(description = "start of the period, inclusive: an ISO-8601 instant or date (midnight UTC)")
                               @RequestParam(required = false) String from,
                               @Parameter(description = "end of the period, exclusive: an ISO-8601 instant or date (midnight UTC)")
                               @RequestParam(required = false) String to,
                               @Parameter(description = "only this service area, e.g. libraries (case-insensitive)")
                               @RequestParam(required = false) String serviceArea,
                               @Parameter(description = "json or csv; overrides the Accept header")
                               @RequestParam(required = false) String format,
                               @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        return respond(from, to, serviceArea, format, accept, map -> map, PowerMapCsv::actors, "power-map-actors.csv");
    }

    @Operation(summary = "The funds of the power map: each fund once, with all who hold it",
            description = """
                    The funds held in the period (optionally one service area): each once, with every commissioner \
                    holding it, its budget and what decisions in the period allocated from it. The same rows as the \
                    power map's `funds`; with `Accept: text/csv` or `format=csv`, as CSV (RFC 4180).

                    """ + COLUMNS,
            responses = @ApiResponse(responseCode = "200", content = {
                    @Content(mediaType = "application/json", schema = @Schema(implementation = PowerMap.FundHeld.class)),
                    @Content(mediaType = "text/csv", schema = @Schema(type = "string"))}))
    @GetMapping("/funds")
    ResponseEntity<?> funds(@Parameter(description = "start of the period, inclusive: an ISO-8601 instant or date (midnight UTC)")
                            @RequestParam(required = false) String from,
                            @Parameter(description = "end of the period, exclusive: an ISO-8601 instant or date (midnight UTC)")
                            @RequestParam(required = false) String to,
                            @Parameter(description = "only this service area, e.g. libraries (case-insensitive)")
                            @RequestParam(required = false) String serviceArea,
                            @Parameter(description = "json or csv; overrides the Accept header")
                            @RequestParam(required = false) String format,
                            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        return respond(from, to, serviceArea, format, accept, PowerMap::funds, PowerMapCsv::funds, "power-map-funds.csv");
    }

    @Operation(summary = "The decisions of the power map: who sat at each table and who voted",
            description = """
                    The decisions reached in the period (optionally one service area), in the order they were reached: \
                    outcome, who closed the case, panel size, commissioners and citizens at the table, members and \
                    citizens who voted, recusals, the money allocated. As JSON, a page of them: at most `limit` (100 \
                    unless given, at most 1000) after the one recorded at ledger position `after` (from the first \
                    unless given); when more follow, a `Link` header (rel="next") gives the next page, whose `after` is \
                    the last one listed (the power map's `moreDecisionsAfter` starts the pages after its own \
                    `decisions`). With `Accept: text/csv` or `format=csv`, every decision of the period (after `after` \
                    when given) as CSV (RFC 4180).

                    """ + COLUMNS,
            responses = @ApiResponse(responseCode = "200", content = {
                    @Content(mediaType = "application/json", array = @ArraySchema(schema = @Schema(implementation = PowerMap.DecisionAtTable.class))),
                    @Content(mediaType = "text/csv", schema = @Schema(type = "string"))}))
    @GetMapping("/decisions")
    ResponseEntity<?> decisions(@Parameter(description = "start of the period, inclusive: an ISO-8601 instant or date (midnight UTC)")
                                @RequestParam(required = false) String from,
                                @Parameter(description = "end of the period, exclusive: an ISO-8601 instant or date (midnight UTC)")
                                @RequestParam(required = false) String to,
                                @Parameter(description = "only this service area, e.g. libraries (case-insensitive)")
                                @RequestParam(required = false) String serviceArea,
                                @Parameter(description = "the ledger position of the decision the page starts after (the "
                                        + "map's moreDecisionsAfter, or the after of a Link header); from the first when absent")
                                @RequestParam(required = false) Long after,
                                @Parameter(description = "at most this many decisions (1 to " + MAX_DECISIONS + "; JSON only)")
                                @RequestParam(defaultValue = "" + PowerMaps.DECISIONS_LISTED) int limit,
                                @Parameter(description = "json or csv; overrides the Accept header")
                                @RequestParam(required = false) String format,
                                @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        Scope scope = scope(from, to, serviceArea);
        if (after != null && after < 1) {
            throw new InvalidInput("after", "after is a ledger position, 1 or more");
        }
        if (limit < 1 || limit > MAX_DECISIONS) {
            throw new InvalidInput("limit", "limit must be between 1 and " + MAX_DECISIONS);
        }
        boolean asCsv = wantsCsv(format, accept);
        follower.catchUp();
        long start = after == null ? 0 : after;
        if (asCsv) {
            return csv(PowerMapCsv.decisions(tables.decisions(scope.from(), scope.to(), scope.area(), start, Integer.MAX_VALUE).listed()),
                    "power-map-decisions.csv");
        }
        PowerMapStore.Decisions page = tables.decisions(scope.from(), scope.to(), scope.area(), start, limit);
        ResponseEntity.BodyBuilder response = ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON);
        if (page.moreAfter() != null) {
            response.header(HttpHeaders.LINK, "<" + ServletUriComponentsBuilder.fromCurrentRequest()
                    .replaceQueryParam("after", page.moreAfter()).build().toUriString() + ">; rel=\"next\"");
        }
        return response.body(page.listed());
    }

    private record Scope(Instant from, Instant to, String area) {
    }

    private static Scope scope(String from, String to, String serviceArea) {
        Instant start = bound(from, "from");
        Instant end = bound(to, "to");
        if (start != null && end != null && !start.isBefore(end)) {
            throw new InvalidInput("to", "the period ends after it starts");
        }
        return new Scope(start, end, serviceArea == null || serviceArea.isBlank() ? null : Require.text(serviceArea, "serviceArea", 100));
    }

    private static ResponseEntity<String> csv(String body, String fileName) {
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
                .body(body);
    }

    private ResponseEntity<?> respond(String from, String to, String serviceArea, String format, String accept,
                                      Function<PowerMap, Object> json, Function<PowerMap, String> csv, String fileName) {
        Scope scope = scope(from, to, serviceArea);
        boolean asCsv = wantsCsv(format, accept);
        follower.catchUp();
        PowerMap map = PowerMaps.of(tables, scope.from(), scope.to(), scope.area());
        if (asCsv) {
            return csv(csv.apply(map), fileName);
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json.apply(map));
    }

    /** An instant, or a date meaning its midnight UTC. */
    private static Instant bound(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(text);
        } catch (DateTimeParseException malformed) {
            throw new InvalidInput(field, "'" + value + "' is neither an ISO-8601 instant (2026-03-01T12:00:00Z) nor a date (2026-03-01)");
        }
    }

    /** The format parameter decides; otherwise the first of JSON or CSV the Accept header names (JSON for anything else). */
    private static boolean wantsCsv(String format, String accept) {
        if (format != null && !format.isBlank()) {
            return switch (format.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "csv" -> true;
                case "json" -> false;
                default -> throw new InvalidInput("format", "format is json or csv");
            };
        }
        if (accept == null || accept.isBlank()) {
            return false;
        }
        List<MediaType> accepted;
        try {
            accepted = new java.util.ArrayList<>(MediaType.parseMediaTypes(accept));
        } catch (InvalidMediaTypeException malformed) {
            throw new InvalidInput(HttpHeaders.ACCEPT, "'" + accept + "' is not a list of media types");
        }
        accepted.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
        for (MediaType type : accepted) {
            if (type.isCompatibleWith(MediaType.APPLICATION_JSON) && !type.isWildcardType()) {
                return false;
            }
            if (type.getType().equals("text") && type.getSubtype().equals("csv")) {
                return true;
            }
        }
        return false;
    }
}
