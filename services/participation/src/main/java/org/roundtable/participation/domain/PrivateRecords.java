package org.roundtable.participation.domain;

/**
 * Where a profile's command keeps what its owner tells only the platform, in the command's own transaction: never an
 * event, so never published, and erasable.
 */
public interface PrivateRecords {

    void keep(String participantId, ParticipationCommands.ToldPrivately told);
}
