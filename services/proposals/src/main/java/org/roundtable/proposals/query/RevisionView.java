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

/** Every revision of every proposal, as written, with who wrote it and why. Nothing here is overwritten. */
@Entity
@Table(name = "proposal_revision", uniqueConstraints = @UniqueConstraint(name = "proposal_revision_number", columnNames = {"proposalId", "revision"}))
public class RevisionView {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false, length = 64)
    private String proposalId;
    private int revision;
    @Column(nullable = false, columnDefinition = "text")
    private String content;
    @Column(nullable = false, length = 200)
    private String actorId;
    @Enumerated(EnumType.STRING)
    @Column(length = 20)
    private Role actorRole;
    @Column(columnDefinition = "text")
    private String note;
    @Column(nullable = false)
    private Instant recordedAt;

    protected RevisionView() {
    }

    RevisionView(String proposalId, int revision, String content, String actorId, Role actorRole, String note, Instant recordedAt) {
        this.proposalId = proposalId;
        this.revision = revision;
        this.content = content;
        this.actorId = actorId;
        this.actorRole = actorRole;
        this.note = note;
        this.recordedAt = recordedAt;
    }

    public String getProposalId() { return proposalId; }
    public int getRevision() { return revision; }
    public String getContent() { return content; }
    public String getActorId() { return actorId; }
    public Role getActorRole() { return actorRole; }
    public String getNote() { return note; }
    public Instant getRecordedAt() { return recordedAt; }
}
