package org.roundtable.outcomes.query;

import org.roundtable.events.proposals.Money;
import org.roundtable.outcomes.domain.InitiativeStatus;

import java.time.Instant;

/** An initiative as it appears in a list. */
public record InitiativeSummary(String id, String proposalId, String title, String serviceArea, InitiativeStatus status,
                                Money funding, String providerId, String providerName, Instant startedAt, Instant updatedAt) {

    static InitiativeSummary of(InitiativeView view) {
        return new InitiativeSummary(view.getInitiativeId(), view.getProposalId(), view.getTitle(), view.getServiceArea(), view.getStatus(),
                InitiativeQueries.funding(view), view.getProviderId(), view.getProviderName(), view.getStartedAt(), view.getUpdatedAt());
    }
}
