package org.roundtable.platform;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One person's own browser: a real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}) with a
 * fresh profile, driven through the gateway. Every page it is asked to check is run through axe-core for WCAG 2.2 AA
 * and may be saved as a screenshot.
 */
final class Browser implements AutoCloseable {

    static final List<String> WCAG_22_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");
    private static final Set<String> BLOCKING = Set.of("serious", "critical");
    private static final Duration WAIT = Duration.ofSeconds(90);
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;
    private final WebDriverWait wait;
    private final String gateway;
    private final Path profile;
    /** Every page checked, with what axe found serious or critical there. */
    final List<String> violations = new ArrayList<>();

    Browser(String gateway) {
        this.gateway = gateway;
        try {
            profile = Files.createTempDirectory("roundtable-chromium");
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("roundtable.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--window-size=1280,1500", "--lang=en-GB", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("roundtable.chromedriver", "/usr/bin/chromedriver")))
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(WAIT);
        wait = new WebDriverWait(driver, WAIT, Duration.ofMillis(200));
    }

    Browser open(String path) {
        driver.get(gateway + path);
        return this;
    }

    /** Signs in on the authorization server's form, from wherever the gateway sent this browser. */
    Browser logIn(String username) {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.name("username"))).sendKeys(username);
        driver.findElement(By.name("password")).sendKeys("roundtable");
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains(gateway));
        return this;
    }

    WebElement find(String css) {
        try {
            return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
        } catch (org.openqa.selenium.TimeoutException failure) {
            until("an element " + css, driver -> !driver.findElements(By.cssSelector(css)).isEmpty()
                    && driver.findElement(By.cssSelector(css)).isDisplayed());
            return driver.findElement(By.cssSelector(css));
        }
    }

    /** The element's text; htmx may swap the element between finding and reading it, so a replaced one is found again. */
    String text(String css) {
        for (int attempt = 1; ; attempt++) {
            try {
                return find(css).getText();
            } catch (org.openqa.selenium.StaleElementReferenceException replaced) {
                if (attempt == 5) {
                    throw replaced;
                }
            }
        }
    }

    Browser type(String css, String text) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(text);
        return this;
    }

    Browser choose(String css, String value) {
        new Select(find(css)).selectByValue(value);
        return this;
    }

    /** A {@code datetime-local} field, whose typing rules depend on the browser's locale: its value is set directly. */
    Browser setValue(String css, String value) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", find(css), value);
        return this;
    }

    Browser click(String css) {
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
        return this;
    }

    Browser clickLink(String text) {
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText(text))).click();
        return this;
    }

    Browser clickButton(String text) {
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space()='" + text + "']"))).click();
        return this;
    }

    /** Waits until the page's main content says {@code text} (pages that are still recording refresh themselves). */
    Browser waitForText(String text) {
        return until("the page to say \"" + text + "\"", driver -> {
            try {
                return driver.findElement(By.id("main-content")).getText().contains(text);
            } catch (org.openqa.selenium.NoSuchElementException | org.openqa.selenium.StaleElementReferenceException notYet) {
                return false;
            }
        });
    }

    Browser waitForPath(String path) {
        return until("the path " + path, driver -> java.net.URI.create(driver.getCurrentUrl()).getPath().equals(path));
    }

    /** A checkbox or radio button as a person ticks it: GOV.UK Frontend draws it over the input, on its label. */
    Browser tick(String id) {
        WebElement input = wait.until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
        if (!input.isSelected()) {
            click("label[for='" + id + "']");
        }
        return this;
    }

    /** On failure, what the page showed goes beside the screenshots, and into the message. */
    private Browser until(String what, java.util.function.Function<org.openqa.selenium.WebDriver, Boolean> condition) {
        try {
            wait.until(condition);
            return this;
        } catch (org.openqa.selenium.TimeoutException failure) {
            String name = "failed-" + System.currentTimeMillis();
            try {
                Files.createDirectories(SCREENSHOTS);
                Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
                Files.writeString(SCREENSHOTS.resolve(name + ".html"), driver.getPageSource());
            } catch (IOException | RuntimeException unsaved) {
                // the message below still says what the page showed
            }
            throw new AssertionError("waited " + WAIT.toSeconds() + " s for " + what + " at " + driver.getCurrentUrl() + " (" + name
                    + "); the page said:\n" + pageText(), failure);
        }
    }

    boolean present(String css) {
        return !driver.findElements(By.cssSelector(css)).isEmpty();
    }

    String path() {
        return java.net.URI.create(driver.getCurrentUrl()).getPath();
    }

    String url() {
        return driver.getCurrentUrl();
    }

    String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** axe-core on the page as it is now (WCAG 2.2 AA); a screenshot too when {@code screenshot} names one. */
    Browser check(String name) {
        Results results = new AxeBuilder().withTags(WCAG_22_AA).analyze(driver);
        List<Rule> blocking = results.getViolations().stream().filter(rule -> BLOCKING.contains(rule.getImpact())).toList();
        blocking.forEach(rule -> violations.add(name + " (" + path() + "): " + rule.getId() + " [" + rule.getImpact() + "] "
                + rule.getHelp() + " at " + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget()))
                .collect(Collectors.joining(", "))));
        try {
            Files.createDirectories(SCREENSHOTS);
            ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0);");
            Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        return this;
    }

    @Override
    public void close() {
        driver.quit();
        try (var paths = Files.walk(profile)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException leftBehind) {
            // a temporary profile: the system cleans it up if this could not
        }
    }
}
