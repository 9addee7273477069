package org.roundtable.web.pages;

import org.roundtable.web.security.People;
import org.roundtable.web.services.Api;
import org.roundtable.web.services.ApiProblem;
import org.roundtable.web.services.Services;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

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
    private final FormActions forms;

    ProposalForms(Services services, People people, Proposals proposals, FormActions forms) {
        this.services = services;
        this.people = people;
        this.proposals = proposals;
        this.forms = forms;
    }

    @GetMapping("/proposals/new")
    String blank(Model model) {
        people.acting();
        return form(model, new ProposalForm().withRoomForAnotherAsset(), null, null);
    }

    @PostMapping("/proposals/new")
    String draft(@ModelAttribute("form") ProposalForm form, @RequestParam(required = false) String action, Model model) {
        people.acting();
        if (ADD_ASSET.equals(action) || CHECK.equals(action)) {
            return form(model, form.withRoomForAnotherAsset(), null, CHECK.equals(action) ? advice(form.framingText()) : null);
        }
        return forms.submit("proposal", Map.of())
                .creating(() -> {
                    requireAmount(form);
                    return services.post(Services.PROPOSALS, "/api/proposals", form.content());
                }, proposals::watched)
                .fields(ProposalForm::fieldOf)
                .done("done.draft")
                .send(model, () -> form(model, form.withRoomForAnotherAsset(), null, null));
    }

    @GetMapping("/proposals/{id}/amend")
    String amendForm(@PathVariable UUID id, Model model) {
        people.acting();
        Api.ProposalDetail proposal = proposals.load(id.toString()).proposal();
        return form(model, ProposalForm.of(proposal.current().content()), proposal, null);
    }

    @PostMapping("/proposals/{id}/amend")
    String amend(@PathVariable UUID id, @ModelAttribute("form") ProposalForm form, @RequestParam(required = false) String action,
                 Model model) {
        people.acting();
        Proposals.Loaded loaded = proposals.load(id.toString());
        if (ADD_ASSET.equals(action) || CHECK.equals(action)) {
            return form(model, form.withRoomForAnotherAsset(), loaded.proposal(), CHECK.equals(action) ? advice(form.framingText()) : null);
        }
        return forms.submit("proposal", Map.of())
                .command(() -> {
                    requireAmount(form);
                    services.post(Services.PROPOSALS, "/api/proposals/{id}/revisions", Map.of("content", form.content(),
                            "note", form.getNote() == null ? "" : form.getNote()), id);
                })
                .watching(proposals.watched(id.toString()))
                .fields(ProposalForm::fieldOf)
                .done("done.amend")
                .send(model, () -> form(model, form.withRoomForAnotherAsset(), loaded.proposal(), null));
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

    private void requireAmount(ProposalForm form) {
        if (form.amountProblem()) {
            throw forms.invalid("askAmount", "proposal.askAmount.number");
        }
    }

    /** The form; after a refusal the model already holds what went wrong ({@code typed}). */
    private static String form(Model model, ProposalForm form, Api.ProposalDetail proposal, Api.FramingAdvice advice) {
        model.addAttribute("form", form);
        model.addAttribute("proposal", proposal);
        model.addAttribute("advice", advice);
        model.addAttribute("assetKinds", ProposalForm.ASSET_KINDS);
        return "proposal-form";
    }
}
