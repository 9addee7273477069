package org.roundtable.proposals.query;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.roundtable.events.Role;
import org.roundtable.events.proposals.ProposalStatus;

import java.time.Instant;

/** A step in a proposal's life: which status, when, who (or which decision case) moved it, and why. */
@Entity
@Table(name = "proposal_status_change")
public class StatusChangeView {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false, length = 64)
    private String proposalId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ProposalStatus status;
    @Column(nullable = false, length = 200)
    private String actorId;
    @Enumerated(EnumType.STRING)
    @Column(length = 20)
    private Role actorRole;
    @Column(columnDefinition = "text")
    private String reason;
    @Column(length = 64)
    private String caseId;
    @Column(nullable = false)
    private Instant changedAt;

    protected StatusChangeView() {
    }

    StatusChangeView(String proposalId, ProposalStatus status, String actorId, Role actorRole, String reason, String caseId, Instant changedAt) {
        this.proposalId = proposalId;
        this.status = status;
        this.actorId = actorId;
        this.actorRole = actorRole;
        this.reason = reason;
        this.caseId = caseId;
        this.changedAt = changedAt;
    }

    public Long getId() { return id; }
    public String getProposalId() { return proposalId; }
    public ProposalStatus getStatus() { return status; }
    public String getActorId() { return actorId; }
    public Role getActorRole() { return actorRole; }
    public String getReason() { return reason; }
    public String getCaseId() { return caseId; }
    public Instant getChangedAt() { return changedAt; }
}
