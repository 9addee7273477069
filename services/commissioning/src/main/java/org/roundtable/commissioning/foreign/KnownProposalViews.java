package org.roundtable.commissioning.foreign;

import org.springframework.data.jpa.repository.JpaRepository;

public interface KnownProposalViews extends JpaRepository<KnownProposalView, String> {
}
