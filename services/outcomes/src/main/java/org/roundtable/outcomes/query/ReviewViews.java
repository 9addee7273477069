package org.roundtable.outcomes.query;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

public interface ReviewViews extends JpaRepository<ReviewView, Long> {

    List<ReviewView> findByInitiativeIdOrderById(String initiativeId);
}
