package org.roundtable.outcomes.query;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Collection;
import java.util.List;

public interface ReadingViews extends JpaRepository<ReadingView, Long> {

    /** Every reading of an initiative in time-series order: by the day observed, then in the order reported. */
    List<ReadingView> findByInitiativeIdOrderByObservedOnAscId(String initiativeId);

    List<ReadingView> findByInitiativeIdInOrderByObservedOnAscId(Collection<String> initiativeIds);
}
