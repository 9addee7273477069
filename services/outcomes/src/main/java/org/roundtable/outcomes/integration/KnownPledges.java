package org.roundtable.outcomes.integration;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

interface KnownPledges extends JpaRepository<KnownPledge, String> {

    List<KnownPledge> findByProposalIdOrderByHeardAtAscPledgeIdAsc(String proposalId);
}
