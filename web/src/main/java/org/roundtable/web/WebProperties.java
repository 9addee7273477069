package org.roundtable.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.Map;

/**
 * @param services        each service's base URL, by name (proposals, participation, commissioning, outcomes, audit)
 * @param readModelWait   how long a page waits, after a command, for the read side to show its effect before it says
 *                        "being recorded" and refreshes itself instead
 * @param apiTimeout      how long one call to a service may take
 */
@ConfigurationProperties("roundtable.web")
public record WebProperties(Map<String, String> services, Duration readModelWait, Duration apiTimeout) {

    public String service(String name) {
        String url = services.get(name);
        if (url == null) {
            throw new IllegalStateException("no URL configured for the service " + name + " (roundtable.web.services." + name + ")");
        }
        return url;
    }
}
