package org.roundtable.outcomes.query;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Collection;
import java.util.List;

public interface ReportViews extends JpaRepository<ReportView, Long> {

    List<ReportView> findByInitiativeIdOrderByObservedOnAscId(String initiativeId);

    List<ReportView> findByInitiativeIdIn(Collection<String> initiativeIds);
}
