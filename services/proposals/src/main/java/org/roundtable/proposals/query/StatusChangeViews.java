package org.roundtable.proposals.query;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

public interface StatusChangeViews extends JpaRepository<StatusChangeView, Long> {

    List<StatusChangeView> findByProposalIdOrderById(String proposalId);
}
