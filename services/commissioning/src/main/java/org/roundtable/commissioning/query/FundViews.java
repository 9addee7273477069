package org.roundtable.commissioning.query;

import org.springframework.data.jpa.repository.JpaRepository;

public interface FundViews extends JpaRepository<FundView, String> {
}
