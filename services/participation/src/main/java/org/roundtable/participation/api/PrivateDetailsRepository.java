package org.roundtable.participation.api;

import org.springframework.data.jpa.repository.JpaRepository;

public interface PrivateDetailsRepository extends JpaRepository<PrivateDetails, String> {
}
