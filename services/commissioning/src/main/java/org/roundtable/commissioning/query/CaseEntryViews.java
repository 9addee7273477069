package org.roundtable.commissioning.query;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

public interface CaseEntryViews extends JpaRepository<CaseEntryView, Long> {

    List<CaseEntryView> findByCaseIdOrderById(String caseId);
}
