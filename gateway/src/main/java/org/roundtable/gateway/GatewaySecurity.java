package org.roundtable.gateway;

import org.roundtable.events.Role;
import org.roundtable.events.TokenRoles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.logout.RedirectServerLogoutSuccessHandler;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.savedrequest.CookieServerRequestCache;
import org.springframework.security.web.server.util.matcher.MediaTypeServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Bearer JWTs (the services' API clients) and browser sessions (OAuth2 login with PKCE, whose access token the
 * TokenRelay filter forwards) both reach the APIs. The gateway only checks that a caller is authenticated; which role
 * may do what is the services' business, and their refusals are relayed unchanged. An anonymous browser gets no
 * session: the page it asked for before signing in is kept in a short-lived cookie, and the session begins with the
 * sign-in itself.
 */
@Configuration(proxyBeanMethods = false)
class GatewaySecurity {

    static final String REGISTRATION = "roundtable";

    private static final String[] OPEN_PATHS = {
            "/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus",
            "/swagger-ui.html", "/swagger-ui/**", "/webjars/**", "/v3/api-docs/**", "/api-docs/**", "/error"};

    /** The APIs: a bearer token or a signed-in session. */
    private static final String[] API_PATHS = {"/api", "/api/**"};

    /** The web application's landing after login: guarded here, so that a visitor signs in and comes back to it. */
    static final String SIGN_IN = "/sign-in";

    /** Read by anyone without logging in: the audit ledger's log (checkpoints, proofs, leaf hashes, its key) and the public decision register. */
    static final String[] PUBLIC_READS = {"/api/audit/log/**", "/api/audit/register"};

    @Bean
    SecurityWebFilterChain gatewayFilterChain(ServerHttpSecurity http, ReactiveClientRegistrationRepository registrations) {
        DefaultServerOAuth2AuthorizationRequestResolver pkce = new DefaultServerOAuth2AuthorizationRequestResolver(registrations);
        pkce.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());

        MediaTypeServerWebExchangeMatcher browser = new MediaTypeServerWebExchangeMatcher(MediaType.TEXT_HTML);
        browser.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        ServerAuthenticationEntryPoint bearer = GatewaySecurity::unauthorized;
        CookieServerRequestCache wishedFor = new CookieServerRequestCache();
        RedirectServerAuthenticationEntryPoint signIn = new RedirectServerAuthenticationEntryPoint("/oauth2/authorization/" + REGISTRATION);
        signIn.setRequestCache(wishedFor);
        DelegatingServerAuthenticationEntryPoint entryPoint = new DelegatingServerAuthenticationEntryPoint(
                new DelegatingServerAuthenticationEntryPoint.DelegateEntry(browser, signIn));
        entryPoint.setDefaultEntryPoint(bearer);

        CookieServerCsrfTokenRepository csrfTokens = CookieServerCsrfTokenRepository.withHttpOnlyFalse();
        return http
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(OPEN_PATHS).permitAll()
                        .pathMatchers(HttpMethod.GET, PUBLIC_READS).permitAll()
                        .pathMatchers(API_PATHS).authenticated()
                        .pathMatchers(SIGN_IN).authenticated()
                        // the web application's pages: public ones for visitors, the rest send them to sign in themselves
                        .anyExchange().permitAll())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(jwtToken -> Mono.just(
                                new JwtAuthenticationToken(jwtToken, authorities(TokenRoles.grantedBy(jwtToken.getClaims())),
                                        jwtToken.getSubject()))))
                        .authenticationEntryPoint(bearer))
                .oauth2Login(login -> login.authorizationRequestResolver(pkce))
                .logout(logout -> logout.logoutSuccessHandler(signedOut()))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(entryPoint))
                .requestCache(cache -> cache.requestCache(wishedFor))
                // a bearer token cannot be sent by a forged cross-site form; a session cookie can
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens)
                        // the web UI copies the cookie into X-XSRF-TOKEN as it is
                        .csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(GatewaySecurity::sessionWrite))
                .cors(cors -> { })
                .build();
    }

    /** The CSRF token is only issued (as the XSRF-TOKEN cookie) when something asks for it: ask on every request. */
    @Bean
    WebFilter csrfCookie() {
        return (exchange, chain) -> {
            Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
            return token == null ? chain.filter(exchange) : token.then(chain.filter(exchange));
        };
    }

    /** Only the web UI's origin may call the APIs from a browser page. */
    @Bean
    CorsConfigurationSource corsConfigurationSource(GatewayProperties properties) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(List.of(properties.webOrigin()));
        cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
        cors.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, "X-Acting-Role",
                "X-Correlation-Id", "X-XSRF-TOKEN"));
        cors.setExposedHeaders(List.of(HttpHeaders.LOCATION, HttpHeaders.RETRY_AFTER, "X-Correlation-Id",
                PerUserRateLimiter.REMAINING));
        cors.setAllowCredentials(true);
        cors.setMaxAge(Duration.ofHours(1));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        // only the APIs: the web application's pages are the gateway's own origin, and a browser posts their forms with
        // "Origin: null" when the page's referrer policy withholds it
        source.registerCorsConfiguration("/api/**", cors);
        return source;
    }

    private static Collection<GrantedAuthority> authorities(Set<Role> roles) {
        return roles.stream().map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role.name())).toList();
    }

    private static RedirectServerLogoutSuccessHandler signedOut() {
        RedirectServerLogoutSuccessHandler home = new RedirectServerLogoutSuccessHandler();
        home.setLogoutSuccessUrl(URI.create("/"));
        return home;
    }

    /**
     * Writes to the APIs from a session, and signing out, need the gateway's CSRF token. The web application's forms
     * carry its own token, checked there: reading a form body here would leave nothing to forward.
     */
    private static Mono<ServerWebExchangeMatcher.MatchResult> sessionWrite(ServerWebExchange exchange) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (!path.equals("/api") && !path.startsWith("/api/") && !path.equals("/logout")) {
            return ServerWebExchangeMatcher.MatchResult.notMatch();
        }
        HttpMethod method = exchange.getRequest().getMethod();
        boolean safe = method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS
                || method == HttpMethod.TRACE;
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        boolean bearer = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
        return safe || bearer ? ServerWebExchangeMatcher.MatchResult.notMatch() : ServerWebExchangeMatcher.MatchResult.match();
    }

    /** 401 as RFC 9457 problem+json, with the bearer challenge. */
    private static Mono<Void> unauthorized(ServerWebExchange exchange, AuthenticationException failure) {
        var response = exchange.getResponse();
        response.setStatusCode(HttpStatus.UNAUTHORIZED);
        boolean tokenPresented = exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION);
        response.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE,
                tokenPresented ? "Bearer error=\"invalid_token\"" : "Bearer");
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        String detail = tokenPresented ? "the bearer token is not valid" : "a valid bearer token is required";
        String body = "{\"type\":\"about:blank\",\"title\":\"Authentication required\",\"status\":401,\"detail\":\""
                + detail + "\",\"instance\":\"" + exchange.getRequest().getPath().value().replace("\"", "%22") + "\"}";
        DataBuffer buffer = response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8));
        return response.writeWith(Mono.just(buffer));
    }
}
