package org.roundtable.participation.query;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import org.roundtable.events.proposals.AssetKind;

import java.time.Instant;

/**
 * One act of participation around a proposal: an endorsement, a pledge, a workshop, a registration or attendance, a
 * contribution. Who acted is kept as an id; names are looked up at read time, so a change of consent applies to
 * everything shown from then on.
 */
@Entity
@Table(name = "activity_view", indexes = {
        @Index(name = "activity_by_proposal", columnList = "proposalId, kind"),
        @Index(name = "activity_by_participant", columnList = "participantId")})
public class ActivityView {

    public enum Kind { ENDORSEMENT, PLEDGE, WORKSHOP, REGISTRATION, CONTRIBUTION }

    @Id
    @Column(length = 160)
    String id;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    Kind kind;
    @Column(nullable = false, length = 64)
    String proposalId;
    @Column(length = 64)
    String workshopId;
    @Column(nullable = false, length = 200)
    String participantId;
    @Column(columnDefinition = "text")
    String text;
    @Enumerated(EnumType.STRING)
    @Column(length = 20)
    AssetKind assetKind;
    Integer hoursPerMonth;
    Instant startsAt;
    @Column(length = 300)
    String place;
    boolean online;
    boolean attended;
    boolean active;
    @Column(nullable = false)
    Instant at;

    protected ActivityView() {
    }

    ActivityView(String id, Kind kind, String proposalId, String participantId, Instant at) {
        this.id = id;
        this.kind = kind;
        this.proposalId = proposalId;
        this.participantId = participantId;
        this.at = at;
        this.active = true;
    }

    public String getId() { return id; }
    public Kind getKind() { return kind; }
    public String getProposalId() { return proposalId; }
    public String getWorkshopId() { return workshopId; }
    public String getParticipantId() { return participantId; }
    public String getText() { return text; }
    public AssetKind getAssetKind() { return assetKind; }
    public Integer getHoursPerMonth() { return hoursPerMonth; }
    public Instant getStartsAt() { return startsAt; }
    public String getPlace() { return place; }
    public boolean isOnline() { return online; }
    public boolean isAttended() { return attended; }
    public boolean isActive() { return active; }
    public Instant getAt() { return at; }
}
