package org.roundtable.outcomes.query;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import org.roundtable.events.proposals.AssetKind;

/** A pledge the initiative expects to be given; released when its pledge is withdrawn. */
@Entity
@Table(name = "initiative_contribution", uniqueConstraints = @UniqueConstraint(name = "initiative_contribution_once",
        columnNames = {"initiativeId", "pledgeId"}))
public class ContributionView {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false, length = 64)
    private String initiativeId;
    @Column(nullable = false, length = 64)
    private String pledgeId;
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
    private boolean released;

    protected ContributionView() {
    }

    ContributionView(String initiativeId, String pledgeId, String participantId, String publicName, AssetKind kind, String description,
                     Integer hoursPerMonth) {
        this.initiativeId = initiativeId;
        this.pledgeId = pledgeId;
        this.participantId = participantId;
        this.publicName = publicName;
        this.kind = kind;
        this.description = description;
        this.hoursPerMonth = hoursPerMonth;
    }

    void released() {
        this.released = true;
    }

    public String getInitiativeId() { return initiativeId; }
    public String getPledgeId() { return pledgeId; }
    public String getParticipantId() { return participantId; }
    public String getPublicName() { return publicName; }
    public AssetKind getKind() { return kind; }
    public String getDescription() { return description; }
    public Integer getHoursPerMonth() { return hoursPerMonth; }
    public boolean isReleased() { return released; }
}
