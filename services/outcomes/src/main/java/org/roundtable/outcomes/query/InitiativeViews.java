package org.roundtable.outcomes.query;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

import java.util.List;

public interface InitiativeViews extends JpaRepository<InitiativeView, String>, JpaSpecificationExecutor<InitiativeView> {

    List<InitiativeView> findByServiceAreaOrderByStartedAt(String serviceArea);

    List<InitiativeView> findAllByOrderByServiceAreaAscStartedAtAsc();
}
