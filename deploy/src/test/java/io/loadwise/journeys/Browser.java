package io.loadwise.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.TimeoutError;
import io.loadwise.app.Mails;
import io.loadwise.testsupport.TestInfrastructure;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Headless Debian Chromium driven by Playwright. Playwright must not download a browser of its own
 * (the machine has no internet): we point it at {@code /usr/bin/chromium}, or {@code CHROMIUM_PATH}.
 */
final class Browser implements BeforeAllCallback, AfterAllCallback {

    private @Nullable Playwright playwright;
    private com.microsoft.playwright.@Nullable Browser browser;

    private Browser() {}

    /**
     * Chromium for one test class, registered on a static field with {@code @RegisterExtension}:
     * launched before the class's first test, closed after its last.
     */
    static Browser perTestClass() {
        return new Browser();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Path chromium = Path.of(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));
        if (!Files.isExecutable(chromium)) {
            throw new IllegalStateException("The browser journeys need Chromium at " + chromium
                    + ": apt-get install chromium (or set CHROMIUM_PATH)");
        }
        playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(chromium)
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-quic",
                                "--no-first-run",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync")));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    Page newPage() {
        if (browser == null) {
            throw new IllegalStateException("Register the Browser with @RegisterExtension on a static field");
        }
        BrowserContext context = browser.newContext(new NewContextOptions().setViewportSize(1280, 900));
        context.setDefaultTimeout(30_000);
        return context.newPage();
    }

    /** Keycloak's identity-first login (Organizations on): the username on one page, the password on the next. */
    static void logIn(Page page, String appUrl, String username, String password) {
        page.navigate(appUrl);
        page.locator("#username").fill(username);
        page.locator("#kc-login").click();
        page.locator("#password").fill(password);
        page.locator("#kc-login").click();
    }

    /** A fresh page, logged in as {@code username} from the app's front door ({@code appUrl} ends with "/"). */
    Page logIn(String appUrl, String username, String password) {
        Page page = newPage();
        logIn(page, appUrl, username, password);
        return page;
    }

    /**
     * Waits for the account mail to {@code email}, opens its set-password link in a fresh page and
     * sets {@code password}. The mail links to the configured public URL; the test's server listens
     * on a random port, so only the link's token is taken and opened on {@code appUrl}.
     */
    Page setPasswordFromMail(String appUrl, String email, String password) {
        List<MimeMessage> mails = await().atMost(Duration.ofSeconds(90))
                .until(() -> TestInfrastructure.mail().receivedFor(email), found -> !found.isEmpty());
        String token = Mails.accountLinkToken(mails.getLast());
        Page page = newPage();
        page.navigate(appUrl + "welcome/" + token);
        assertThat(page.locator("#welcome-email")).containsText(email);
        page.locator("#password input").fill(password);
        page.locator("#password-repeat input").fill(password);
        page.locator("#set-password").click();
        assertThat(page.locator("#welcome-done")).isVisible();
        return page;
    }

    /** Waits to land on a page; if the browser ends up elsewhere, says where and what it shows. */
    static void arriveAt(Page page, String url) {
        try {
            // Spring Security marks the request it resumes after login with "?continue".
            page.waitForURL(at -> at.equals(url) || at.startsWith(url + "?"));
        } catch (TimeoutError e) {
            Path screenshot = keepScreenshot(page, "unexpected-" + Integer.toHexString(url.hashCode()));
            String text = page.locator("body").innerText();
            throw new AssertionError(
                    "Expected to arrive at " + url + " but the browser is at " + page.url() + " (screenshot "
                            + screenshot.toAbsolutePath() + ") showing:\n"
                            + text.substring(0, Math.min(1500, text.length())),
                    e);
        }
    }

    /** What the user saw, kept beside the test reports for a human to look at. */
    static Path keepScreenshot(Page page, String name) {
        Path file = Path.of("target", "journeys", name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }
}
