package org.roundtable.web.pages;

import org.roundtable.web.security.People;
import org.roundtable.web.services.Api;
import org.roundtable.web.services.ApiProblem;
import org.roundtable.web.services.Services;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Funds: every fund with its holders and what remains; one fund's page with its allocations; creating one. */
@Controller
class Funds {

    static final String CURRENCY = "GBP";
    private static final ParameterizedTypeReference<List<Api.Fund>> FUNDS = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<List<Api.CaseSummary>> CASES = new ParameterizedTypeReference<>() {
    };

    /** An allocation a decision made from a fund. */
    record Allocation(Api.CaseSummary decided, BigDecimal amount, String currency) {
    }

    private final Services services;
    private final People people;
    private final FormActions forms;

    Funds(Services services, People people, FormActions forms) {
        this.services = services;
        this.people = people;
        this.forms = forms;
    }

    @GetMapping("/funds")
    String list(Model model) {
        people.required();
        return page(model);
    }

    @PostMapping("/funds")
    String create(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String serviceArea,
                  @RequestParam(defaultValue = "") String periodStart, @RequestParam(defaultValue = "") String periodEnd,
                  @RequestParam(defaultValue = "") String amount, @RequestParam(defaultValue = "") String holderIds, Model model) {
        Map<String, String> input = Map.of("name", name, "serviceArea", serviceArea, "periodStart", periodStart, "periodEnd", periodEnd,
                "amount", amount, "holderIds", holderIds);
        return forms.submit("fund", input)
                .creating(() -> {
                    BigDecimal money = forms.decimal(amount, "amount", "money.number");
                    if (money == null) {
                        throw forms.invalid("amount", "money.number");
                    }
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("name", name);
                    body.put("serviceArea", serviceArea.strip());
                    body.put("periodStart", forms.day(periodStart, "periodStart", "fund.day.format"));
                    body.put("periodEnd", forms.day(periodEnd, "periodEnd", "fund.day.format"));
                    body.put("amount", money(money));
                    body.put("holderIds", FormActions.entries(holderIds));
                    return services.post(Services.COMMISSIONING, "/api/commissioning/funds", body);
                }, id -> new Watched("/funds/" + id, () -> find(id).map(Funds::fingerprint).orElse(Watched.MISSING)))
                .fields(field -> field.startsWith("amount") ? "amount" : field.startsWith("holderIds") ? "holderIds" : field)
                .done("done.fund")
                .send(model, () -> page(model));
    }

    @GetMapping("/funds/{id}")
    String fund(@PathVariable UUID id, @RequestParam(required = false) String recording, @RequestParam(defaultValue = "0") int tries,
                Model model) {
        people.required();
        Optional<Api.Fund> fund = find(id.toString());
        if (fund.isEmpty()) {
            if (recording == null) {
                throw new ApiProblem(404, "Not found", null, List.of());
            }
            Watched.recording(model, "/funds/" + id, recording, tries);
            return "recording";
        }
        model.addAttribute("fund", fund.get());
        model.addAttribute("allocations", allocations(fund.get()));
        return "fund";
    }

    Optional<Api.Fund> find(String fundId) {
        if (fundId == null) {
            return Optional.empty();
        }
        return services.find(Services.COMMISSIONING, "/api/commissioning/funds/{id}", Api.Fund.class, fundId);
    }

    /** The funds this commissioner holds for a service area: the ones a panel they assemble may draw on. */
    List<Api.Fund> heldBy(String holder, String serviceArea) {
        return all().stream().filter(fund -> fund.holderIds().contains(holder) && Objects.equals(fund.serviceArea(), serviceArea)).toList();
    }

    private List<Api.Fund> all() {
        return services.get(Services.COMMISSIONING, "/api/commissioning/funds", FUNDS);
    }

    private String page(Model model) {
        model.addAttribute("funds", all());
        return "funds";
    }

    /** What decided cases took from the fund, newest first. */
    private List<Allocation> allocations(Api.Fund fund) {
        return services.get(Services.COMMISSIONING, "/api/commissioning/cases?status=CLOSED", CASES).stream()
                .filter(decided -> "APPROVED".equals(decided.outcome()))
                .map(decided -> services.get(Services.COMMISSIONING, "/api/commissioning/cases/{id}", Api.DecisionCase.class, decided.caseId()))
                .filter(full -> full.decision() != null && full.decision().allocation() != null
                        && fund.fundId().equals(full.decision().allocation().fundId()))
                .map(full -> new Allocation(new Api.CaseSummary(full.caseId(), full.proposalId(), full.title(), full.serviceArea(), full.status(),
                        full.deadline(), full.outcome()), full.decision().allocation().amount().amount(),
                        full.decision().allocation().amount().currency()))
                .toList();
    }

    /** Money as the services take it: {@code {"amount": 12000, "currency": "GBP"}}. */
    static Map<String, Object> money(BigDecimal amount) {
        Map<String, Object> money = new LinkedHashMap<>();
        money.put("amount", amount);
        money.put("currency", CURRENCY);
        return money;
    }

    private static String fingerprint(Api.Fund fund) {
        return fund.remaining() + "|" + fund.holderIds();
    }
}
