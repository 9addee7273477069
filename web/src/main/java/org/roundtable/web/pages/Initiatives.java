package org.roundtable.web.pages;

import org.roundtable.events.Role;
import org.roundtable.web.security.People;
import org.roundtable.web.security.Person;
import org.roundtable.web.services.Api;
import org.roundtable.web.services.Services;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Initiatives being delivered: the list, and an initiative's page with each indicator drawn against its baseline and
 * target (an SVG and the same figures as a table), the provider's reports and citizens' and staff's lived experience,
 * assets given against assets pledged, review dates and reviews. Its forms assign the provider, define indicators,
 * set review dates and review (commissioners), report progress (the provider) and share lived experience (citizens and
 * staff); the outcomes service decides who may, and its refusal is shown on the page.
 */
@Controller
class Initiatives {

    private static final ParameterizedTypeReference<Api.PageOf<Api.InitiativeSummary>> INITIATIVES = new ParameterizedTypeReference<>() {
    };
    private static final String READING = "value-";

    private final Services services;
    private final People people;
    private final FormActions forms;

    Initiatives(Services services, People people, FormActions forms) {
        this.services = services;
        this.people = people;
        this.forms = forms;
    }

    @GetMapping("/initiatives")
    String list(Model model) {
        people.required();
        model.addAttribute("initiatives", services.get(Services.OUTCOMES, "/api/outcomes/initiatives?size=100", INITIATIVES).items());
        return "initiatives";
    }

    @GetMapping("/initiatives/{id}")
    String page(@PathVariable UUID id, @RequestParam(required = false) String recording, @RequestParam(defaultValue = "0") int tries,
                Model model) {
        String shown = show(id, model);
        watched(id).stillRecording(model, recording, fingerprint((Api.Initiative) model.getAttribute("initiative")), tries);
        return shown;
    }

    @PostMapping("/initiatives/{id}/provider")
    String assign(@PathVariable UUID id, @RequestParam(defaultValue = "") String providerId, @RequestParam(defaultValue = "") String providerName,
                  Model model) {
        return forms.submit("provider", Map.of("providerId", providerId, "providerName", providerName))
                .command(() -> services.put(Services.OUTCOMES, "/api/outcomes/initiatives/{id}/provider",
                        Map.of("providerId", providerId.strip(), "providerName", providerName.strip()), id))
                .watching(watched(id))
                .done("done.provider")
                .send(model, () -> show(id, model));
    }

    @PostMapping("/initiatives/{id}/indicators/{indicatorId}")
    String define(@PathVariable UUID id, @PathVariable String indicatorId, @RequestParam(defaultValue = "") String name,
                  @RequestParam(defaultValue = "") String unit, @RequestParam(defaultValue = "") String baseline,
                  @RequestParam(defaultValue = "") String target, @RequestParam(defaultValue = "") String direction, Model model) {
        Map<String, String> input = Map.of("name", name, "unit", unit, "baseline", baseline, "target", target, "direction", direction);
        return forms.submit("indicator-" + indicatorId, input)
                .command(() -> {
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("name", name.isBlank() ? null : name);
                    body.put("unit", unit);
                    body.put("baseline", forms.decimal(baseline, "baseline", "number.format"));
                    body.put("target", forms.decimal(target, "target", "number.format"));
                    body.put("direction", direction.isBlank() ? null : direction);
                    services.put(Services.OUTCOMES, "/api/outcomes/initiatives/{id}/indicators/{indicator}", body, id, indicatorId);
                })
                .watching(watched(id))
                .done("done.indicator")
                .send(model, () -> show(id, model));
    }

    @PostMapping("/initiatives/{id}/review-dates")
    String reviewDates(@PathVariable UUID id, @RequestParam(defaultValue = "") String reviewDates, Model model) {
        return forms.submit("review-dates", Map.of("reviewDates", reviewDates))
                .command(() -> {
                    List<LocalDate> days = FormActions.entries(reviewDates).stream()
                            .map(day -> forms.day(day, "reviewDates", "day.format")).toList();
                    services.put(Services.OUTCOMES, "/api/outcomes/initiatives/{id}/review-dates", Map.of("reviewDates", days), id);
                })
                .watching(watched(id))
                .fields(field -> field.startsWith("reviewDates") ? "reviewDates" : field)
                .done("done.reviewDates")
                .send(model, () -> show(id, model));
    }

    @PostMapping("/initiatives/{id}/reviews")
    String review(@PathVariable UUID id, @RequestParam(defaultValue = "") String status, @RequestParam(defaultValue = "") String reason,
                  @RequestParam(defaultValue = "") String overrideReason, Model model) {
        return forms.submit("review", Map.of("status", status, "reason", reason, "overrideReason", overrideReason))
                .command(() -> {
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("status", status.isBlank() ? null : status);
                    body.put("reason", reason);
                    body.put("overrideReason", overrideReason.isBlank() ? null : overrideReason);
                    services.post(Services.OUTCOMES, "/api/outcomes/initiatives/{id}/reviews", body, id);
                })
                .watching(watched(id))
                .done("done.review")
                .send(model, () -> show(id, model));
    }

    @PostMapping("/initiatives/{id}/progress-reports")
    String report(@PathVariable UUID id, @RequestParam Map<String, String> typed, Model model) {
        return readings(id, "report", "/api/outcomes/initiatives/{id}/progress-reports", "done.report", typed, model);
    }

    @PostMapping("/initiatives/{id}/lived-experience")
    String livedExperience(@PathVariable UUID id, @RequestParam Map<String, String> typed, Model model) {
        return readings(id, "lived", "/api/outcomes/initiatives/{id}/lived-experience", "done.lived", typed, model);
    }

    /** A progress report or lived experience: a value for any indicator ({@code value-<indicator id>}), a narrative, a day. */
    private String readings(UUID id, String form, String path, String done, Map<String, String> typed, Model model) {
        Map<String, String> input = new LinkedHashMap<>(typed);
        input.remove(FormActions.KEY_FIELD);
        List<String> indicators = new ArrayList<>();
        return forms.submit(form, input)
                .command(() -> {
                    List<Map<String, Object>> readings = new ArrayList<>();
                    typed.forEach((field, value) -> {
                        if (field.startsWith(READING) && !value.isBlank()) {
                            indicators.add(field.substring(READING.length()));
                            Map<String, Object> reading = new LinkedHashMap<>();
                            reading.put("indicatorId", field.substring(READING.length()));
                            reading.put("value", forms.decimal(value, field, "number.format"));
                            readings.add(reading);
                        }
                    });
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("readings", readings);
                    body.put("narrative", typed.getOrDefault("narrative", ""));
                    String observed = typed.getOrDefault("observedOn", "");
                    body.put("observedOn", forms.day(observed, "observedOn", "day.format"));
                    services.post(Services.OUTCOMES, path, body, id);
                })
                .watching(watched(id))
                .fields(field -> field.matches("readings\\[\\d+]\\..*") ? readingField(field, indicators) : field)
                .done(done)
                .send(model, () -> show(id, model));
    }

    /** {@code readings[1].value} named by the service is the field of the second indicator given a value. */
    private static String readingField(String field, List<String> indicators) {
        int index = Integer.parseInt(field.substring(field.indexOf('[') + 1, field.indexOf(']')));
        return index < indicators.size() ? READING + indicators.get(index) : "readings";
    }

    private Watched watched(UUID id) {
        return new Watched("/initiatives/" + id, () -> fingerprint(load(id)));
    }

    private Api.Initiative load(UUID id) {
        return services.get(Services.OUTCOMES, "/api/outcomes/initiatives/{id}", Api.Initiative.class, id);
    }

    private String show(UUID id, Model model) {
        Person person = people.required();
        Api.Initiative initiative = load(id);
        Map<String, IndicatorChart> charts = new LinkedHashMap<>();
        initiative.indicators().forEach(indicator -> charts.put(indicator.indicatorId(), IndicatorChart.of(indicator)));
        model.addAttribute("initiative", initiative);
        model.addAttribute("charts", charts);
        model.addAttribute("table", Readings.of(initiative));
        Role acting = person.actingRole();
        boolean open = !initiative.isClosed();
        model.addAttribute("manages", open && acting == Role.COMMISSIONER);
        model.addAttribute("reports", open && acting == Role.PROVIDER);
        model.addAttribute("livesIt", open && (acting == Role.CITIZEN || acting == Role.STAFF));
        model.addAttribute("directions", List.of("HIGHER_IS_BETTER", "LOWER_IS_BETTER"));
        model.addAttribute("reviewStatuses", List.of("ON_TRACK", "AT_RISK", "ACHIEVED", "STOPPED"));
        model.addAttribute("today", LocalDate.now(Dates.LOCAL).toString());
        return "initiative";
    }

    private static String fingerprint(Api.Initiative initiative) {
        return Integer.toHexString(Objects.hash(initiative.status(), initiative.provider(), initiative.reviewDates(),
                initiative.indicators().stream().map(i -> Arrays.asList(i.name(), i.unit(), i.baseline(), i.target(), i.direction())).toList(),
                initiative.reports().size(), initiative.reviews().size(), initiative.assets().given().size()));
    }
}
