package org.roundtable.web.register;

import jakarta.servlet.http.HttpServletRequest;
import org.roundtable.web.services.Api;
import org.roundtable.web.services.ApiProblem;
import org.roundtable.web.services.Services;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The public decision register, for anyone without signing in: every decision with its panel, declarations, votes and
 * rationales, money and initiative; the same as open data (JSON and CSV, each with its JSON Schema) and as an Atom feed.
 * Everything comes from the audit service's public register, which names people by the privacy rule itself: this
 * application never sees a login or a name it may not show.
 */
@Controller
class RegisterPages {

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    static final MediaType SCHEMA = MediaType.parseMediaType("application/schema+json");
    static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");
    private static final CacheControl BRIEFLY = CacheControl.maxAge(Duration.ofSeconds(30)).cachePublic();

    private final Services services;

    RegisterPages(Services services) {
        this.services = services;
    }

    @GetMapping("/register")
    String register(@RequestParam(required = false) String serviceArea, Model model) {
        Api.Register register = read();
        String area = serviceArea == null || serviceArea.isBlank() ? null : serviceArea.strip();
        List<Api.RegisteredDecision> shown = register.decisions().stream()
                .filter(decision -> area == null || area.equalsIgnoreCase(decision.serviceArea())).toList();
        model.addAttribute("register", register);
        model.addAttribute("decisions", shown);
        model.addAttribute("serviceArea", area);
        model.addAttribute("serviceAreas", register.decisions().stream().map(Api.RegisteredDecision::serviceArea)
                .filter(java.util.Objects::nonNull).map(name -> name.toLowerCase(Locale.ROOT)).distinct().sorted().toList());
        model.addAttribute("columns", OpenData.documentedColumns());
        return "register";
    }

    @GetMapping("/register/{caseId}")
    String decision(@PathVariable String caseId, Model model) {
        Api.RegisteredDecision decision = read().decisions().stream().filter(candidate -> candidate.caseId().equals(caseId))
                .findFirst().orElseThrow(() -> new ApiProblem(404, "Not Found", "no decision " + caseId, List.of()));
        model.addAttribute("decision", decision);
        return "register-decision";
    }

    @GetMapping("/register/decisions.json")
    ResponseEntity<String> json() {
        return download(new MediaType("application", "json", StandardCharsets.UTF_8), "decisions.json", OpenData.json(read()));
    }

    @GetMapping("/register/decisions.csv")
    ResponseEntity<String> csv() {
        return download(CSV, "decisions.csv", OpenData.csv(read()));
    }

    @GetMapping("/register/decisions.schema.json")
    ResponseEntity<String> jsonSchema() {
        return ResponseEntity.ok().cacheControl(BRIEFLY).contentType(SCHEMA).body(OpenData.schemaText(OpenData.JSON_SCHEMA));
    }

    @GetMapping("/register/decisions-csv.schema.json")
    ResponseEntity<String> csvSchema() {
        return ResponseEntity.ok().cacheControl(BRIEFLY).contentType(SCHEMA).body(OpenData.schemaText(OpenData.CSV_SCHEMA));
    }

    @GetMapping("/register/feed.atom")
    ResponseEntity<String> feed(HttpServletRequest request) {
        String site = org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromContextPath(request).build().toUriString();
        return ResponseEntity.ok().cacheControl(BRIEFLY).contentType(ATOM).body(AtomFeed.of(read(), site));
    }

    private Api.Register read() {
        return services.get(Services.AUDIT, "/api/audit/register", Api.Register.class);
    }

    private static ResponseEntity<String> download(MediaType type, String fileName, String body) {
        return ResponseEntity.ok().cacheControl(BRIEFLY).contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"").body(body);
    }
}
