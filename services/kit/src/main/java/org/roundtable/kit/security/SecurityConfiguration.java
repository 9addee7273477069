package org.roundtable.kit.security;

import org.roundtable.events.Role;
import org.roundtable.kit.web.ProblemResponses;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.PropertySource;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;

import java.util.Arrays;

/**
 * Every service is a JWT resource server: the issuer comes from
 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} (and {@code jwk-set-uri}), roles from the token, and
 * a token must name the audience {@value #AUDIENCE} (unless {@code spring.security.oauth2.resourceserver.jwt.audiences}
 * says otherwise): one issued for anything else is refused.
 * Health, metrics and API documentation are open, and so are the paths a service lists in
 * {@code roundtable.security.public-paths} (what anyone may read or submit) and the GETs it lists in
 * {@code roundtable.security.public-reads} (what the public pages show). Everything else needs a valid token that grants
 * a Roundtable role: a machine client is given none, so its token opens only what is open to everyone. Refusals are
 * problem+json.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableMethodSecurity
@PropertySource("classpath:roundtable-kit-security.properties")
public class SecurityConfiguration {

    /** The audience every access token for Roundtable's APIs names. */
    public static final String AUDIENCE = "roundtable";

    static final String[] OPEN_PATHS = {
            "/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus",
            "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/error"};

    /** The roles a person may hold: a token must grant one of them to open anything that is not public. */
    static final String[] PERSON_ROLES = Arrays.stream(Role.values()).filter(role -> role != Role.SYSTEM).map(Role::name)
            .toArray(String[]::new);

    @Bean
    @ConditionalOnMissingBean
    RoundtableJwtConverter roundtableJwtConverter() {
        return new RoundtableJwtConverter();
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain roundtableSecurityFilterChain(HttpSecurity http, RoundtableJwtConverter converter,
                                                      ProblemResponses problems,
                                                      @Value("${roundtable.security.public-paths:}") String[] publicPaths,
                                                      @Value("${roundtable.security.public-reads:}") String[] publicReads)
            throws Exception {
        BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers(OPEN_PATHS).permitAll();
                    if (publicPaths.length > 0) {
                        requests.requestMatchers(publicPaths).permitAll();
                    }
                    if (publicReads.length > 0) {
                        requests.requestMatchers(HttpMethod.GET, publicReads).permitAll();
                    }
                    requests.anyRequest().hasAnyRole(PERSON_ROLES);
                })
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(converter))
                        .authenticationEntryPoint((request, response, failure) -> {
                            bearer.commence(request, response, failure);
                            problems.write(request, response, HttpStatus.UNAUTHORIZED,
                                    "Authentication required", "a valid bearer token is required: " + failure.getMessage());
                        })
                        .accessDeniedHandler((request, response, denied) -> problems.write(request, response,
                                HttpStatus.FORBIDDEN, "Not permitted", denied.getMessage())))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint((request, response, failure) -> {
                            bearer.commence(request, response, failure);
                            problems.write(request, response, HttpStatus.UNAUTHORIZED,
                                    "Authentication required", "a valid bearer token is required");
                        })
                        .accessDeniedHandler((request, response, denied) -> problems.write(request, response,
                                HttpStatus.FORBIDDEN, "Not permitted", denied.getMessage())));
        return http.build();
    }
}
