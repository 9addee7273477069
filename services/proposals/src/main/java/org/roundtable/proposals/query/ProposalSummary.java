package org.roundtable.proposals.query;

import org.roundtable.events.proposals.ProposalStatus;
import org.roundtable.kit.names.PublicNames;

import java.time.Instant;

/** A proposal as it appears in a list; its author as {@link ProposalDetail} shows people. */
public record ProposalSummary(String id, String title, String serviceArea, ProposalStatus status, int revision, String authorId,
                              String authorName, int coDesigners, Instant createdAt, Instant updatedAt, Instant submittedAt) {

    static ProposalSummary of(ProposalView view, PublicNames.Shown author) {
        return new ProposalSummary(view.getProposalId(), view.getTitle(), view.getServiceArea(), view.getStatus(), view.getRevision(),
                author.id(), author.name(), view.getCoDesigners(), view.getCreatedAt(), view.getUpdatedAt(), view.getSubmittedAt());
    }
}
