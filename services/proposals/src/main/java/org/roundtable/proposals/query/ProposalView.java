package org.roundtable.proposals.query;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import org.roundtable.events.Role;
import org.roundtable.events.proposals.ProposalStatus;

import java.math.BigDecimal;
import java.time.Instant;

/** One row per proposal for lists and search: its current revision's headline facts. */
@Entity
@Table(name = "proposal_view", indexes = {
        @Index(name = "proposal_view_status", columnList = "status, updatedAt"),
        @Index(name = "proposal_view_area", columnList = "serviceArea, updatedAt"),
        @Index(name = "proposal_view_updated", columnList = "updatedAt")})
public class ProposalView {

    @Id
    @Column(length = 64)
    private String proposalId;
    @Column(nullable = false, length = 200)
    private String title;
    @Column(nullable = false, columnDefinition = "text")
    private String aspiration;
    @Column(nullable = false, length = 100)
    private String serviceArea;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ProposalStatus status;
    private int revision;
    @Column(nullable = false, length = 200)
    private String authorId;
    @Enumerated(EnumType.STRING)
    @Column(length = 20)
    private Role authorRole;
    private int coDesigners;
    @Column(nullable = false)
    private Instant createdAt;
    @Column(nullable = false)
    private Instant updatedAt;
    private Instant submittedAt;
    @Column(length = 64)
    private String caseId;
    @Column(precision = 14, scale = 2)
    private BigDecimal allocatedAmount;
    @Column(length = 3)
    private String allocatedCurrency;

    protected ProposalView() {
    }

    ProposalView(String proposalId, String authorId, Role authorRole, Instant createdAt) {
        this.proposalId = proposalId;
        this.authorId = authorId;
        this.authorRole = authorRole;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
        this.status = ProposalStatus.DRAFT;
        this.coDesigners = 1;
    }

    void revise(int revision, String title, String aspiration, String serviceArea, Instant at) {
        this.revision = revision;
        this.title = title;
        this.aspiration = aspiration;
        this.serviceArea = serviceArea;
        this.updatedAt = at;
    }

    void status(ProposalStatus status, Instant at) {
        this.status = status;
        this.updatedAt = at;
        if (status == ProposalStatus.SUBMITTED) {
            this.submittedAt = at;
        }
    }

    void coDesignerJoined(Instant at) {
        this.coDesigners++;
        this.updatedAt = at;
    }

    void caseOpened(String caseId) {
        this.caseId = caseId;
    }

    void allocated(BigDecimal amount, String currency) {
        this.allocatedAmount = amount;
        this.allocatedCurrency = currency;
    }

    public String getProposalId() { return proposalId; }
    public String getTitle() { return title; }
    public String getAspiration() { return aspiration; }
    public String getServiceArea() { return serviceArea; }
    public ProposalStatus getStatus() { return status; }
    public int getRevision() { return revision; }
    public String getAuthorId() { return authorId; }
    public Role getAuthorRole() { return authorRole; }
    public int getCoDesigners() { return coDesigners; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public Instant getSubmittedAt() { return submittedAt; }
    public String getCaseId() { return caseId; }
    public BigDecimal getAllocatedAmount() { return allocatedAmount; }
    public String getAllocatedCurrency() { return allocatedCurrency; }
}
