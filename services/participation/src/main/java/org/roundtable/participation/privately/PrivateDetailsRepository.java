package org.roundtable.participation.privately;

import org.springframework.data.jpa.repository.JpaRepository;

public interface PrivateDetailsRepository extends JpaRepository<PrivateDetails, String> {
}
