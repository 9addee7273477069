package org.roundtable.participation.query;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

public interface ProfileViews extends JpaRepository<ProfileView, String> {

    Optional<ProfileView> findByPseudonymousId(String pseudonymousId);

    List<ProfileView> findByParticipantIdIn(Collection<String> participantIds);
}
