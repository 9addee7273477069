package org.roundtable.commissioning.query;

import org.springframework.data.jpa.repository.JpaRepository;

public interface CaseViews extends JpaRepository<CaseView, String> {


    java.util.List<CaseView> findByStatusOrderByOpenedAtDesc(String status);

    java.util.List<CaseView> findAllByOrderByOpenedAtDesc();
}
