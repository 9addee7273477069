package org.roundtable.participation;

import org.roundtable.participation.domain.Pseudonyms;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** Citizen participation: profiles, endorsements, asset pledges and co-design workshops. */
@SpringBootApplication
public class ParticipationApplication {

    public static void main(String[] args) {
        SpringApplication.run(ParticipationApplication.class, args);
    }

    @Bean
    Pseudonyms pseudonyms(@Value("${roundtable.participation.pseudonym-key}") String key) {
        return new Pseudonyms(key);
    }
}
