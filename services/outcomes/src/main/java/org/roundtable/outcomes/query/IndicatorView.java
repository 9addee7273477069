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
import org.roundtable.events.outcomes.Direction;

import java.math.BigDecimal;

/** An indicator of an initiative: a draft named after an intended outcome until a commissioner defines it. */
@Entity
@Table(name = "initiative_indicator", uniqueConstraints = @UniqueConstraint(name = "initiative_indicator_once",
        columnNames = {"initiativeId", "indicatorId"}))
public class IndicatorView {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false, length = 64)
    private String initiativeId;
    @Column(nullable = false, length = 100)
    private String indicatorId;
    @Column(nullable = false, columnDefinition = "text")
    private String name;
    @Column(length = 60)
    private String unit;
    @Column(precision = 30, scale = 4)
    private BigDecimal baseline;
    @Column(precision = 30, scale = 4)
    private BigDecimal target;
    @Enumerated(EnumType.STRING)
    @Column(length = 20)
    private Direction direction;

    protected IndicatorView() {
    }

    IndicatorView(String initiativeId, String indicatorId, String name) {
        this.initiativeId = initiativeId;
        this.indicatorId = indicatorId;
        this.name = name;
    }

    void define(String name, String unit, BigDecimal baseline, BigDecimal target, Direction direction) {
        this.name = name;
        this.unit = unit;
        this.baseline = baseline;
        this.target = target;
        this.direction = direction;
    }

    public boolean isDefined() {
        return unit != null;
    }

    public Long getId() { return id; }
    public String getInitiativeId() { return initiativeId; }
    public String getIndicatorId() { return indicatorId; }
    public String getName() { return name; }
    public String getUnit() { return unit; }
    public BigDecimal getBaseline() { return baseline; }
    public BigDecimal getTarget() { return target; }
    public Direction getDirection() { return direction; }
}
