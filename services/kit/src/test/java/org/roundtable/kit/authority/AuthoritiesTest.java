package org.roundtable.kit.authority;

import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.roundtable.events.Actor;
import org.roundtable.events.Role;
import org.roundtable.kit.actor.ActorMetadata;
import org.roundtable.kit.domain.NotPermitted;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The handler's guard: a command is handled only for an actor in a role its declaration opens it to. */
class AuthoritiesTest {

    @Authority(roles = {Role.CITIZEN, Role.STAFF}, relationship = "tend the plot")
    record WaterPlot(String plotId) {
    }

    record Undeclared(String plotId) {
    }

    @Test
    void theRolesAreThoseTheCommandDeclaresInItsOrder() {
        assertThat(Authorities.rolesOf(WaterPlot.class)).containsExactly(Role.CITIZEN, Role.STAFF);
        assertThat(Authorities.of(WaterPlot.class).relationship()).isEqualTo("tend the plot");
    }

    @Test
    void aCommandWithoutADeclarationIsAnErrorOfTheCodeNotARefusal() {
        assertThatThrownBy(() -> Authorities.rolesOf(Undeclared.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(Undeclared.class.getName() + " declares no @Authority: say who may send it");
    }

    @Test
    void anActorInADeclaredRoleIsTheActor() {
        Actor staff = new Actor("staff-1", Role.STAFF, "Sam Staff");

        assertThat(Authorities.actorOf(new WaterPlot("p-1"), as(staff))).isEqualTo(staff);
    }

    @Test
    void everyRoleTheDeclarationLeavesOutIsRefusedNamingIt() {
        for (Role role : List.of(Role.COMMISSIONER, Role.PROVIDER, Role.AUDITOR, Role.SYSTEM)) {
            assertThatThrownBy(() -> Authorities.actorOf(new WaterPlot("p-1"), as(new Actor("someone", role, "Someone"))))
                    .isInstanceOf(NotPermitted.class)
                    .hasMessage("this is open to [CITIZEN, STAFF], not to " + role);
        }
    }

    @Test
    void aCommandNamingNoActorIsRefused() {
        assertThatThrownBy(() -> Authorities.actorOf(new WaterPlot("p-1"), MetaData.emptyInstance()))
                .isInstanceOf(NotPermitted.class)
                .hasMessage("the command names no actor");
    }

    private static MetaData as(Actor actor) {
        return MetaData.from(ActorMetadata.of(actor, "correlation-1", null));
    }
}
