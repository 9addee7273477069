package org.roundtable.participation;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Citizen participation: profiles, endorsements, asset pledges and co-design workshops. */
@SpringBootApplication
public class ParticipationApplication {

    public static void main(String[] args) {
        SpringApplication.run(ParticipationApplication.class, args);
    }
}
