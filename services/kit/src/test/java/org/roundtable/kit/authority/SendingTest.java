package org.roundtable.kit.authority;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.roundtable.events.Actor;
import org.roundtable.events.Role;
import org.roundtable.kit.actor.ActorMetadata;
import org.roundtable.kit.actor.Commands;
import org.roundtable.kit.actor.RequestActors;
import org.roundtable.kit.domain.NotPermitted;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.method.HandlerMethod;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The endpoint ({@link Sends}) and the kit's {@link Commands} read who may send a command from its one declaration: a
 * person acting in a role it leaves out is refused before anything is sent.
 */
class SendingTest {

    @Authority(roles = {Role.COMMISSIONER, Role.STAFF})
    record OpenFund(String fundId) {
    }

    static class FundEndpoints {
        @Sends(OpenFund.class)
        void open() {
        }

        void read() {
        }
    }

    private final RequestActors actors = new RequestActors();
    private final List<CommandMessage<?>> sent = new ArrayList<>();
    private final Commands commands = commandsRecordingWhatIsSent();

    @AfterEach
    void forget() {
        SignedInRequest.forget();
    }

    @Test
    void commandsSendsInTheFirstDeclaredRoleThePersonHolds() {
        request("dana", Set.of(Role.STAFF, Role.COMMISSIONER), null);

        commands.send(new OpenFund("fund-1"));

        assertThat(sent).singleElement().satisfies(command -> assertThat(ActorMetadata.actorOf(command.getMetaData()))
                .contains(new Actor("dana", Role.COMMISSIONER, "Dana")));
    }

    @Test
    void commandsSendsNothingForAPersonHoldingNoDeclaredRole() {
        request("hana", Set.of(Role.AUDITOR), null);

        assertThatThrownBy(() -> commands.send(new OpenFund("fund-1")))
                .isInstanceOf(NotPermitted.class)
                .hasMessage("this action is open to [COMMISSIONER, STAFF]; the token holds [AUDITOR]");
        assertThat(sent).isEmpty();
    }

    @Test
    void commandsSendsNothingForAPersonActingInARoleTheDeclarationLeavesOut() {
        request("cal", Set.of(Role.CITIZEN, Role.STAFF), "CITIZEN");

        assertThatThrownBy(() -> commands.send(new OpenFund("fund-1")))
                .isInstanceOf(NotPermitted.class)
                .hasMessage("this action is not open to the role CITIZEN; it is open to [COMMISSIONER, STAFF]");
        assertThat(sent).isEmpty();
    }

    @Test
    void anEndpointThatSendsTheCommandIsClosedToRolesItsDeclarationLeavesOut() throws Exception {
        SendsInterceptor interceptor = new SendsInterceptor(actors);
        MockHttpServletRequest request = request("pat", Set.of(Role.PROVIDER), null);
        HandlerMethod open = new HandlerMethod(new FundEndpoints(), FundEndpoints.class.getDeclaredMethod("open"));
        HandlerMethod read = new HandlerMethod(new FundEndpoints(), FundEndpoints.class.getDeclaredMethod("read"));

        assertThatThrownBy(() -> interceptor.preHandle(request, new MockHttpServletResponse(), open))
                .isInstanceOf(NotPermitted.class)
                .hasMessage("this action is open to [COMMISSIONER, STAFF]; the token holds [PROVIDER]");
        assertThat(interceptor.preHandle(request, new MockHttpServletResponse(), read)).isTrue();
    }

    @Test
    void anEndpointThatSendsTheCommandIsOpenToItsDeclaredRoles() throws Exception {
        SendsInterceptor interceptor = new SendsInterceptor(actors);
        MockHttpServletRequest request = request("sam", Set.of(Role.STAFF), null);
        HandlerMethod open = new HandlerMethod(new FundEndpoints(), FundEndpoints.class.getDeclaredMethod("open"));

        assertThat(interceptor.preHandle(request, new MockHttpServletResponse(), open)).isTrue();
    }

    private static MockHttpServletRequest request(String subject, Set<Role> roles, String actingRole) {
        return SignedInRequest.of(subject, roles, actingRole);
    }

    private Commands commandsRecordingWhatIsSent() {
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        bus.subscribe(OpenFund.class.getName(), command -> {
            sent.add(command);
            return null;
        });
        return new Commands(DefaultCommandGateway.builder().commandBus(bus).build(), actors);
    }
}
