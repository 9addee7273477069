package org.roundtable.participation.query;

import org.roundtable.kit.names.PublicNames;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Participation keeps the profiles itself: the consent each participant last gave is their profile view's. */
@Component
class ConsentedNames implements PublicNames.Consents {

    private final ProfileViews profiles;

    ConsentedNames(ProfileViews profiles) {
        this.profiles = profiles;
    }

    @Override
    public Optional<String> consentedName(String participantId) {
        return profiles.findById(participantId).filter(ProfileView::isNamedPublicly).map(ProfileView::getPublicName);
    }
}
