package org.roundtable.identity;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import org.roundtable.events.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Benchmark mode, off unless {@code roundtable.identity.benchmark-users=true} ({@code ROUNDTABLE_BENCHMARK_USERS}):
 * mints access tokens for synthetic citizens ({@code benchmark-citizen-00001}, ...), signed with the server's own key and
 * carrying the claims a login would give, so that a load test can act as thousands of distinct people without logging
 * each one in. Local use only: the server refuses to start in this mode unless it listens on a loopback address only
 * and names a loopback issuer, and it mints only for callers on loopback.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "roundtable.identity.benchmark-users", havingValue = "true")
class BenchmarkUsers {

    static final String PATH = "/benchmark/tokens";
    static final int MOST_AT_ONCE = 10_000;

    BenchmarkUsers(IdentityProperties properties, @Value("${server.address:}") String bindAddress) {
        requireLocalOnly(properties.issuer(), bindAddress);
    }

    /** Refuses benchmark mode on a server others could reach: it must listen on loopback only and say so in its issuer. */
    static void requireLocalOnly(String issuer, String bindAddress) {
        if (bindAddress == null || bindAddress.isBlank() || !isLoopback(bindAddress)) {
            throw new IllegalStateException("benchmark mode mints tokens for anyone who asks, so it runs only on a server listening on "
                    + "loopback: set server.address (SERVER_ADDRESS) to 127.0.0.1, not '" + (bindAddress == null ? "" : bindAddress) + "'");
        }
        String host = URI.create(issuer).getHost();
        if (host == null || !isLoopback(host)) {
            throw new IllegalStateException("benchmark mode runs only for a local issuer (127.0.0.1, localhost or ::1), not " + issuer);
        }
    }

    private static boolean isLoopback(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (bare.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!bare.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            return false; // a name other than localhost would need a lookup, and could point anywhere
        }
        try {
            return InetAddress.getByName(bare).isLoopbackAddress();
        } catch (UnknownHostException unreadable) {
            return false;
        }
    }

    /** The minting path alone, before the login form's chain: no session, no CSRF (nothing here trusts a cookie). */
    @Bean
    @Order(0)
    SecurityFilterChain benchmarkTokens(HttpSecurity http) throws Exception {
        http.securityMatcher(PATH)
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(
                        org.springframework.security.config.http.SessionCreationPolicy.STATELESS));
        return http.build();
    }

    @RestController
    @ConditionalOnProperty(name = "roundtable.identity.benchmark-users", havingValue = "true")
    static class Minting {

        private final IdentityProperties properties;
        private final NimbusJwtEncoder encoder;

        Minting(IdentityProperties properties, JWKSource<SecurityContext> keys) {
            this.properties = properties;
            this.encoder = new NimbusJwtEncoder(keys);
        }

        /**
         * {@code count} citizens' tokens, for {@code benchmark-citizen-<first>} onwards, each with subject, name, the
         * citizen role, the Roundtable audience and the usual lifetime: {@code {"tokens":[{"subject","accessToken"}]}}.
         * Only citizens: nobody holds an office through benchmark mode.
         */
        @PostMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
        ResponseEntity<?> mint(HttpServletRequest request, @RequestParam(defaultValue = "1") int count,
                               @RequestParam(defaultValue = "1") int first) {
            if (!isLoopback(request.getRemoteAddr())) {
                return problem(HttpStatus.FORBIDDEN, "remoteAddress", "benchmark tokens are minted for loopback callers only");
            }
            if (count < 1 || count > MOST_AT_ONCE) {
                return problem(HttpStatus.BAD_REQUEST, "count", "count is between 1 and " + MOST_AT_ONCE + ", not " + count);
            }
            if (first < 1 || first > Integer.MAX_VALUE - count) {
                return problem(HttpStatus.BAD_REQUEST, "first", "first is a positive number, not " + first);
            }
            Instant now = Instant.now();
            List<Map<String, String>> tokens = new ArrayList<>(count);
            for (int n = first; n < first + count; n++) {
                String subject = String.format(Locale.ROOT, "benchmark-citizen-%05d", n);
                JwtClaimsSet claims = JwtClaimsSet.builder()
                        .issuer(properties.issuer())
                        .subject(subject)
                        .audience(List.of(DemoClients.AUDIENCE))
                        .issuedAt(now).notBefore(now).expiresAt(now.plus(properties.accessTokenTtl()))
                        .id(UUID.randomUUID().toString())
                        .claim("scope", List.of("openid", "profile"))
                        .claim("name", "Benchmark citizen " + n)
                        .claim("roles", List.of(Role.CITIZEN.name()))
                        .build();
                String token = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims)).getTokenValue();
                tokens.add(Map.of("subject", subject, "accessToken", token));
            }
            return ResponseEntity.ok(Map.of("tokens", tokens));
        }

        private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String field, String detail) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
            problem.setProperty("field", field);
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
    }
}
