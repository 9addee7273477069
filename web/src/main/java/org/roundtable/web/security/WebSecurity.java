package org.roundtable.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

import java.io.IOException;

/**
 * The gateway signs people in and relays their access token; these pages check it as the services do. Public pages
 * are open to visitors; every other page sends a visitor to sign in and then back. Forms carry this application's
 * CSRF token; a form posted after the session ended (no valid token) also goes through sign-in and back to its page.
 */
@Configuration(proxyBeanMethods = false)
class WebSecurity {

    /** The gateway's own login, which replaces a token the services no longer accept. */
    static final String GATEWAY_LOGIN = "/oauth2/authorization/roundtable";

    @Bean
    SecurityFilterChain pages(HttpSecurity http) throws Exception {
        AuthenticationEntryPoint signIn = WebSecurity::signIn;
        AccessDeniedHandler formExpired = (request, response, denied) -> redirect(response, LocalPaths.signInThenBackTo(
                LocalPaths.whereTheyWere(request)));
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, "/", "/proposals", "/proposals/*", "/register", "/register/*", "/assets/**", "/error",
                                "/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus").permitAll()
                        .requestMatchers(HttpMethod.POST, "/framing-check").permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer.jwt(jwt -> { }).authenticationEntryPoint(signIn))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(signIn).accessDeniedHandler(formExpired))
                // the resource server support exempts requests with a bearer token from CSRF checks; here the token is
                // the gateway relaying a browser session, which a forged cross-site form would ride just as well
                .csrf(csrf -> csrf.withObjectPostProcessor(new ObjectPostProcessor<CsrfFilter>() {
                    @Override
                    public <O extends CsrfFilter> O postProcess(O filter) {
                        filter.setRequireCsrfProtectionMatcher(CsrfFilter.DEFAULT_CSRF_MATCHER);
                        return filter;
                    }
                }))
                .requestCache(cache -> cache.disable())
                // the page a form was on is where a person goes back to after signing in again
                .headers(headers -> headers.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; form-action 'self'; "
                                + "frame-ancestors 'none'; base-uri 'self'")));
        return http.build();
    }

    /** The web application's own token, for what visitors without an account may read. */
    @Bean
    OAuth2AuthorizedClientManager publicReaderClients(ClientRegistrationRepository registrations, OAuth2AuthorizedClientService clients) {
        AuthorizedClientServiceOAuth2AuthorizedClientManager manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(
                registrations, clients);
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder().clientCredentials().build());
        return manager;
    }

    /**
     * A token that no longer passes (expired, or signed by a key since replaced) goes back through the gateway's login;
     * no token at all goes to the sign-in landing, which the gateway guards, and from there back to the page.
     */
    private static void signIn(HttpServletRequest request, HttpServletResponse response, Exception failure) throws IOException {
        // the landing itself is guarded by the gateway: reaching it without a token means the gateway's login is next
        boolean tokenRefused = request.getHeader(HttpHeaders.AUTHORIZATION) != null || request.getRequestURI().equals("/sign-in");
        redirect(response, tokenRefused ? GATEWAY_LOGIN : LocalPaths.signInThenBackTo(LocalPaths.whereTheyWere(request)));
    }

    private static void redirect(HttpServletResponse response, String location) throws IOException {
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader(HttpHeaders.LOCATION, location);
    }
}
