package org.roundtable.commissioning.query;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDate;

@Entity
@Table(name = "fund_view")
public class FundView {

    @Id
    @Column(length = 64)
    String fundId;
    @Column(nullable = false, length = 120)
    String name;
    @Column(nullable = false, length = 80)
    String serviceArea;
    LocalDate periodStart;
    LocalDate periodEnd;
    @Column(precision = 14, scale = 2)
    BigDecimal amount;
    @Column(precision = 14, scale = 2)
    BigDecimal remaining;
    @Column(length = 3)
    String currency;
    @Column(columnDefinition = "text")
    String holderIds;

    protected FundView() {
    }

    FundView(String fundId) {
        this.fundId = fundId;
    }

    public String getFundId() { return fundId; }
    public String getName() { return name; }
    public String getServiceArea() { return serviceArea; }
    public LocalDate getPeriodStart() { return periodStart; }
    public LocalDate getPeriodEnd() { return periodEnd; }
    public BigDecimal getAmount() { return amount; }
    public BigDecimal getRemaining() { return remaining; }
    public String getCurrency() { return currency; }
    public String getHolderIds() { return holderIds; }
}
