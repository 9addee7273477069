package org.roundtable.proposals.query;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import org.roundtable.events.Role;

import java.time.Instant;

/** Someone invited to, or shaping, a proposal. */
@Entity
@Table(name = "proposal_co_designer", uniqueConstraints = @UniqueConstraint(name = "proposal_co_designer_once", columnNames = {"proposalId", "participantId"}))
public class CoDesignerView {

    public enum State { INVITED, JOINED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false, length = 64)
    private String proposalId;
    @Column(nullable = false, length = 200)
    private String participantId;
    @Enumerated(EnumType.STRING)
    @Column(length = 20)
    private Role role;
    @Column(columnDefinition = "text")
    private String brings;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private State state;
    private Instant invitedAt;
    private Instant joinedAt;

    protected CoDesignerView() {
    }

    CoDesignerView(String proposalId, String participantId) {
        this.proposalId = proposalId;
        this.participantId = participantId;
        this.state = State.INVITED;
    }

    void invited(Instant at) {
        this.invitedAt = at;
    }

    void joined(Role role, String brings, Instant at) {
        this.role = role;
        this.brings = brings;
        this.state = State.JOINED;
        this.joinedAt = at;
    }

    public String getProposalId() { return proposalId; }
    public String getParticipantId() { return participantId; }
    public Role getRole() { return role; }
    public String getBrings() { return brings; }
    public State getState() { return state; }
    public Instant getInvitedAt() { return invitedAt; }
    public Instant getJoinedAt() { return joinedAt; }
}
