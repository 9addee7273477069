package org.roundtable.participation.privately;

import org.roundtable.participation.domain.ParticipationCommands.ToldPrivately;
import org.roundtable.participation.domain.PrivateRecords;
import org.springframework.stereotype.Component;

/** Private details in the service's own table, written in the transaction of the command that tells them. */
@Component
class JpaPrivateRecords implements PrivateRecords {

    private final PrivateDetailsRepository details;

    JpaPrivateRecords(PrivateDetailsRepository details) {
        this.details = details;
    }

    @Override
    public void keep(String participantId, ToldPrivately told) {
        details.save(new PrivateDetails(participantId, told.displayName(), told.contactEmail()));
    }
}
