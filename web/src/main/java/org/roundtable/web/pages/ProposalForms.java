package org.roundtable.web.pages;

import jakarta.servlet.http.HttpServletResponse;
import org.roundtable.web.security.People;
import org.roundtable.web.services.Api;
import org.roundtable.web.services.ApiProblem;
import org.roundtable.web.services.ReadModel;
import org.roundtable.web.services.Services;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Draft and amend, framed by assets. The framing guidance is advice: "check the framing" shows it (htmx shows it as
 * you type), and saving never waits for it.
 */
@Controller
class ProposalForms {

    static final String ADD_ASSET = "add-asset";
    static final String CHECK = "check";

    private final Services services;
    private final People people;
    private final Proposals proposals;
    private final ReadModel readModel;
    private final MessageSource messages;

    ProposalForms(Services services, People people, Proposals proposals, ReadModel readModel, MessageSource messages) {
        this.services = services;
        this.people = people;
        this.proposals = proposals;
        this.readModel = readModel;
        this.messages = messages;
    }

    @GetMapping("/proposals/new")
    String blank(Model model) {
        people.acting();
        return form(model, new ProposalForm().withRoomForAnotherAsset(), null, FormErrors.NONE, null);
    }

    @PostMapping("/proposals/new")
    String draft(@ModelAttribute("form") ProposalForm form, @RequestParam(required = false) String action, Model model,
                 HttpServletResponse response, RedirectAttributes flash) {
        people.acting();
        if (ADD_ASSET.equals(action) || CHECK.equals(action)) {
            return form(model, form.withRoomForAnotherAsset(), null, FormErrors.NONE, CHECK.equals(action) ? advice(form.framingText()) : null);
        }
        if (form.amountProblem()) {
            return refused(model, response, form, null, amountProblem());
        }
        String id;
        try {
            id = services.post(Services.PROPOSALS, "/api/proposals", form.content())
                    .orElseThrow(() -> new ApiProblem(502, "", "the proposals service gave no id", List.of()));
        } catch (ApiProblem problem) {
            return refused(model, response, form, null, problem);
        }
        return ProposalActions.afterCommand(proposals, readModel, id, Proposals.MISSING, flash, "done.draft");
    }

    @GetMapping("/proposals/{id}/amend")
    String amendForm(@PathVariable UUID id, Model model) {
        people.acting();
        Api.ProposalDetail proposal = proposals.load(id.toString()).proposal();
        return form(model, ProposalForm.of(proposal.current().content()), proposal, FormErrors.NONE, null);
    }

    @PostMapping("/proposals/{id}/amend")
    String amend(@PathVariable UUID id, @ModelAttribute("form") ProposalForm form, @RequestParam(required = false) String action,
                 Model model, HttpServletResponse response, RedirectAttributes flash) {
        people.acting();
        Proposals.Loaded loaded = proposals.load(id.toString());
        if (ADD_ASSET.equals(action) || CHECK.equals(action)) {
            return form(model, form.withRoomForAnotherAsset(), loaded.proposal(), FormErrors.NONE,
                    CHECK.equals(action) ? advice(form.framingText()) : null);
        }
        if (form.amountProblem()) {
            return refused(model, response, form, loaded.proposal(), amountProblem());
        }
        String before = loaded.fingerprint();
        try {
            services.post(Services.PROPOSALS, "/api/proposals/{id}/revisions", Map.of("content", form.content(),
                    "note", form.getNote() == null ? "" : form.getNote()), id);
        } catch (ApiProblem problem) {
            return refused(model, response, form, loaded.proposal(), problem);
        }
        return ProposalActions.afterCommand(proposals, readModel, id.toString(), before, flash, "done.amend");
    }

    /** The guidance for what has been typed so far: a fragment htmx puts beside the form. */
    @PostMapping("/framing-check")
    String framing(@ModelAttribute("form") ProposalForm form, Model model) {
        model.addAttribute("advice", advice(form.framingText()));
        return "proposal-form :: framing";
    }

    private Api.FramingAdvice advice(String text) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return services.post(Services.PROPOSALS, "/api/proposals/framing-check", Map.of("text", text), Api.FramingAdvice.class);
        } catch (ApiProblem | org.springframework.web.client.RestClientException unavailable) {
            return null; // guidance never blocks: without it, the form works as before
        }
    }

    private String refused(Model model, HttpServletResponse response, ProposalForm form, Api.ProposalDetail proposal, ApiProblem problem) {
        response.setStatus(problem.status() >= 400 && problem.status() < 500 ? problem.status() : 502);
        return form(model, form.withRoomForAnotherAsset(), proposal, FormErrors.of(problem, ProposalForm::fieldOf, messages), null);
    }

    private ApiProblem amountProblem() {
        return new ApiProblem(400, "", null, List.of(new ApiProblem.FieldProblem("askAmount",
                messages.getMessage("proposal.askAmount.number", null, LocaleContextHolder.getLocale()))));
    }

    private static String form(Model model, ProposalForm form, Api.ProposalDetail proposal, FormErrors errors, Api.FramingAdvice advice) {
        model.addAttribute("form", form);
        model.addAttribute("proposal", proposal);
        model.addAttribute("errors", errors);
        model.addAttribute("advice", advice);
        model.addAttribute("assetKinds", ProposalForm.ASSET_KINDS);
        return "proposal-form";
    }
}
