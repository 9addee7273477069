package org.roundtable.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * @param issuer               the issuer named in tokens and discovery
 * @param dataDir              where the signing key is kept between restarts
 * @param gatewayRedirectUris  where the gateway may receive authorization codes
 * @param accessTokenTtl       how long an access token is valid
 */
@ConfigurationProperties("roundtable.identity")
public record IdentityProperties(String issuer, Path dataDir, List<String> gatewayRedirectUris, Duration accessTokenTtl) {
}
