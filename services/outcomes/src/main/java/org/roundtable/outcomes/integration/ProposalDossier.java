package org.roundtable.outcomes.integration;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;

/**
 * What this service keeps of a proposal from other services' events until its initiative has started: the proposal
 * as submitted, the approving decision, and the initiative once started. Either may arrive first.
 */
@Entity
@Table(name = "outcomes_proposal_dossier")
public class ProposalDossier {

    @Id
    @Column(length = 64)
    private String proposalId;
    @Column(length = 200)
    private String title;
    @Column(length = 100)
    private String serviceArea;
    /** JSON array of the intended outcomes as submitted. */
    @Column(columnDefinition = "text")
    private String intendedOutcomes;
    /** JSON array of the co-designers' ids as submitted. */
    @Column(columnDefinition = "text")
    private String coDesignerIds;
    @Column(length = 64)
    private String approvingCaseId;
    @Column(precision = 14, scale = 2)
    private BigDecimal fundingAmount;
    @Column(length = 3)
    private String fundingCurrency;
    @Column(length = 64)
    private String initiativeId;
    /** JSON array of who manages the initiative: the fund's holders and the panel's commissioners not recused. */
    @Column(columnDefinition = "text")
    private String managerIds;

    protected ProposalDossier() {
    }

    void submitted(String title, String serviceArea, String intendedOutcomes, String coDesignerIds) {
        this.title = title;
        this.serviceArea = serviceArea;
        this.intendedOutcomes = intendedOutcomes;
        this.coDesignerIds = coDesignerIds;
    }

    void approved(String caseId, BigDecimal fundingAmount, String fundingCurrency, String managerIds) {
        this.approvingCaseId = caseId;
        this.managerIds = managerIds;
        this.fundingAmount = fundingAmount;
        this.fundingCurrency = fundingCurrency;
    }

    void started(String initiativeId) {
        this.initiativeId = initiativeId;
    }

    boolean isSubmitted() {
        return title != null;
    }

    boolean isApproved() {
        return approvingCaseId != null;
    }

    String getProposalId() { return proposalId; }
    String getTitle() { return title; }
    String getServiceArea() { return serviceArea; }
    String getIntendedOutcomes() { return intendedOutcomes; }
    String getCoDesignerIds() { return coDesignerIds; }
    String getApprovingCaseId() { return approvingCaseId; }
    BigDecimal getFundingAmount() { return fundingAmount; }
    String getFundingCurrency() { return fundingCurrency; }
    String getInitiativeId() { return initiativeId; }
    String getManagerIds() { return managerIds; }
}
