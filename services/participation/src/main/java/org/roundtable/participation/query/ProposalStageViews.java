package org.roundtable.participation.query;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ProposalStageViews extends JpaRepository<ProposalStageView, String> {
}
