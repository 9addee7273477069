package org.roundtable.commissioning.query;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

import java.time.Instant;

/** One thing said round the table, in order: a panel assembled, an interest declared, a vote cast or changed, a decision. */
@Entity
@Table(name = "case_entry_view", indexes = @Index(name = "case_entry_by_case", columnList = "caseId, id"))
public class CaseEntryView {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    @Column(nullable = false, length = 64)
    String caseId;
    @Column(nullable = false, length = 24)
    String kind;
    @Column(length = 200)
    String actorId;
    @Column(length = 20)
    String actorRole;
    /** The name an office holder acted under (their token's), kept so that the case names them; never a citizen's. */
    @Column(length = 200)
    String actorName;
    @Column(columnDefinition = "text")
    String detail;
    Instant at;

    protected CaseEntryView() {
    }

    CaseEntryView(String caseId, String kind, String actorId, String actorRole, String actorName, String detail, Instant at) {
        this.caseId = caseId;
        this.kind = kind;
        this.actorId = actorId;
        this.actorRole = actorRole;
        this.actorName = actorName;
        this.detail = detail;
        this.at = at;
    }

    public String getKind() { return kind; }
    public String getActorId() { return actorId; }
    public String getActorRole() { return actorRole; }
    public String getActorName() { return actorName; }
    public String getDetail() { return detail; }
    public Instant getAt() { return at; }
}
