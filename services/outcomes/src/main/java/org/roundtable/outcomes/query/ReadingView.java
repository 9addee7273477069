package org.roundtable.outcomes.query;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One value of one indicator, from one report: a point of the indicator's time series. */
@Entity
@Table(name = "initiative_reading", indexes = @Index(name = "initiative_reading_series", columnList = "initiativeId, indicatorId, observedOn"))
public class ReadingView {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false, length = 64)
    private String initiativeId;
    @Column(nullable = false, length = 100)
    private String indicatorId;
    @Column(nullable = false, length = 100)
    private String reportId;
    @Column(nullable = false, precision = 30, scale = 4)
    private BigDecimal value;
    @Column(nullable = false)
    private LocalDate observedOn;
    @Column(nullable = false)
    private LocalDate reportedOn;
    private boolean livedExperience;

    protected ReadingView() {
    }

    ReadingView(String initiativeId, String indicatorId, String reportId, BigDecimal value, LocalDate observedOn, LocalDate reportedOn,
                boolean livedExperience) {
        this.initiativeId = initiativeId;
        this.indicatorId = indicatorId;
        this.reportId = reportId;
        this.value = value;
        this.observedOn = observedOn;
        this.reportedOn = reportedOn;
        this.livedExperience = livedExperience;
    }

    public Long getId() { return id; }
    public String getInitiativeId() { return initiativeId; }
    public String getIndicatorId() { return indicatorId; }
    public String getReportId() { return reportId; }
    public BigDecimal getValue() { return value; }
    public LocalDate getObservedOn() { return observedOn; }
    public LocalDate getReportedOn() { return reportedOn; }
    public boolean isLivedExperience() { return livedExperience; }
}
