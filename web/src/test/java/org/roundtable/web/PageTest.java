package org.roundtable.web;

import org.htmlunit.WebClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.roundtable.testsupport.TestTokens;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.ArrayList;
import java.util.List;

/**
 * The web application on a random port, reading and writing through a test HTTP server in place of the services
 * (see {@link ServicesStub}), and a browser without JavaScript: every page and form must work that way. A person is
 * signed in the way the gateway does it: their token in the {@code Authorization} header of every request.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class PageTest {

    protected static final ServicesStub services = ServicesStub.shared();
    protected static final TestTokens tokens = TestTokens.shared();

    @LocalServerPort
    protected int port;

    private final List<WebClient> browsers = new ArrayList<>();

    @DynamicPropertySource
    static void againstTheStub(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", tokens::issuer);
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", tokens::jwkSetUri);
        registry.add("spring.security.oauth2.client.provider.roundtable.token-uri", () -> services.url() + "/oauth2/token");
        for (String service : List.of("proposals", "participation", "commissioning", "outcomes", "audit")) {
            registry.add("roundtable.web.services." + service, services::url);
        }
        registry.add("roundtable.web.read-model-wait", () -> "600ms");
    }

    @BeforeEach
    void freshServices() {
        services.reset();
    }

    @AfterEach
    void closeBrowsers() {
        browsers.forEach(WebClient::close);
    }

    protected String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** A visitor: no token. */
    protected WebClient visitor() {
        WebClient browser = new WebClient();
        browser.getOptions().setJavaScriptEnabled(false);
        browser.getOptions().setCssEnabled(false);
        browser.getOptions().setThrowExceptionOnFailingStatusCode(false);
        browser.getOptions().setRedirectEnabled(true);
        // a page that refreshes itself is followed by hand in the tests that expect it
        browser.setRefreshHandler((page, url, seconds) -> { });
        browsers.add(browser);
        return browser;
    }

    /** Someone signed in through the gateway, which relays their token with every request. */
    protected WebClient signedIn(String subject, String name, String... roles) {
        WebClient browser = visitor();
        browser.addRequestHeader("Authorization", "Bearer " + tokens.mint(subject, name, roles));
        return browser;
    }

    /** The text of the element with this {@code data-testid}, which must be there. */
    protected static String testId(org.htmlunit.html.HtmlPage page, String id) {
        var element = page.querySelector("[data-testid='" + id + "']");
        org.assertj.core.api.Assertions.assertThat(element).as("an element with data-testid " + id + " on " + page.getUrl()).isNotNull();
        return element.asNormalizedText();
    }

    protected WebClient amara() {
        return signedIn("amara", "Amara Okafor", "CITIZEN");
    }
}
