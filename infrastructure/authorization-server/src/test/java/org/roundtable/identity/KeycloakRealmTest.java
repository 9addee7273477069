package org.roundtable.identity;

import org.junit.jupiter.api.Test;
import org.roundtable.events.Role;
import org.roundtable.identity.DemoAccounts.DemoAccount;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** The Keycloak realm used under docker-compose offers exactly the demo accounts, roles and clients served locally. */
class KeycloakRealmTest {

    private static final JsonNode REALM = JsonMapper.builder().build()
            .readTree(Path.of("..", "keycloak", "roundtable-realm.json").toFile());

    @Test
    void isTheRoundtableRealmWithEveryRoleAPersonCanHold() {
        assertThat(REALM.get("realm").asString()).isEqualTo("roundtable");
        Set<String> roles = names(REALM.get("roles").get("realm"), "name");
        Set<String> personRoles = Arrays.stream(Role.values()).filter(role -> role != Role.SYSTEM).map(Enum::name)
                .collect(Collectors.toSet());
        assertThat(roles).isEqualTo(personRoles);
    }

    @Test
    void hasEveryDemoAccountWithTheSameSubjectNameRolesAndPasswordAndNoOtherUser() {
        List<JsonNode> users = list(REALM.get("users"));
        assertThat(names(REALM.get("users"), "username"))
                .isEqualTo(DemoAccounts.ALL.stream().map(DemoAccount::username).collect(Collectors.toSet()));
        for (DemoAccount account : DemoAccounts.ALL) {
            JsonNode user = users.stream().filter(candidate -> candidate.get("username").asString().equals(account.username()))
                    .findFirst().orElseThrow();
            assertThat(user.get("id").asString()).as("subject of " + account.username()).isEqualTo(account.username());
            assertThat(user.get("firstName").asString() + " " + user.get("lastName").asString())
                    .as("full name of " + account.username()).isEqualTo(account.name());
            assertThat(list(user.get("realmRoles")).stream().map(JsonNode::asString).map(Role::parse).collect(Collectors.toSet()))
                    .as("roles of " + account.username()).isEqualTo(account.roles());
            JsonNode credential = user.get("credentials").get(0);
            assertThat(credential.get("type").asString()).isEqualTo("password");
            assertThat(credential.get("value").asString()).isEqualTo(DemoAccounts.PASSWORD);
            assertThat(user.get("enabled").asBoolean()).isTrue();
        }
    }

    @Test
    void hasTheThreeClientsWithTheirFlowsAndPutsTheNameInAccessTokens() {
        assertThat(names(REALM.get("clients"), "clientId"))
                .containsExactlyInAnyOrder(DemoClients.GATEWAY, DemoClients.CLI, DemoClients.MACHINE);

        JsonNode gateway = client(DemoClients.GATEWAY);
        assertThat(gateway.get("publicClient").asBoolean()).isFalse();
        assertThat(gateway.get("secret").asString()).isEqualTo(DemoClients.GATEWAY_SECRET);
        assertThat(gateway.get("standardFlowEnabled").asBoolean()).isTrue();
        assertThat(gateway.get("attributes").get("pkce.code.challenge.method").asString()).isEqualTo("S256");
        assertThat(list(gateway.get("redirectUris")).stream().map(JsonNode::asString))
                .contains("http://127.0.0.1:8080/login/oauth2/code/roundtable");

        JsonNode cli = client(DemoClients.CLI);
        assertThat(cli.get("publicClient").asBoolean()).isTrue();
        assertThat(cli.get("attributes").get("pkce.code.challenge.method").asString()).isEqualTo("S256");
        assertThat(list(cli.get("redirectUris")).stream().map(JsonNode::asString)).containsExactly(DemoClients.CLI_REDIRECT_URI);

        JsonNode machine = client(DemoClients.MACHINE);
        assertThat(machine.get("serviceAccountsEnabled").asBoolean()).isTrue();
        assertThat(machine.get("standardFlowEnabled").asBoolean()).isFalse();
        assertThat(machine.get("secret").asString()).isEqualTo(DemoClients.MACHINE_SECRET);

        for (JsonNode client : list(REALM.get("clients"))) {
            assertThat(list(client.get("protocolMappers")))
                    .as("name mapper of " + client.get("clientId").asString())
                    .anySatisfy(mapper -> {
                        assertThat(mapper.get("protocolMapper").asString()).isEqualTo("oidc-full-name-mapper");
                        assertThat(mapper.get("config").get("access.token.claim").asString()).isEqualTo("true");
                    });
            assertThat(list(client.get("defaultClientScopes")).stream().map(JsonNode::asString)).contains("roles");
        }
    }

    private static JsonNode client(String clientId) {
        return list(REALM.get("clients")).stream().filter(client -> client.get("clientId").asString().equals(clientId))
                .findFirst().orElseThrow();
    }

    private static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    private static Set<String> names(JsonNode array, String field) {
        return list(array).stream().map(node -> node.get(field).asString()).collect(Collectors.toSet());
    }
}
