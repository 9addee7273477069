package org.roundtable.outcomes.query;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

public interface ContributionViews extends JpaRepository<ContributionView, Long> {

    List<ContributionView> findByInitiativeIdOrderById(String initiativeId);

    List<ContributionView> findByInitiativeIdIn(Collection<String> initiativeIds);

    Optional<ContributionView> findByInitiativeIdAndPledgeId(String initiativeId, String pledgeId);
}
