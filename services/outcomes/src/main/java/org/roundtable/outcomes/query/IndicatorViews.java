package org.roundtable.outcomes.query;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

public interface IndicatorViews extends JpaRepository<IndicatorView, Long> {

    List<IndicatorView> findByInitiativeIdOrderById(String initiativeId);

    List<IndicatorView> findByInitiativeIdIn(Collection<String> initiativeIds);

    Optional<IndicatorView> findByInitiativeIdAndIndicatorId(String initiativeId, String indicatorId);
}
