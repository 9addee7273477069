package org.roundtable.commissioning.foreign;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * What the panel knows of a proposal and of the community around it, built here from the proposals and participation
 * topics: the proposal as submitted, and the endorsements and pledges, kept as JSON documents.
 */
@Entity
@Table(name = "known_proposal_view")
public class KnownProposalView {

    @Id
    @Column(length = 64)
    String proposalId;
    @Column(columnDefinition = "text")
    String submitted;
    @Column(columnDefinition = "text", nullable = false)
    String endorsements = "{}";
    @Column(columnDefinition = "text", nullable = false)
    String pledges = "{}";

    protected KnownProposalView() {
    }

    KnownProposalView(String proposalId) {
        this.proposalId = proposalId;
    }

    public String getProposalId() { return proposalId; }
    public String getSubmitted() { return submitted; }
    public String getEndorsements() { return endorsements; }
    public String getPledges() { return pledges; }
}
