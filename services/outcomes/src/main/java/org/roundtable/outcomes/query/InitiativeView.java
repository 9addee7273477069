package org.roundtable.outcomes.query;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import org.roundtable.outcomes.domain.InitiativeStatus;

import java.math.BigDecimal;
import java.time.Instant;

/** One row per initiative for lists and summaries. */
@Entity
@Table(name = "initiative_view", indexes = {
        @Index(name = "initiative_view_area", columnList = "serviceArea, startedAt"),
        @Index(name = "initiative_view_status", columnList = "status, startedAt")})
public class InitiativeView {

    @Id
    @Column(length = 64)
    private String initiativeId;
    @Column(nullable = false, length = 64)
    private String proposalId;
    @Column(nullable = false, length = 64)
    private String caseId;
    @Column(length = 200)
    private String title;
    @Column(length = 100)
    private String serviceArea;
    @Column(precision = 14, scale = 2)
    private BigDecimal fundingAmount;
    @Column(length = 3)
    private String fundingCurrency;
    @Column(length = 200)
    private String providerId;
    @Column(length = 200)
    private String providerName;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private InitiativeStatus status;
    /** Comma-separated ISO dates, in order. */
    @Column(columnDefinition = "text")
    private String reviewDates;
    @Column(nullable = false)
    private Instant startedAt;
    @Column(nullable = false)
    private Instant updatedAt;

    protected InitiativeView() {
    }

    InitiativeView(String initiativeId, String proposalId, String caseId, String title, String serviceArea, BigDecimal fundingAmount,
                   String fundingCurrency, Instant startedAt) {
        this.initiativeId = initiativeId;
        this.proposalId = proposalId;
        this.caseId = caseId;
        this.title = title;
        this.serviceArea = serviceArea;
        this.fundingAmount = fundingAmount;
        this.fundingCurrency = fundingCurrency;
        this.status = InitiativeStatus.IN_DELIVERY;
        this.startedAt = startedAt;
        this.updatedAt = startedAt;
    }

    void provider(String providerId, String providerName, Instant at) {
        this.providerId = providerId;
        this.providerName = providerName;
        this.updatedAt = at;
    }

    void reviewDates(String reviewDates, Instant at) {
        this.reviewDates = reviewDates;
        this.updatedAt = at;
    }

    void status(InitiativeStatus status, Instant at) {
        this.status = status;
        this.updatedAt = at;
    }

    void touched(Instant at) {
        this.updatedAt = at;
    }

    public String getInitiativeId() { return initiativeId; }
    public String getProposalId() { return proposalId; }
    public String getCaseId() { return caseId; }
    public String getTitle() { return title; }
    public String getServiceArea() { return serviceArea; }
    public BigDecimal getFundingAmount() { return fundingAmount; }
    public String getFundingCurrency() { return fundingCurrency; }
    public String getProviderId() { return providerId; }
    public String getProviderName() { return providerName; }
    public InitiativeStatus getStatus() { return status; }
    public String getReviewDates() { return reviewDates; }
    public Instant getStartedAt() { return startedAt; }
    public Instant getUpdatedAt() { return updatedAt; }
}
