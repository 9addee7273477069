package org.roundtable.kit.authority;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.roundtable.events.Role;
import org.roundtable.kit.actor.RequestActors;
import org.roundtable.kit.domain.NotPermitted;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.method.HandlerMethod;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An endpoint {@link OpenTo} some roles, by its own declaration or its controller's, is refused to every other caller. */
class OpenToTest {

    @OpenTo(Role.AUDITOR)
    static class LedgerEndpoints {
        void entries() {
        }

        @OpenTo({Role.AUDITOR, Role.STAFF})
        void heads() {
        }
    }

    static class PublicEndpoints {
        void register() {
        }
    }

    private final OpenToInterceptor interceptor = new OpenToInterceptor(new RequestActors());

    @AfterEach
    void forget() {
        SignedInRequest.forget();
    }

    @Test
    void anEndpointTakesItsControllersDeclarationUnlessItDeclaresItsOwn() throws Exception {
        assertThat(OpenToInterceptor.rolesOf(endpoint(LedgerEndpoints.class, "entries"))).contains(List.of(Role.AUDITOR));
        assertThat(OpenToInterceptor.rolesOf(endpoint(LedgerEndpoints.class, "heads"))).contains(List.of(Role.AUDITOR, Role.STAFF));
        assertThat(OpenToInterceptor.rolesOf(endpoint(PublicEndpoints.class, "register"))).isEqualTo(Optional.empty());
    }

    @Test
    void aCallerHoldingNoneOfTheRolesIsRefusedNamingThemAndTheRolesHeld() throws Exception {
        assertRefusedAtTheLedger(SignedInRequest.of("cal", Set.of(Role.CITIZEN), null), "this action is open to [AUDITOR]; the token holds [CITIZEN]");
    }

    @Test
    void aCallerActingInAnotherRoleTheyHoldIsRefused() throws Exception {
        assertRefusedAtTheLedger(SignedInRequest.of("hana", Set.of(Role.CITIZEN, Role.AUDITOR), "CITIZEN"),
                "this action is not open to the role CITIZEN; it is open to [AUDITOR]");
    }

    @Test
    void aCallerInADeclaredRoleIsLetThroughAndAnUndeclaredEndpointIsLeftToItsOwnRules() throws Exception {
        MockHttpServletRequest auditor = SignedInRequest.of("hana", Set.of(Role.CITIZEN, Role.AUDITOR), "AUDITOR");
        assertThat(interceptor.preHandle(auditor, new MockHttpServletResponse(), endpoint(LedgerEndpoints.class, "entries"))).isTrue();

        MockHttpServletRequest staff = SignedInRequest.of("sam", Set.of(Role.STAFF), null);
        assertThat(interceptor.preHandle(staff, new MockHttpServletResponse(), endpoint(LedgerEndpoints.class, "heads"))).isTrue();
        assertThat(interceptor.preHandle(staff, new MockHttpServletResponse(), endpoint(PublicEndpoints.class, "register"))).isTrue();
    }

    private void assertRefusedAtTheLedger(MockHttpServletRequest request, String reason) {
        assertThatThrownBy(() -> interceptor.preHandle(request, new MockHttpServletResponse(), endpoint(LedgerEndpoints.class, "entries")))
                .isInstanceOf(NotPermitted.class)
                .hasMessage(reason);
    }

    private static HandlerMethod endpoint(Class<?> controller, String method) throws Exception {
        return new HandlerMethod(controller.getDeclaredConstructor().newInstance(), controller.getDeclaredMethod(method));
    }
}
