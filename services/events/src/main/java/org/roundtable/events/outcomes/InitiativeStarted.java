package org.roundtable.events.outcomes;

import org.roundtable.events.IntegrationEvent;
import org.roundtable.events.Published;
import org.roundtable.events.Source;
import org.roundtable.events.proposals.Money;

import java.util.List;

/**
 * A decision approved a proposal and its delivery began. The proposal's intended outcomes became draft indicators;
 * {@code funding} is the money the decision allocated, if any. {@code coDesignerIds} are the people who shaped the
 * proposal as submitted: besides the provider, they may record the assets given to the initiative (empty in events
 * stored before it was added). {@code managerIds} are the commissioners who manage it: the holders of the fund that
 * paid for it and the commissioners who sat on the approving panel and were not recused (empty in events stored before
 * it was added).
 */
@Published(source = Source.OUTCOMES, version = 1)
public record InitiativeStarted(String initiativeId, String proposalId, String caseId, String title, String serviceArea,
                                Money funding, List<DraftIndicator> indicators, List<String> coDesignerIds, List<String> managerIds)
        implements IntegrationEvent {

    public InitiativeStarted {
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
        coDesignerIds = coDesignerIds == null ? List.of() : List.copyOf(coDesignerIds);
        managerIds = managerIds == null ? List.of() : List.copyOf(managerIds);
    }

    /** An initiative without its managers. */
    public InitiativeStarted(String initiativeId, String proposalId, String caseId, String title, String serviceArea,
                             Money funding, List<DraftIndicator> indicators, List<String> coDesignerIds) {
        this(initiativeId, proposalId, caseId, title, serviceArea, funding, indicators, coDesignerIds, List.of());
    }

    /** An initiative whose proposal named no co-designers. */
    public InitiativeStarted(String initiativeId, String proposalId, String caseId, String title, String serviceArea,
                             Money funding, List<DraftIndicator> indicators) {
        this(initiativeId, proposalId, caseId, title, serviceArea, funding, indicators, List.of(), List.of());
    }
}
