package org.roundtable.kit.names;

import org.roundtable.kit.inbox.Inbox;
import org.roundtable.kit.inbox.InboxConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Pseudonyms from {@code roundtable.pseudonym-key} (the same secret in every service, so that a person has one
 * pseudonym everywhere), the consent each participant last gave where the service hears participation through its
 * inbox ({@link ProfileConsents}, rebuilt from the inbox's history; a service that keeps profiles itself provides its
 * own {@link PublicNames.Consents}), and {@link PublicNames} over them.
 */
@AutoConfiguration(after = InboxConfiguration.class,
        afterName = "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration")
public class NamesConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Pseudonyms pseudonyms(@Value("${roundtable.pseudonym-key}") String key) {
        return new Pseudonyms(key);
    }

    @Bean
    @ConditionalOnBean({Inbox.class, JdbcTemplate.class})
    @ConditionalOnMissingBean(PublicNames.Consents.class)
    ProfileConsents profileConsents(JdbcTemplate jdbc) {
        ProfileConsents consents = new ProfileConsents(jdbc);
        consents.createTable();
        return consents;
    }

    @Bean
    @ConditionalOnBean(PublicNames.Consents.class)
    @ConditionalOnMissingBean
    PublicNames publicNames(PublicNames.Consents consents, Pseudonyms pseudonyms) {
        return new PublicNames(consents, pseudonyms);
    }
}
