package org.roundtable.proposals.query;

import org.roundtable.proposals.domain.ProposalStatus;

import java.time.Instant;

/** A proposal as it appears in a list. */
public record ProposalSummary(String id, String title, String serviceArea, ProposalStatus status, int revision, String authorId,
                              int coDesigners, Instant createdAt, Instant updatedAt, Instant submittedAt) {

    static ProposalSummary of(ProposalView view) {
        return new ProposalSummary(view.getProposalId(), view.getTitle(), view.getServiceArea(), view.getStatus(), view.getRevision(),
                view.getAuthorId(), view.getCoDesigners(), view.getCreatedAt(), view.getUpdatedAt(), view.getSubmittedAt());
    }
}
