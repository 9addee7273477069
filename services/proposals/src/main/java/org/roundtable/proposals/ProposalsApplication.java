package org.roundtable.proposals;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Asset-based co-design proposals: drafted, co-designed, amended, submitted, decided. */
@SpringBootApplication
public class ProposalsApplication {

    public static void main(String[] args) {
        SpringApplication.run(ProposalsApplication.class, args);
    }
}
