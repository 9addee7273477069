package org.roundtable.participation.privately;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * What a person tells only the platform: their own name when they did not consent to be named, and how to contact
 * them. Kept outside the event store on purpose, so it is never published and can be erased; shown only to its owner.
 */
@Entity
@Table(name = "participant_private_details")
public class PrivateDetails {

    @Id
    @Column(length = 200)
    private String participantId;
    @Column(nullable = false, length = 80)
    private String displayName;
    @Column(length = 254)
    private String contactEmail;

    protected PrivateDetails() {
    }

    public PrivateDetails(String participantId, String displayName, String contactEmail) {
        this.participantId = participantId;
        this.displayName = displayName;
        this.contactEmail = contactEmail;
    }

    public String getParticipantId() { return participantId; }
    public String getDisplayName() { return displayName; }
    public String getContactEmail() { return contactEmail; }
}
