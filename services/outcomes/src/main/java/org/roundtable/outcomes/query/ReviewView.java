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
import org.roundtable.events.outcomes.ReviewStatus;

import java.time.Instant;

/** A commissioner's review of an initiative, with its reason and any override. */
@Entity
@Table(name = "initiative_review", indexes = @Index(name = "initiative_review_initiative", columnList = "initiativeId"))
public class ReviewView {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false, length = 64)
    private String initiativeId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ReviewStatus status;
    @Column(nullable = false, columnDefinition = "text")
    private String reason;
    @Column(columnDefinition = "text")
    private String overrideReason;
    @Column(length = 200)
    private String reviewerId;
    @Column(nullable = false)
    private Instant reviewedAt;

    protected ReviewView() {
    }

    ReviewView(String initiativeId, ReviewStatus status, String reason, String overrideReason, String reviewerId, Instant reviewedAt) {
        this.initiativeId = initiativeId;
        this.status = status;
        this.reason = reason;
        this.overrideReason = overrideReason;
        this.reviewerId = reviewerId;
        this.reviewedAt = reviewedAt;
    }

    public String getInitiativeId() { return initiativeId; }
    public ReviewStatus getStatus() { return status; }
    public String getReason() { return reason; }
    public String getOverrideReason() { return overrideReason; }
    public String getReviewerId() { return reviewerId; }
    public Instant getReviewedAt() { return reviewedAt; }
}
