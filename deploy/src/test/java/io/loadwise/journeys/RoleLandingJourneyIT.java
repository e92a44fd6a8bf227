package io.loadwise.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.TimeoutError;
import com.microsoft.playwright.options.AriaRole;
import io.loadwise.local.DemoData;
import io.loadwise.testsupport.IntegrationTest;
import io.loadwise.testsupport.TestInfrastructure;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The smoke journeys in a real browser: the whole application on real PostgreSQL, Kafka and
 * Keycloak, logged in through Keycloak's own login page, landing where each role belongs.
 */
@IntegrationTest(keycloak = true, webEnvironment = WebEnvironment.RANDOM_PORT)
class RoleLandingJourneyIT {

    private static Browser browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void launchBrowser() {
        browser = Browser.launch();
    }

    @AfterAll
    static void closeBrowser() {
        browser.close();
    }

    @BeforeEach
    void seedDemoTenants(@Autowired ApplicationContext application) {
        DemoData.seedInto(application, TestInfrastructure.keycloak().url());
    }

    @Test
    void coach_logs_in_through_keycloak_sees_their_roster_and_logs_out_there() {
        Page page = openAppAndLogInAs("ruth");

        arriveAt(page, "/coach/roster");
        assertThat(page.getByText("Jess Moreno")).isVisible();
        assertThat(page.getByText("Priya Shah")).isVisible();
        assertThat(page.getByText("Sam Patel").first()).isVisible(); // Dan's and Lena's coach
        // Harbour Endurance's client lives in the same database, behind row level security.
        assertThat(page.getByText("Omar Haddad")).hasCount(0);
        keepScreenshot(page, "coach-roster");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log out"))
                .click();
        // Back at the app root, which needs a login: had the Keycloak session survived, single sign-on
        // would land on the roster again instead of showing Keycloak's login form.
        assertThat(page.locator("#username")).isVisible();
        org.assertj.core.api.Assertions.assertThat(page.url())
                .startsWith(TestInfrastructure.keycloak().url() + "/realms/loadwise/");
    }

    @Test
    void client_lands_on_her_portal_and_finds_her_coach_and_the_storefront() {
        Page page = openAppAndLogInAs("jess");

        arriveAt(page, "/t/stride-coaching/me");
        assertThat(page.getByText("Ruth Okafor — your coach")).isVisible();
        assertThat(page.locator("#intake-status")).containsText("Not completed yet");
        keepScreenshot(page, "client-portal");

        page.locator("#go-to-storefront").click();
        arriveAt(page, "/t/stride-coaching");
        assertThat(page.getByText("Tendon Health Guide").first()).isVisible();
        assertThat(page.getByText("Quarterly coaching")).hasCount(0);
        keepScreenshot(page, "client-storefront");
    }

    @Test
    void platform_admin_sees_every_tenant() {
        Page page = openAppAndLogInAs("admin");

        arriveAt(page, "/admin/tenants");
        assertThat(page.getByText("Stride Coaching").first()).isVisible();
        assertThat(page.getByText("Harbour Endurance").first()).isVisible();
    }

    @Test
    void an_unknown_storefront_is_a_not_found_page() {
        Page page = browser.newPage();

        var response = page.navigate(app("/t/no-such-coach"));

        org.assertj.core.api.Assertions.assertThat(response.status()).isEqualTo(404);
        assertThat(page.getByText("no-such-coach").first()).isVisible();
    }

    /**
     * Keycloak's login with Organizations on is identity-first: the username on one page, the
     * password on the next.
     */
    private Page openAppAndLogInAs(String username) {
        Page page = browser.newPage();
        page.navigate(app("/"));
        page.locator("#username").fill(username);
        page.locator("#kc-login").click();
        page.locator("#password").fill(DemoData.PASSWORD);
        page.locator("#kc-login").click();
        return page;
    }

    /** What the user saw, kept beside the test reports for a human to look at. */
    private static void keepScreenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(Path.of("target", "journeys", name + ".png"))
                .setFullPage(true));
    }

    /** Waits to land on a page of the app; if the browser ends up elsewhere, says where and what it shows. */
    private void arriveAt(Page page, String path) {
        try {
            // Spring Security marks the request it resumes after login with "?continue".
            page.waitForURL(url -> url.equals(app(path)) || url.startsWith(app(path) + "?"));
        } catch (TimeoutError e) {
            Path screenshot = Path.of("target", "journeys", path.replace('/', '_') + ".png");
            page.screenshot(new Page.ScreenshotOptions().setPath(screenshot).setFullPage(true));
            String text = page.locator("body").innerText();
            throw new AssertionError(
                    "Expected to arrive at " + path + " but the browser is at " + page.url()
                            + " (screenshot " + screenshot.toAbsolutePath() + ") showing:\n"
                            + text.substring(0, Math.min(1500, text.length())),
                    e);
        }
    }

    private String app(String path) {
        return "http://localhost:" + port + path;
    }
}
