package org.roundtable.web.pages;

import org.roundtable.web.services.Api;
import org.roundtable.web.services.Services;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Proposals to read: the list (search, filter, pages) and one proposal's page with everything that shaped it. */
@Controller
class ProposalPages {

    static final List<String> STATUSES = List.of("DRAFT", "SUBMITTED", "UNDER_DECISION", "COMMISSIONED", "DECLINED", "WITHDRAWN");
    private static final int PAGE_SIZE = 20;

    private final Services services;
    private final Proposals proposals;

    ProposalPages(Services services, Proposals proposals) {
        this.services = services;
        this.proposals = proposals;
    }

    @GetMapping("/proposals")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String status,
                @RequestParam(required = false) String serviceArea, @RequestParam(defaultValue = "1") int page, Model model) {
        String chosenStatus = status != null && STATUSES.contains(status) ? status : null;
        String text = blankToNull(q);
        String area = blankToNull(serviceArea);
        int shown = Math.max(1, page);
        StringBuilder path = new StringBuilder("/api/proposals?page={page}&size={size}&sort=updatedAt,desc");
        List<Object> values = new ArrayList<>(List.of(shown - 1, PAGE_SIZE));
        if (chosenStatus != null) {
            path.append("&status={status}");
            values.add(chosenStatus);
        }
        if (area != null) {
            path.append("&serviceArea={area}");
            values.add(area);
        }
        if (text != null) {
            path.append("&q={q}");
            values.add(text);
        }
        Api.PageOf<Api.ProposalSummary> found = services.get(Services.PROPOSALS, path.toString(), Home.PROPOSALS, values.toArray());
        model.addAttribute("found", found);
        model.addAttribute("q", text);
        model.addAttribute("status", chosenStatus);
        model.addAttribute("serviceArea", area);
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("pageNumber", shown);
        return "proposals";
    }

    @GetMapping("/proposals/{id}")
    String proposal(@PathVariable UUID id, @RequestParam(required = false) String recording,
                    @RequestParam(defaultValue = "0") int tries, Model model) {
        return show(id, recording, tries, model);
    }

    /** The proposal's page; the forms on it render it again, with what was typed and what went wrong. */
    String show(UUID id, String recording, int tries, Model model) {
        var loaded = proposals.find(id.toString());
        boolean stillRecording = recording != null && loaded.map(Proposals.Loaded::fingerprint).orElse(Proposals.MISSING).equals(recording);
        if (loaded.isEmpty()) {
            if (!stillRecording) {
                throw new org.roundtable.web.services.ApiProblem(404, "Not found", null, List.of());
            }
            Watched.recording(model, "/proposals/" + id, recording, tries);
            return "recording";
        }
        Api.ProposalDetail proposal = loaded.get().proposal();
        model.addAttribute("proposal", proposal);
        model.addAttribute("content", proposal.current().content());
        model.addAttribute("participation", loaded.get().participation());
        model.addAttribute("changes", changes(proposal));
        model.addAttribute("assetKinds", ProposalForm.ASSET_KINDS);
        // participation hears of a submission through Kafka: until it has, the page says so and looks again
        boolean opening = proposal.isOpenForEndorsement() && loaded.get().participation().proposalId() == null;
        if (stillRecording || opening) {
            Watched.recording(model, "/proposals/" + id, recording, tries);
            model.addAttribute("opening", !stillRecording);
        }
        return "proposal";
    }

    /** Each revision after the first, newest first, with what it changed from the one before. */
    private static List<RevisionChanges> changes(Api.ProposalDetail proposal) {
        List<Api.Revision> revisions = proposal.revisions().stream()
                .sorted(java.util.Comparator.comparingInt(Api.Revision::revision)).toList();
        List<RevisionChanges> changes = new ArrayList<>();
        for (int i = revisions.size() - 1; i >= 0; i--) {
            Api.Revision revision = revisions.get(i);
            changes.add(new RevisionChanges(revision, i == 0 ? List.of() : RevisionDiff.between(revisions.get(i - 1).content(),
                    revision.content())));
        }
        return changes;
    }

    record RevisionChanges(Api.Revision revision, List<RevisionDiff.Change> changes) {
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
