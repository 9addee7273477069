package org.roundtable.identity;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.roundtable.identity.DemoAccounts.DemoAccount;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

import java.util.List;
import java.util.UUID;

/** Demo users, the three clients, a persistent signing key and tokens that carry name and roles. */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfiguration {

    /** The protocol endpoints: authorize, token, JWKS, discovery, OIDC. A browser without a session logs in first. */
    @Bean
    @Order(1)
    SecurityFilterChain protocolEndpoints(HttpSecurity http) throws Exception {
        OAuth2AuthorizationServerConfigurer authorizationServer = new OAuth2AuthorizationServerConfigurer();
        http.securityMatcher(authorizationServer.getEndpointsMatcher())
                .with(authorizationServer, server -> server.oidc(Customizer.withDefaults()))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
        return http.build();
    }

    /** Everything else: the login form, and open health for the local stack to wait on. */
    @Bean
    @Order(2)
    SecurityFilterChain loginForm(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/error").permitAll()
                        .anyRequest().authenticated())
                .formLogin(Customizer.withDefaults());
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService demoUsers(PasswordEncoder encoder) {
        String password = encoder.encode(DemoAccounts.PASSWORD);
        return new InMemoryUserDetailsManager(DemoAccounts.ALL.stream()
                .map(account -> User.withUsername(account.username()).password(password)
                        .roles(account.roles().stream().map(Enum::name).toArray(String[]::new)).build())
                .toList());
    }

    @Bean
    RegisteredClientRepository registeredClients(IdentityProperties properties, PasswordEncoder encoder) {
        TokenSettings tokens = TokenSettings.builder().accessTokenTimeToLive(properties.accessTokenTtl()).build();
        // first-party clients: the person already chose to use Roundtable, so no consent page
        ClientSettings browserClient = ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build();
        RegisteredClient gateway = RegisteredClient.withId(UUID.nameUUIDFromBytes(DemoClients.GATEWAY.getBytes()).toString())
                .clientId(DemoClients.GATEWAY).clientName("Roundtable gateway")
                .clientSecret(encoder.encode(DemoClients.GATEWAY_SECRET))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUris(uris -> uris.addAll(properties.gatewayRedirectUris()))
                .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE)
                .clientSettings(browserClient).tokenSettings(tokens).build();
        RegisteredClient cli = RegisteredClient.withId(UUID.nameUUIDFromBytes(DemoClients.CLI.getBytes()).toString())
                .clientId(DemoClients.CLI).clientName("Roundtable command line")
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(DemoClients.CLI_REDIRECT_URI)
                .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE)
                .clientSettings(browserClient).tokenSettings(tokens).build();
        RegisteredClient machine = RegisteredClient.withId(UUID.nameUUIDFromBytes(DemoClients.MACHINE.getBytes()).toString())
                .clientId(DemoClients.MACHINE).clientName("Roundtable machine client")
                .clientSecret(encoder.encode(DemoClients.MACHINE_SECRET))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .tokenSettings(tokens).build();
        return new InMemoryRegisteredClientRepository(gateway, cli, machine);
    }

    @Bean
    JWKSource<SecurityContext> signingKeys(IdentityProperties properties) {
        return new ImmutableJWKSet<>(new JWKSet(PersistentSigningKey.loadOrCreate(properties.dataDir())));
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(IdentityProperties properties) {
        return AuthorizationServerSettings.builder().issuer(properties.issuer()).build();
    }

    /**
     * Access and id tokens say who the bearer is and which Roundtable roles they hold; access tokens name Roundtable's
     * APIs as their audience. A machine client is granted no role.
     */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> nameAndRoles() {
        return context -> {
            boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
            boolean idToken = "id_token".equals(context.getTokenType().getValue());
            if (!accessToken && !idToken) {
                return;
            }
            if (accessToken) {
                // access tokens are for Roundtable's APIs, whichever client asked for them
                context.getClaims().audience(List.of(DemoClients.AUDIENCE));
            }
            DemoAccount account = DemoAccounts.find(context.getPrincipal().getName()).orElse(null);
            if (account != null) {
                context.getClaims().claim("name", account.name())
                        .claim("roles", account.roles().stream().map(Enum::name).sorted().toList());
            } else {
                context.getClaims().claim("name", context.getRegisteredClient().getClientName())
                        .claim("roles", List.of());
            }
        };
    }
}
