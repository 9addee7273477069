package org.roundtable.web.pages;

import jakarta.servlet.http.HttpServletResponse;
import org.roundtable.web.security.People;
import org.roundtable.web.services.ApiProblem;
import org.roundtable.web.services.ReadModel;
import org.roundtable.web.services.Services;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Everything done on a proposal's page: co-design (invite, accept, submit, withdraw), endorse and withdraw, pledge and
 * withdraw, workshops (schedule, register, record attendance and ideas). Each form posts, the command is sent as the
 * person in their role, and the page is shown again once the read side shows the effect (or says it is being
 * recorded and refreshes itself). A refusal shows the proposal's page again with the form as typed and the problem
 * beside the field it names.
 */
@Controller
class ProposalActions {

    private final Services services;
    private final People people;
    private final Proposals proposals;
    private final ProposalPages pages;
    private final ReadModel readModel;
    private final MessageSource messages;

    ProposalActions(Services services, People people, Proposals proposals, ProposalPages pages, ReadModel readModel,
                    MessageSource messages) {
        this.services = services;
        this.people = people;
        this.proposals = proposals;
        this.pages = pages;
        this.readModel = readModel;
        this.messages = messages;
    }

    @PostMapping("/proposals/{id}/invitations")
    String invite(@PathVariable UUID id, @RequestParam(required = false) String inviteeId, Model model, HttpServletResponse response,
                  RedirectAttributes flash) {
        return act(id, "invite", Map.of("inviteeId", nullToEmpty(inviteeId)), model, response, flash, () ->
                services.post(Services.PROPOSALS, "/api/proposals/{id}/invitations", Map.of("inviteeId", nullToEmpty(inviteeId).strip()), id));
    }

    @PostMapping("/proposals/{id}/co-designers")
    String join(@PathVariable UUID id, @RequestParam(required = false) String brings, Model model, HttpServletResponse response,
                RedirectAttributes flash) {
        return act(id, "join", Map.of("brings", nullToEmpty(brings)), model, response, flash, () ->
                services.post(Services.PROPOSALS, "/api/proposals/{id}/co-designers", Map.of("brings", nullToEmpty(brings)), id));
    }

    @PostMapping("/proposals/{id}/submission")
    String submit(@PathVariable UUID id, Model model, HttpServletResponse response, RedirectAttributes flash) {
        return act(id, "submit", Map.of(), model, response, flash, () ->
                services.post(Services.PROPOSALS, "/api/proposals/{id}/submission", null, id));
    }

    @PostMapping("/proposals/{id}/withdrawal")
    String withdraw(@PathVariable UUID id, @RequestParam(required = false) String reason, Model model, HttpServletResponse response,
                    RedirectAttributes flash) {
        return act(id, "withdraw", Map.of("reason", nullToEmpty(reason)), model, response, flash, () ->
                services.post(Services.PROPOSALS, "/api/proposals/{id}/withdrawal", Map.of("reason", nullToEmpty(reason)), id));
    }

    @PostMapping("/proposals/{id}/endorsement")
    String endorse(@PathVariable UUID id, @RequestParam(required = false) String reason, Model model, HttpServletResponse response,
                   RedirectAttributes flash) {
        return act(id, "endorse", Map.of("reason", nullToEmpty(reason)), model, response, flash, () ->
                services.post(Services.PARTICIPATION, "/api/participation/proposals/{id}/endorsements", Map.of("reason", nullToEmpty(reason)), id));
    }

    @PostMapping("/proposals/{id}/endorsement/withdrawal")
    String withdrawEndorsement(@PathVariable UUID id, Model model, HttpServletResponse response, RedirectAttributes flash) {
        return act(id, "unendorse", Map.of(), model, response, flash, () ->
                services.delete(Services.PARTICIPATION, "/api/participation/proposals/{id}/endorsements/mine", id));
    }

    @PostMapping("/proposals/{id}/pledges")
    String pledge(@PathVariable UUID id, @RequestParam(required = false) String kind, @RequestParam(required = false) String description,
                  @RequestParam(required = false) String hoursPerMonth, Model model, HttpServletResponse response, RedirectAttributes flash) {
        Map<String, String> input = Map.of("kind", nullToEmpty(kind), "description", nullToEmpty(description),
                "hoursPerMonth", nullToEmpty(hoursPerMonth));
        Integer hours = wholeNumber(hoursPerMonth);
        if (hours == null && !nullToEmpty(hoursPerMonth).isBlank()) {
            return refused(id, "pledge", input, new ApiProblem(400, "", null,
                    java.util.List.of(new ApiProblem.FieldProblem("hoursPerMonth", say("pledge.hours.number")))), model, response);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", nullToEmpty(kind).isBlank() ? null : kind);
        body.put("description", description);
        body.put("hoursPerMonth", hours);
        return act(id, "pledge", input, model, response, flash, () ->
                services.post(Services.PARTICIPATION, "/api/participation/proposals/{id}/pledges", body, id));
    }

    @PostMapping("/proposals/{id}/pledges/{pledgeId}/withdrawal")
    String withdrawPledge(@PathVariable UUID id, @PathVariable UUID pledgeId, Model model, HttpServletResponse response,
                          RedirectAttributes flash) {
        return act(id, "unpledge", Map.of(), model, response, flash, () ->
                services.delete(Services.PARTICIPATION, "/api/participation/proposals/{id}/pledges/{pledge}", id, pledgeId));
    }

    @PostMapping("/proposals/{id}/workshops")
    String schedule(@PathVariable UUID id, @RequestParam(required = false) String title, @RequestParam(required = false) String startsAt,
                    @RequestParam(required = false) String place, @RequestParam(required = false) boolean online, Model model,
                    HttpServletResponse response, RedirectAttributes flash) {
        Map<String, String> input = Map.of("title", nullToEmpty(title), "startsAt", nullToEmpty(startsAt), "place", nullToEmpty(place),
                "online", Boolean.toString(online));
        java.time.Instant starts = WorkshopTimes.parse(startsAt);
        if (starts == null) {
            return refused(id, "workshop", input, new ApiProblem(400, "", null,
                    java.util.List.of(new ApiProblem.FieldProblem("startsAt", say("workshop.startsAt.format")))), model, response);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("startsAt", starts.toString());
        body.put("place", place);
        body.put("online", online);
        return act(id, "workshop", input, model, response, flash, () ->
                services.post(Services.PARTICIPATION, "/api/participation/proposals/{id}/workshops", body, id));
    }

    @PostMapping("/proposals/{id}/workshops/{workshopId}/registration")
    String register(@PathVariable UUID id, @PathVariable UUID workshopId, Model model, HttpServletResponse response,
                    RedirectAttributes flash) {
        return act(id, "register-" + workshopId, Map.of(), model, response, flash, () -> services.post(Services.PARTICIPATION,
                "/api/participation/proposals/{id}/workshops/{workshop}/registrations", null, id, workshopId));
    }

    @PostMapping("/proposals/{id}/workshops/{workshopId}/attendance")
    String attended(@PathVariable UUID id, @PathVariable UUID workshopId, @RequestParam(required = false) String participantId,
                    Model model, HttpServletResponse response, RedirectAttributes flash) {
        return act(id, "attendance-" + workshopId, Map.of("participantId", nullToEmpty(participantId)), model, response, flash, () ->
                services.post(Services.PARTICIPATION, "/api/participation/proposals/{id}/workshops/{workshop}/attendance",
                        Map.of("participantId", nullToEmpty(participantId).strip()), id, workshopId));
    }

    @PostMapping("/proposals/{id}/workshops/{workshopId}/ideas")
    String idea(@PathVariable UUID id, @PathVariable UUID workshopId, @RequestParam(required = false) String idea, Model model,
                HttpServletResponse response, RedirectAttributes flash) {
        return act(id, "idea-" + workshopId, Map.of("idea", nullToEmpty(idea)), model, response, flash, () ->
                services.post(Services.PARTICIPATION, "/api/participation/proposals/{id}/workshops/{workshop}/contributions",
                        Map.of("idea", nullToEmpty(idea)), id, workshopId));
    }

    private String act(UUID id, String form, Map<String, String> input, Model model, HttpServletResponse response,
                       RedirectAttributes flash, Runnable command) {
        people.acting();
        String before = proposals.fingerprint(id.toString());
        try {
            command.run();
        } catch (ApiProblem problem) {
            return refused(id, form, input, problem, model, response);
        }
        return afterCommand(proposals, readModel, id.toString(), before, flash, "done." + form.replaceAll("-.*", ""));
    }

    /** Waits for the proposal's page to show the command's effect; if it does not within the wait, the page says so. */
    static String afterCommand(Proposals proposals, ReadModel readModel, String id, String before, RedirectAttributes flash, String done) {
        if (readModel.awaitChange(() -> proposals.fingerprint(id), before)) {
            flash.addFlashAttribute("done", done);
            return "redirect:/proposals/" + id;
        }
        return "redirect:/proposals/" + id + "?recording=" + before;
    }

    private String refused(UUID id, String form, Map<String, String> input, ApiProblem problem, Model model, HttpServletResponse response) {
        response.setStatus(problem.status() >= 400 && problem.status() < 500 ? problem.status() : 502);
        model.addAttribute("failedForm", form);
        model.addAttribute("input", input);
        model.addAttribute("errors", FormErrors.of(problem, field -> field, messages));
        return pages.show(id, null, 0, model);
    }

    private String say(String key) {
        return messages.getMessage(key, null, org.springframework.context.i18n.LocaleContextHolder.getLocale());
    }

    private static Integer wholeNumber(String text) {
        try {
            return text == null || text.isBlank() ? null : Integer.valueOf(text.strip());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
