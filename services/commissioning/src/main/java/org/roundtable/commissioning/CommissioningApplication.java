package org.roundtable.commissioning;

import org.axonframework.modelling.command.Repository;
import org.roundtable.commissioning.domain.CaseProcedures;
import org.roundtable.commissioning.domain.DecisionCase;
import org.roundtable.commissioning.domain.Fund;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.time.Clock;

/** Funds, decision cases, panels, declarations of interest, votes and decisions. */
@SpringBootApplication
@EnableScheduling
public class CommissioningApplication {

    public static void main(String[] args) {
        SpringApplication.run(CommissioningApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    CaseProcedures caseProcedures(Repository<DecisionCase> decisionCaseRepository, Repository<Fund> fundRepository, Clock clock) {
        return new CaseProcedures(decisionCaseRepository, fundRepository, clock);
    }
}
