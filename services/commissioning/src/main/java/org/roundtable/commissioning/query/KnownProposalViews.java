package org.roundtable.commissioning.query;

import org.springframework.data.jpa.repository.JpaRepository;

public interface KnownProposalViews extends JpaRepository<KnownProposalView, String> {
}
