package org.roundtable.participation.query;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** What participation knows of a proposal: its title and whether endorsements are open. */
@Entity
@Table(name = "proposal_stage_view")
public class ProposalStageView {

    @Id
    @Column(length = 64)
    String proposalId;
    @Column(length = 200)
    String title;
    @Column(length = 100)
    String serviceArea;
    @Column(nullable = false, length = 12)
    String stage;

    protected ProposalStageView() {
    }

    ProposalStageView(String proposalId) {
        this.proposalId = proposalId;
        this.stage = "CO_DESIGN";
    }

    public String getProposalId() { return proposalId; }
    public String getTitle() { return title; }
    public String getServiceArea() { return serviceArea; }
    public String getStage() { return stage; }
}
