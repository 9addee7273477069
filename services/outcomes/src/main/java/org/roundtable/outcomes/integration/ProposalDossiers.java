package org.roundtable.outcomes.integration;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import java.util.Optional;

interface ProposalDossiers extends JpaRepository<ProposalDossier, String> {

    @Modifying
    @Query(value = "insert into outcomes_proposal_dossier (proposal_id) values (:proposalId) on conflict do nothing", nativeQuery = true)
    void open(String proposalId);

    /** The dossier, locked until the transaction ends, so events about one proposal are applied one after another. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select d from ProposalDossier d where d.proposalId = :proposalId")
    Optional<ProposalDossier> lock(String proposalId);
}
