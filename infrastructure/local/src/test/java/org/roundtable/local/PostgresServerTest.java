package org.roundtable.local;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PostgresServerTest {

    @Test
    void replacesTheDatabaseOfAUrlAndKeepsItsParameters() {
        assertThat(PostgresServer.withDatabase("jdbc:postgresql://localhost:5432/postgres?user=a&ssl=false", "kit"))
                .isEqualTo("jdbc:postgresql://localhost:5432/kit?user=a&ssl=false");
        assertThat(PostgresServer.withDatabase("jdbc:postgresql://db.example:5433/", "kit"))
                .isEqualTo("jdbc:postgresql://db.example:5433/kit");
        assertThat(PostgresServer.withDatabase("jdbc:postgresql://db.example:5433", "kit"))
                .isEqualTo("jdbc:postgresql://db.example:5433/kit");
        assertThat(PostgresServer.withDatabase("jdbc:postgresql://db.example?sslmode=require", "kit"))
                .isEqualTo("jdbc:postgresql://db.example/kit?sslmode=require");
        assertThat(PostgresServer.withDatabase("jdbc:postgresql:postgres", "kit")).isEqualTo("jdbc:postgresql:kit");
    }

    @Test
    void refusesAUrlOfAnotherDatabase() {
        assertThatThrownBy(() -> PostgresServer.withDatabase("jdbc:mysql://localhost/db", "kit"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
