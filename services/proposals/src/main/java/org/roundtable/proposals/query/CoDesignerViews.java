package org.roundtable.proposals.query;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;

public interface CoDesignerViews extends JpaRepository<CoDesignerView, Long> {

    List<CoDesignerView> findByProposalIdOrderById(String proposalId);

    Optional<CoDesignerView> findByProposalIdAndParticipantId(String proposalId, String participantId);
}
