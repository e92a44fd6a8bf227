package io.loadwise.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.loadwise.local.DemoData;
import io.loadwise.testsupport.IntegrationTest;
import io.loadwise.testsupport.TestInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
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

    @RegisterExtension
    static final Browser browser = Browser.perTestClass();

    @LocalServerPort
    int port;

    @BeforeEach
    void seedDemoTenants(@Autowired ApplicationContext application) {
        DemoData.seedInto(application, TestInfrastructure.keycloak().url());
    }

    @Test
    void coach_logs_in_through_keycloak_sees_their_roster_and_logs_out_there() {
        Page page = browser.logIn(app("/"), "ruth", DemoData.PASSWORD);

        Browser.arriveAt(page, app("/coach/roster"));
        assertThat(page.getByText("Jess Moreno")).isVisible();
        assertThat(page.getByText("Priya Shah")).isVisible();
        assertThat(page.getByText("Sam Patel").first()).isVisible(); // Dan's and Lena's coach
        // Harbour Endurance's client lives in the same database, behind row level security.
        assertThat(page.getByText("Omar Haddad")).hasCount(0);
        Browser.keepScreenshot(page, "coach-roster");

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
        Page page = browser.logIn(app("/"), "jess", DemoData.PASSWORD);

        Browser.arriveAt(page, app("/t/stride-coaching/me"));
        assertThat(page.getByText("Ruth Okafor — your coach")).isVisible();
        assertThat(page.locator("#intake-status")).containsText("Not completed yet");
        Browser.keepScreenshot(page, "client-portal");

        page.locator("#go-to-storefront").click();
        Browser.arriveAt(page, app("/t/stride-coaching"));
        assertThat(page.getByText("Tendon Health Guide").first()).isVisible();
        assertThat(page.getByText("Quarterly coaching")).hasCount(0);
        Browser.keepScreenshot(page, "client-storefront");
    }

    @Test
    void platform_admin_sees_every_tenant() {
        Page page = browser.logIn(app("/"), "admin", DemoData.PASSWORD);

        Browser.arriveAt(page, app("/admin/tenants"));
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

    private String app(String path) {
        return "http://localhost:" + port + path;
    }
}
