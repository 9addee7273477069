package org.roundtable.outcomes.query;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Collection;
import java.util.List;

public interface MobilisationViews extends JpaRepository<MobilisationView, Long> {

    List<MobilisationView> findByInitiativeIdOrderByGivenOnAscId(String initiativeId);

    List<MobilisationView> findByInitiativeIdIn(Collection<String> initiativeIds);
}
