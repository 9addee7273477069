package org.roundtable.kit.names;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.roundtable.events.participation.ProfileCorrected;
import org.roundtable.events.participation.ProfileRegistered;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The consent each participant last gave, as a service that is not participation hears it: a projection of
 * participation's {@link ProfileRegistered} and {@link ProfileCorrected} as the inbox keeps them in the service's own
 * event store, each overwriting what was kept, so a view that resolves names when it is read follows the consent as
 * it now stands. A reset of its processor ({@value #PROCESSING_GROUP}) forgets them and reads that history again.
 */
@ProcessingGroup(ProfileConsents.PROCESSING_GROUP)
public class ProfileConsents implements PublicNames.Consents {

    public static final String PROCESSING_GROUP = "profile-consents";
    static final String TABLE = "roundtable_profile_consents";

    private final JdbcTemplate jdbc;

    public ProfileConsents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void createTable() {
        jdbc.execute("create table if not exists " + TABLE + " (participant_id text primary key, "
                + "public_name text not null, named_publicly boolean not null)");
    }

    @ResetHandler
    void forgetAll() {
        jdbc.update("delete from " + TABLE);
    }

    @EventHandler
    void on(ProfileRegistered registered) {
        remember(registered.participantId(), registered.publicName(), registered.namedPublicly());
    }

    @EventHandler
    void on(ProfileCorrected corrected) {
        remember(corrected.participantId(), corrected.publicName(), corrected.namedPublicly());
    }

    @Override
    public Optional<String> consentedName(String participantId) {
        return jdbc.queryForList("select public_name from " + TABLE + " where participant_id = ? and named_publicly",
                String.class, participantId).stream().findFirst();
    }

    @Override
    public Map<String, String> consentedNames(Collection<String> participantIds) {
        Map<String, String> named = new HashMap<>();
        if (!participantIds.isEmpty()) {
            jdbc.query("select participant_id, public_name from " + TABLE + " where participant_id = any(?) and named_publicly",
                    row -> {
                        named.put(row.getString(1), row.getString(2));
                    }, (Object) participantIds.toArray(String[]::new));
        }
        return named;
    }

    private void remember(String participantId, String publicName, boolean namedPublicly) {
        jdbc.update("insert into " + TABLE + " (participant_id, public_name, named_publicly) values (?, ?, ?) "
                        + "on conflict (participant_id) do update set public_name = excluded.public_name, named_publicly = excluded.named_publicly",
                participantId, publicName == null ? "" : publicName, namedPublicly);
    }
}
