package io.loadwise.journeys;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.TimeoutError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Headless Debian Chromium driven by Playwright. Playwright must not download a browser of its own
 * (the machine has no internet): we point it at {@code /usr/bin/chromium}, or {@code CHROMIUM_PATH}.
 */
final class Browser implements AutoCloseable {

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser browser;

    private Browser(Playwright playwright, com.microsoft.playwright.Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    static Browser launch() {
        Path chromium = Path.of(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));
        if (!Files.isExecutable(chromium)) {
            throw new IllegalStateException("The browser journeys need Chromium at " + chromium
                    + ": apt-get install chromium (or set CHROMIUM_PATH)");
        }
        Playwright playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        com.microsoft.playwright.Browser browser = playwright
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
        return new Browser(playwright, browser);
    }

    Page newPage() {
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

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
