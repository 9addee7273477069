package org.roundtable.proposals.query;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;

public interface RevisionViews extends JpaRepository<RevisionView, Long> {

    List<RevisionView> findByProposalIdOrderByRevision(String proposalId);

    Optional<RevisionView> findByProposalIdAndRevision(String proposalId, int revision);
}
