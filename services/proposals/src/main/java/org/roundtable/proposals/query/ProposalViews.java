package org.roundtable.proposals.query;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface ProposalViews extends JpaRepository<ProposalView, String>, JpaSpecificationExecutor<ProposalView> {
}
