package org.roundtable.web.pages;

import org.roundtable.web.services.Services;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Everything done on a proposal's page: co-design (invite, accept, submit, withdraw), endorse and withdraw, pledge and
 * withdraw, workshops (schedule, register, record attendance and ideas), each through {@link FormActions}: a refusal
 * shows the proposal's page again with the form as typed and the problem beside the field it names.
 */
@Controller
class ProposalActions {

    private final Services services;
    private final Proposals proposals;
    private final ProposalPages pages;
    private final FormActions forms;

    ProposalActions(Services services, Proposals proposals, ProposalPages pages, FormActions forms) {
        this.services = services;
        this.proposals = proposals;
        this.pages = pages;
        this.forms = forms;
    }

    @PostMapping("/proposals/{id}/invitations")
    String invite(@PathVariable UUID id, @RequestParam(defaultValue = "") String inviteeId, Model model) {
        return act(id, "invite", Map.of("inviteeId", inviteeId), model, () ->
                services.post(Services.PROPOSALS, "/api/proposals/{id}/invitations", Map.of("inviteeId", inviteeId.strip()), id));
    }

    @PostMapping("/proposals/{id}/co-designers")
    String join(@PathVariable UUID id, @RequestParam(defaultValue = "") String brings, Model model) {
        return act(id, "join", Map.of("brings", brings), model, () ->
                services.post(Services.PROPOSALS, "/api/proposals/{id}/co-designers", Map.of("brings", brings), id));
    }

    @PostMapping("/proposals/{id}/submission")
    String submit(@PathVariable UUID id, Model model) {
        return act(id, "submit", Map.of(), model, () -> services.post(Services.PROPOSALS, "/api/proposals/{id}/submission", null, id));
    }

    @PostMapping("/proposals/{id}/withdrawal")
    String withdraw(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason, Model model) {
        return act(id, "withdraw", Map.of("reason", reason), model, () ->
                services.post(Services.PROPOSALS, "/api/proposals/{id}/withdrawal", Map.of("reason", reason), id));
    }

    @PostMapping("/proposals/{id}/endorsement")
    String endorse(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason, Model model) {
        return act(id, "endorse", Map.of("reason", reason), model, () ->
                services.post(Services.PARTICIPATION, "/api/participation/proposals/{id}/endorsements", Map.of("reason", reason), id));
    }

    @PostMapping("/proposals/{id}/endorsement/withdrawal")
    String withdrawEndorsement(@PathVariable UUID id, Model model) {
        return act(id, "unendorse", Map.of(), model, () ->
                services.delete(Services.PARTICIPATION, "/api/participation/proposals/{id}/endorsements/mine", id));
    }

    @PostMapping("/proposals/{id}/pledges")
    String pledge(@PathVariable UUID id, @RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "") String description,
                  @RequestParam(defaultValue = "") String hoursPerMonth, Model model) {
        return act(id, "pledge", Map.of("kind", kind, "description", description, "hoursPerMonth", hoursPerMonth), model, () -> {
            Integer hours = forms.whole(hoursPerMonth, "hoursPerMonth", "pledge.hours.number");
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("kind", kind.isBlank() ? null : kind);
            body.put("description", description);
            body.put("hoursPerMonth", hours);
            services.post(Services.PARTICIPATION, "/api/participation/proposals/{id}/pledges", body, id);
        });
    }

    @PostMapping("/proposals/{id}/pledges/{pledgeId}/withdrawal")
    String withdrawPledge(@PathVariable UUID id, @PathVariable UUID pledgeId, Model model) {
        return act(id, "unpledge", Map.of(), model, () ->
                services.delete(Services.PARTICIPATION, "/api/participation/proposals/{id}/pledges/{pledge}", id, pledgeId));
    }

    @PostMapping("/proposals/{id}/workshops")
    String schedule(@PathVariable UUID id, @RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String startsAt,
                    @RequestParam(defaultValue = "") String place, @RequestParam(required = false) boolean online, Model model) {
        Map<String, String> input = Map.of("title", title, "startsAt", startsAt, "place", place, "online", Boolean.toString(online));
        return act(id, "workshop", input, model, () -> {
            Instant starts = forms.time(startsAt, "startsAt", "workshop.startsAt.format");
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("title", title);
            body.put("startsAt", starts.toString());
            body.put("place", place);
            body.put("online", online);
            services.post(Services.PARTICIPATION, "/api/participation/proposals/{id}/workshops", body, id);
        });
    }

    @PostMapping("/proposals/{id}/workshops/{workshopId}/registration")
    String register(@PathVariable UUID id, @PathVariable UUID workshopId, Model model) {
        return act(id, "register-" + workshopId, Map.of(), model, () -> services.post(Services.PARTICIPATION,
                "/api/participation/proposals/{id}/workshops/{workshop}/registrations", null, id, workshopId));
    }

    @PostMapping("/proposals/{id}/workshops/{workshopId}/attendance")
    String attended(@PathVariable UUID id, @PathVariable UUID workshopId, @RequestParam(defaultValue = "") String participantId, Model model) {
        return act(id, "attendance-" + workshopId, Map.of("participantId", participantId), model, () ->
                services.post(Services.PARTICIPATION, "/api/participation/proposals/{id}/workshops/{workshop}/attendance",
                        Map.of("participantId", participantId.strip()), id, workshopId));
    }

    @PostMapping("/proposals/{id}/workshops/{workshopId}/ideas")
    String idea(@PathVariable UUID id, @PathVariable UUID workshopId, @RequestParam(defaultValue = "") String idea, Model model) {
        return act(id, "idea-" + workshopId, Map.of("idea", idea), model, () ->
                services.post(Services.PARTICIPATION, "/api/participation/proposals/{id}/workshops/{workshop}/contributions",
                        Map.of("idea", idea), id, workshopId));
    }

    private String act(UUID id, String form, Map<String, String> input, Model model, Runnable command) {
        return forms.submit(form, input)
                .command(command)
                .watching(proposals.watched(id.toString()))
                .done("done." + form.replaceAll("-.*", ""))
                .send(model, () -> pages.show(id, null, 0, model));
    }
}
