package org.roundtable.participation.query;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A participant's public profile: the name shown is their own only with consent. */
@Entity
@Table(name = "profile_view")
public class ProfileView {

    @Id
    @Column(length = 200)
    String participantId;
    /** The id that stands for them in public views while they do not consent to be named. */
    @Column(length = 40, unique = true)
    String pseudonymousId;
    @Column(nullable = false, length = 80)
    String publicName;
    boolean namedPublicly;
    @Column(nullable = false, length = 40)
    String roles;
    @Column(length = 80)
    String neighbourhood;
    @Column(columnDefinition = "text")
    String offers;
    Boolean livesLocally;
    Boolean usesServices;
    boolean contactable;
    Instant updatedAt;

    protected ProfileView() {
    }

    ProfileView(String participantId) {
        this.participantId = participantId;
    }

    public String getParticipantId() { return participantId; }
    public String getPseudonymousId() { return pseudonymousId; }
    public String getPublicName() { return publicName; }
    public boolean isNamedPublicly() { return namedPublicly; }
    public String getRoles() { return roles; }
    public String getNeighbourhood() { return neighbourhood; }
    public String getOffers() { return offers; }
    public Boolean getLivesLocally() { return livesLocally; }
    public Boolean getUsesServices() { return usesServices; }
    public boolean isContactable() { return contactable; }
    public Instant getUpdatedAt() { return updatedAt; }
}
