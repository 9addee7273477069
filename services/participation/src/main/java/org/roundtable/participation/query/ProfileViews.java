package org.roundtable.participation.query;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Collection;
import java.util.List;

public interface ProfileViews extends JpaRepository<ProfileView, String> {

    List<ProfileView> findByParticipantIdIn(Collection<String> participantIds);
}
