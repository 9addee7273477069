package org.roundtable.web.pages;

import org.roundtable.events.Role;
import org.roundtable.events.commissioning.PanelMember;
import org.roundtable.events.proposals.Money;
import org.roundtable.web.security.People;
import org.roundtable.web.security.Person;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Decision cases: the list by state, and a case's page with what the panel knows before any vote, its panel, every
 * declaration (a recusal shown to everyone), every vote with its rationale (a changed vote stays, marked), the decision
 * with its roll and allocation. The forms on it assemble the panel, declare, vote and close; who may do which is the
 * commissioning service's to decide, and its refusal is shown on the page.
 */
@Controller
class Cases {

    static final List<String> STATES = List.of("OPEN", "ASSEMBLED", "CLOSED");
    private static final ParameterizedTypeReference<List<Api.CaseSummary>> CASES = new ParameterizedTypeReference<>() {
    };

    private final Services services;
    private final People people;
    private final FormActions forms;
    private final Funds funds;
    private final Amounts amounts;

    Cases(Services services, People people, FormActions forms, Funds funds, Amounts amounts) {
        this.services = services;
        this.people = people;
        this.forms = forms;
        this.funds = funds;
        this.amounts = amounts;
    }

    @GetMapping("/cases")
    String list(@RequestParam(required = false) String status, Model model) {
        people.required();
        String state = status != null && STATES.contains(status) ? status : null;
        model.addAttribute("cases", state == null ? services.get(Services.COMMISSIONING, "/api/commissioning/cases", CASES)
                : services.get(Services.COMMISSIONING, "/api/commissioning/cases?status={status}", CASES, state));
        model.addAttribute("status", state);
        model.addAttribute("states", STATES);
        return "cases";
    }

    @GetMapping("/cases/{id}")
    String page(@PathVariable UUID id, @RequestParam(required = false) String recording, @RequestParam(defaultValue = "0") int tries,
                Model model) {
        String shown = show(id, model);
        watched(id).stillRecording(model, recording, ((CaseRecord) model.getAttribute("record")).fingerprint(), tries);
        return shown;
    }

    @PostMapping("/cases/{id}/panel")
    String assemble(@PathVariable UUID id, @RequestParam(defaultValue = "") String fundId, @RequestParam(defaultValue = "") String commissioners,
                    @RequestParam(defaultValue = "") String citizens, @RequestParam(defaultValue = "") String chairId,
                    @RequestParam(defaultValue = "") String deadline, @RequestParam(defaultValue = "") String amount, Model model) {
        Map<String, String> input = Map.of("fundId", fundId, "commissioners", commissioners, "citizens", citizens, "chairId", chairId,
                "deadline", deadline, "amount", amount);
        return forms.submit("panel", input)
                .command(() -> {
                    Instant closes = forms.time(deadline, "deadline", "panel.deadline.format");
                    BigDecimal money = forms.decimal(amount, "amount", "money.number");
                    List<PanelMember> members = new ArrayList<>();
                    FormActions.entries(commissioners).forEach(login -> members.add(new PanelMember(login, Role.COMMISSIONER)));
                    FormActions.entries(citizens).forEach(login -> members.add(new PanelMember(login, Role.CITIZEN)));
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("fundId", fundId.isBlank() ? null : fundId);
                    body.put("members", members);
                    body.put("chairId", chairId.strip());
                    body.put("deadline", closes.toString());
                    body.put("amount", money == null ? null : Funds.money(money));
                    services.post(Services.COMMISSIONING, "/api/commissioning/cases/{id}/panel", body, id);
                })
                .watching(watched(id))
                .fields(field -> field.startsWith("members") ? "citizens" : field.startsWith("amount") ? "amount" : field)
                .done("done.panel")
                .send(model, () -> show(id, model));
    }

    @PostMapping("/cases/{id}/declarations")
    String declare(@PathVariable UUID id, @RequestParam(defaultValue = "") String hasInterest, @RequestParam(defaultValue = "") String description,
                   @RequestParam(defaultValue = "") String changeReason, Model model) {
        Map<String, String> input = Map.of("hasInterest", hasInterest, "description", description, "changeReason", changeReason);
        return forms.submit("declaration", input)
                .command(() -> {
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("hasInterest", hasInterest.isBlank() ? null : Boolean.valueOf(hasInterest));
                    body.put("description", description.isBlank() ? null : description);
                    body.put("changeReason", changeReason.isBlank() ? null : changeReason);
                    services.post(Services.COMMISSIONING, "/api/commissioning/cases/{id}/declarations", body, id);
                })
                .watching(watched(id))
                .done("done.declaration")
                .send(model, () -> show(id, model));
    }

    @PostMapping("/cases/{id}/votes")
    String vote(@PathVariable UUID id, @RequestParam(defaultValue = "") String vote, @RequestParam(defaultValue = "") String rationale,
                Model model) {
        return forms.submit("vote", Map.of("vote", vote, "rationale", rationale))
                .command(() -> {
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("vote", vote.isBlank() ? null : vote);
                    body.put("rationale", rationale);
                    services.post(Services.COMMISSIONING, "/api/commissioning/cases/{id}/votes", body, id);
                })
                .watching(watched(id))
                .done("done.vote")
                .send(model, () -> show(id, model));
    }

    @PostMapping("/cases/{id}/closure")
    String close(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason, Model model) {
        return forms.submit("closure", Map.of("reason", reason))
                .command(() -> services.post(Services.COMMISSIONING, "/api/commissioning/cases/{id}/closure",
                        reason.isBlank() ? Map.of() : Map.of("reason", reason), id))
                .watching(watched(id))
                .done("done.closure")
                .send(model, () -> show(id, model));
    }

    private Watched watched(UUID id) {
        return new Watched("/cases/" + id, () -> load(id).fingerprint());
    }

    private CaseRecord load(UUID id) {
        return new CaseRecord(services.get(Services.COMMISSIONING, "/api/commissioning/cases/{id}", Api.DecisionCase.class, id));
    }

    /** The case's page; after a refusal the model already holds the form as typed. */
    private String show(UUID id, Model model) {
        Person person = people.required();
        CaseRecord record = load(id);
        Api.DecisionCase decisionCase = record.decisionCase();
        CaseRecord.Sitting sitting = record.current().orElse(null);
        String me = person.subject();
        model.addAttribute("record", record);
        model.addAttribute("decisionCase", decisionCase);
        model.addAttribute("sitting", sitting);
        model.addAttribute("earlier", record.earlier());
        model.addAttribute("declarations", record.declarations());
        model.addAttribute("submitted", decisionCase.proposalAsSubmitted() == null ? null : decisionCase.proposalAsSubmitted().content());
        model.addAttribute("ideas", ideas(decisionCase.proposalId()));
        model.addAttribute("names", record.names());
        model.addAttribute("fund", sitting == null ? null : funds.find(sitting.panel().fundId()).orElse(null));
        // a citizen member who does not consent to be named sits under a pseudonymous id: the service knows them
        boolean member = sitting != null && record.sitting() && (sitting.sits(me) || person.participates());
        CaseRecord.Declaration mine = record.declarationOf(me).orElse(null);
        model.addAttribute("member", member);
        model.addAttribute("seat", member ? sitting.seat(me).orElse(person.actingRole()) : null);
        model.addAttribute("myDeclaration", mine);
        model.addAttribute("chair", sitting != null && record.sitting() && me.equals(sitting.panel().chairId()));
        boolean assembles = person.actingRole() == Role.COMMISSIONER && "OPEN".equals(decisionCase.status());
        model.addAttribute("assembles", assembles);
        List<Api.Fund> myFunds = assembles ? funds.heldBy(me, decisionCase.serviceArea()) : List.of();
        Map<String, String> fundChoices = new LinkedHashMap<>();
        myFunds.forEach(fund -> fundChoices.put(fund.fundId(), forms.say("panel.fund.option", fund.name(),
                amounts.money(new Money(fund.remaining(), fund.currency())))));
        model.addAttribute("myFunds", myFunds);
        model.addAttribute("fundChoices", fundChoices);
        model.addAttribute("votes", List.of("APPROVE", "REJECT", "ABSTAIN"));
        model.addAttribute("interest", List.of("false", "true"));
        return "case";
    }

    /** The ideas workshops gave, from participation (nothing, if it has none or cannot say just now). */
    private List<Api.Contribution> ideas(String proposalId) {
        try {
            return services.find(Services.PARTICIPATION, "/api/participation/proposals/{id}", Api.Participation.class, proposalId)
                    .map(participation -> participation.workshops().stream().flatMap(workshop -> workshop.contributions().stream()).toList())
                    .orElse(List.of());
        } catch (ApiProblem unavailable) {
            return List.of();
        }
    }
}
