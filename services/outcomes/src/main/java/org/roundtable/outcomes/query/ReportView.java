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

import java.time.LocalDate;

/** A progress report: who reported, in which role, the day it describes and the day it was reported, and its narrative. */
@Entity
@Table(name = "initiative_report", indexes = @Index(name = "initiative_report_initiative", columnList = "initiativeId"))
public class ReportView {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false, length = 64)
    private String initiativeId;
    @Column(nullable = false, unique = true, length = 100)
    private String reportId;
    @Column(nullable = false, columnDefinition = "text")
    private String narrative;
    @Column(nullable = false)
    private LocalDate observedOn;
    @Column(nullable = false)
    private LocalDate reportedOn;
    private boolean livedExperience;
    @Column(nullable = false, length = 200)
    private String reporterId;
    @Enumerated(EnumType.STRING)
    @Column(length = 20)
    private Role reporterRole;

    protected ReportView() {
    }

    ReportView(String initiativeId, String reportId, String narrative, LocalDate observedOn, LocalDate reportedOn,
               boolean livedExperience, String reporterId, Role reporterRole) {
        this.initiativeId = initiativeId;
        this.reportId = reportId;
        this.narrative = narrative;
        this.observedOn = observedOn;
        this.reportedOn = reportedOn;
        this.livedExperience = livedExperience;
        this.reporterId = reporterId;
        this.reporterRole = reporterRole;
    }

    public Long getId() { return id; }
    public String getInitiativeId() { return initiativeId; }
    public String getReportId() { return reportId; }
    public String getNarrative() { return narrative; }
    public LocalDate getObservedOn() { return observedOn; }
    public LocalDate getReportedOn() { return reportedOn; }
    public boolean isLivedExperience() { return livedExperience; }
    public String getReporterId() { return reporterId; }
    public Role getReporterRole() { return reporterRole; }
}
