package org.roundtable.commissioning.query;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

import java.time.Instant;

/** A decision case as the table sees it; the record of everything said round it lives in the event store and the timeline. */
@Entity
@Table(name = "case_view", indexes = @Index(name = "case_view_due", columnList = "status, deadline"))
public class CaseView {

    @Id
    @Column(length = 64)
    String caseId;
    @Column(nullable = false, length = 64)
    String proposalId;
    @Column(length = 200)
    String title;
    @Column(length = 80)
    String serviceArea;
    @Column(nullable = false, length = 12)
    String status;
    Instant deadline;
    @Column(length = 200)
    String chairId;
    @Column(length = 64)
    String fundId;
    @Column(columnDefinition = "text")
    String amount;
    @Column(length = 12)
    String outcome;
    @Column(columnDefinition = "text")
    String decision;
    Instant openedAt;
    Instant decidedAt;

    protected CaseView() {
    }

    CaseView(String caseId, String proposalId) {
        this.caseId = caseId;
        this.proposalId = proposalId;
        this.status = "OPEN";
    }

    public String getCaseId() { return caseId; }
    public String getProposalId() { return proposalId; }
    public String getTitle() { return title; }
    public String getServiceArea() { return serviceArea; }
    public String getStatus() { return status; }
    public Instant getDeadline() { return deadline; }
    public String getChairId() { return chairId; }
    public String getFundId() { return fundId; }
    public String getAmount() { return amount; }
    public String getOutcome() { return outcome; }
    public String getDecision() { return decision; }
    public Instant getOpenedAt() { return openedAt; }
    public Instant getDecidedAt() { return decidedAt; }
}
