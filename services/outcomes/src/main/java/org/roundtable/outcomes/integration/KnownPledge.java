package org.roundtable.outcomes.integration;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import org.roundtable.events.proposals.AssetKind;
import org.roundtable.outcomes.domain.InitiativeCommands.Pledge;

import java.time.Instant;

/**
 * A pledge made in participation to a proposal, kept so that pledges made before its initiative starts are expected
 * from it too. A withdrawal heard before its pledge is kept as well, so the late pledge is not taken up.
 */
@Entity
@Table(name = "outcomes_known_pledge", indexes = @Index(name = "outcomes_known_pledge_proposal", columnList = "proposalId"))
public class KnownPledge {

    @Id
    @Column(length = 64)
    private String pledgeId;
    @Column(nullable = false, length = 64)
    private String proposalId;
    @Column(length = 200)
    private String participantId;
    @Column(length = 200)
    private String publicName;
    @Enumerated(EnumType.STRING)
    @Column(length = 20)
    private AssetKind kind;
    @Column(columnDefinition = "text")
    private String description;
    private Integer hoursPerMonth;
    @Column(nullable = false)
    private Instant heardAt;
    private boolean pledged;
    private boolean withdrawn;

    protected KnownPledge() {
    }

    KnownPledge(String pledgeId, String proposalId, String participantId) {
        this.pledgeId = pledgeId;
        this.proposalId = proposalId;
        this.participantId = participantId;
        this.heardAt = Instant.now();
    }

    void pledged(String publicName, AssetKind kind, String description, Integer hoursPerMonth) {
        this.pledged = true;
        this.publicName = publicName;
        this.kind = kind;
        this.description = description;
        this.hoursPerMonth = hoursPerMonth;
    }

    void withdrawn() {
        this.withdrawn = true;
    }

    boolean isPledged() {
        return pledged;
    }

    boolean isWithdrawn() {
        return withdrawn;
    }

    boolean isActive() {
        return pledged && !withdrawn;
    }

    Pledge toPledge() {
        return new Pledge(pledgeId, participantId, publicName, kind, description, hoursPerMonth);
    }
}
