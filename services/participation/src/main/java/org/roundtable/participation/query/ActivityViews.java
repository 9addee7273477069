package org.roundtable.participation.query;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

public interface ActivityViews extends JpaRepository<ActivityView, String> {

    List<ActivityView> findByProposalIdOrderByAt(String proposalId);

    List<ActivityView> findByParticipantIdOrderByAt(String participantId);
}
