package org.roundtable.outcomes.query;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import org.roundtable.events.Role;
import org.roundtable.events.proposals.AssetKind;

import java.math.BigDecimal;
import java.time.LocalDate;

/** An asset actually given to an initiative, and who recorded it. */
@Entity
@Table(name = "initiative_mobilisation", indexes = @Index(name = "initiative_mobilisation_initiative", columnList = "initiativeId"))
public class MobilisationView {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false, length = 64)
    private String initiativeId;
    @Column(nullable = false, unique = true, length = 100)
    private String mobilisationId;
    @Column(length = 64)
    private String pledgeId;
    @Column(length = 200)
    private String participantId;
    @Column(length = 200)
    private String publicName;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private AssetKind kind;
    @Column(nullable = false, columnDefinition = "text")
    private String description;
    @Column(precision = 12, scale = 2)
    private BigDecimal hours;
    @Column(nullable = false)
    private LocalDate givenOn;
    @Column(length = 200)
    private String recordedBy;
    @Enumerated(EnumType.STRING)
    @Column(length = 20)
    private Role recordedAs;

    protected MobilisationView() {
    }

    MobilisationView(String initiativeId, String mobilisationId, String pledgeId, String participantId, String publicName,
                     AssetKind kind, String description, BigDecimal hours, LocalDate givenOn, String recordedBy, Role recordedAs) {
        this.initiativeId = initiativeId;
        this.mobilisationId = mobilisationId;
        this.pledgeId = pledgeId;
        this.participantId = participantId;
        this.publicName = publicName;
        this.kind = kind;
        this.description = description;
        this.hours = hours;
        this.givenOn = givenOn;
        this.recordedBy = recordedBy;
        this.recordedAs = recordedAs;
    }

    public String getInitiativeId() { return initiativeId; }
    public String getMobilisationId() { return mobilisationId; }
    public String getPledgeId() { return pledgeId; }
    public String getParticipantId() { return participantId; }
    public String getPublicName() { return publicName; }
    public AssetKind getKind() { return kind; }
    public String getDescription() { return description; }
    public BigDecimal getHours() { return hours; }
    public LocalDate getGivenOn() { return givenOn; }
    public String getRecordedBy() { return recordedBy; }
    public Role getRecordedAs() { return recordedAs; }
}
