package org.roundtable.web.pages;

import org.roundtable.web.services.Api;
import org.roundtable.web.services.ApiProblem;
import org.roundtable.web.services.Services;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * A proposal as its page shows it: what the proposals service knows and what participation knows (endorsements,
 * pledges, workshops; nothing there yet for a draft). Its {@link Loaded#fingerprint()} changes with anything a command
 * on the page can change, so a page can wait for a command's effect, or say it is still being recorded.
 */
@Component
class Proposals {

    record Loaded(Api.ProposalDetail proposal, Api.Participation participation) {

        String fingerprint() {
            StringBuilder facts = new StringBuilder().append(proposal.status()).append('|')
                    .append(proposal.current() == null ? 0 : proposal.current().revision()).append('|');
            proposal.coDesigners().forEach(coDesigner -> facts.append(coDesigner.participantId()).append(coDesigner.state()));
            facts.append('|').append(participation.endorsementCount()).append('|');
            participation.endorsements().forEach(endorsement -> facts.append(endorsement.name()).append(endorsement.at()));
            participation.pledges().forEach(pledge -> facts.append(pledge.id()));
            participation.workshops().forEach(workshop -> facts.append(workshop.id()).append(workshop.registered())
                    .append(workshop.attended()).append(workshop.contributions().size()));
            return Integer.toHexString(facts.toString().hashCode());
        }
    }

    static final String MISSING = Watched.MISSING;

    private final Services services;

    Proposals(Services services) {
        this.services = services;
    }

    Optional<Loaded> find(String id) {
        return services.find(Services.PROPOSALS, "/api/proposals/{id}", Api.ProposalDetail.class, id)
                .map(proposal -> new Loaded(proposal, participation(id)));
    }

    Loaded load(String id) {
        return find(id).orElseThrow(() -> new ApiProblem(404, "Not found", null, java.util.List.of()));
    }

    String fingerprint(String id) {
        return find(id).map(Loaded::fingerprint).orElse(MISSING);
    }

    /** The proposal's page, watched for a command's effect. */
    Watched watched(String id) {
        return new Watched("/proposals/" + id, () -> fingerprint(id));
    }

    private Api.Participation participation(String id) {
        return services.find(Services.PARTICIPATION, "/api/participation/proposals/{id}", Api.Participation.class, id)
                .orElse(Api.Participation.NONE);
    }
}
