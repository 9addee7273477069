package org.roundtable.proposals.query;

import org.roundtable.events.Role;
import org.roundtable.events.proposals.Money;
import org.roundtable.events.proposals.ProposalContent;
import org.roundtable.events.proposals.ProposalStatus;

import java.time.Instant;
import java.util.List;

/**
 * Everything known about one proposal: its current revision, every earlier one, who shaped it, and its history. People
 * are shown as {@link org.roundtable.kit.names.PublicNames} says: a citizen by login id and name only with their
 * consent, otherwise by pseudonymous id and pseudonym (the reader always sees themselves by their own id).
 */
public record ProposalDetail(String id,
                             ProposalStatus status,
                             String authorId,
                             String authorName,
                             Revision current,
                             List<Revision> revisions,
                             List<CoDesigner> coDesigners,
                             List<StatusChange> statusHistory,
                             String caseId,
                             Money allocated,
                             Instant createdAt,
                             Instant updatedAt) {

    public record Revision(int revision, ProposalContent content, String actorId, String actorName, Role actorRole, String note,
                           Instant recordedAt) {
    }

    public record CoDesigner(String participantId, String name, Role role, String brings, CoDesignerView.State state, Instant invitedAt,
                             Instant joinedAt) {
    }

    public record StatusChange(ProposalStatus status, String actorId, String actorName, Role actorRole, String reason, String caseId, Instant at) {
    }
}
