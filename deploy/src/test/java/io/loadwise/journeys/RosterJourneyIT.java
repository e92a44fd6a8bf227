package io.loadwise.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import io.loadwise.local.DemoData;
import io.loadwise.testsupport.IntegrationTest;
import io.loadwise.testsupport.TestInfrastructure;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The roster's main journeys in a real browser, on the whole application with real PostgreSQL,
 * Kafka, Keycloak and SMTP: the owner invites a coach and a client, each sets a password through
 * the link in their mail and signs in; the client completes her intake; client and coach exchange
 * messages, and the coach sees the intake.
 */
@IntegrationTest(keycloak = true, webEnvironment = WebEnvironment.RANDOM_PORT)
class RosterJourneyIT {

    private static final String NEW_PASSWORD = "tendon-strong-2026";

    @RegisterExtension
    static final Browser browser = Browser.perTestClass();

    @LocalServerPort
    int port;

    @BeforeEach
    void seedDemoTenants(@Autowired ApplicationContext application) {
        DemoData.seedInto(application, TestInfrastructure.keycloak().url());
    }

    @Test
    void the_owner_invites_a_coach_who_sets_a_password_and_signs_in_to_an_empty_roster() {
        String coachEmail = "coach-" + shortId() + "@stride.example";
        Page ruth = browser.logIn(app("/"), "ruth", DemoData.PASSWORD);
        Browser.arriveAt(ruth, app("/coach/roster"));

        ruth.navigate(app("/coach/team"));
        ruth.locator("#invite-coach").click();
        ruth.locator("#invite-email input").fill(coachEmail);
        ruth.locator("#invite-name input").fill("Noor Ali");
        ruth.locator("#send-invite").click();
        assertThat(ruth.locator("#team").getByText("Noor Ali")).isVisible();

        Page noor = browser.setPasswordFromMail(app("/"), coachEmail, NEW_PASSWORD);
        Browser.logIn(noor, app("/"), coachEmail, NEW_PASSWORD);
        Browser.arriveAt(noor, app("/coach/roster"));
        // A new staff coach sees only clients assigned to them: none yet, and nobody of Ruth's.
        assertThat(noor.getByText("Jess Moreno")).hasCount(0);
        Browser.keepScreenshot(noor, "new-coach-roster");
    }

    @Test
    void an_invited_client_completes_her_intake_and_exchanges_messages_with_her_coach() {
        String clientEmail = "mia-" + shortId() + "@example.com";
        String clientName = "Mia <b>Runner</b>";
        Page ruth = browser.logIn(app("/"), "ruth", DemoData.PASSWORD);
        Browser.arriveAt(ruth, app("/coach/roster"));

        ruth.locator("#invite-client").click();
        ruth.locator("#invite-client-email input").fill(clientEmail);
        ruth.locator("#invite-client-name input").fill(clientName);
        ruth.locator("#send-client-invite").click();
        // Shown as the text it is, never as markup.
        assertThat(ruth.locator("#roster").getByText(clientName)).isVisible();

        Page mia = browser.setPasswordFromMail(app("/"), clientEmail, NEW_PASSWORD);
        Browser.logIn(mia, app("/"), clientEmail, NEW_PASSWORD);
        Browser.arriveAt(mia, app("/t/stride-coaching/me"));
        assertThat(mia.locator("#my-coaches").getByText("Ruth Okafor")).isVisible();

        mia.locator("#go-to-intake").click();
        Browser.arriveAt(mia, app("/t/stride-coaching/me/intake"));
        mia.locator("#answer-injury textarea").fill("Proximal hamstring tendinopathy, left side, since March");
        mia.locator("#answer-running_volume input").fill("35");
        mia.locator("#answer-goals textarea").fill("Run the Berlin half marathon pain-free");
        mia.locator("#answer-days_per_week input").fill("4");
        mia.locator("#submit-intake").click();
        assertThat(mia.getByText("your coach will see your answers")).isVisible();
        Browser.keepScreenshot(mia, "client-intake");

        mia.navigate(app("/t/stride-coaching/me/messages"));
        mia.locator("#compose textarea").fill("Hi Ruth, my hamstring aches after sitting <script>x()</script>");
        mia.locator("#send").click();
        assertThat(mia.locator("#messages").getByText("aches after sitting <script>x()</script>"))
                .isVisible();

        ruth.navigate(app("/coach/roster"));
        ruth.locator("#roster").getByText(clientName).click();
        ruth.locator("#tab-intake").click();
        assertThat(ruth.locator("#intake-answers").getByText("Proximal hamstring tendinopathy, left side, since March"))
                .isVisible();
        assertThat(ruth.locator("#intake-answers").getByText("Run the Berlin half marathon pain-free"))
                .isVisible();
        ruth.locator("#tab-messages").click();
        assertThat(ruth.locator("#messages").getByText("my hamstring aches after sitting"))
                .isVisible();
        ruth.locator("#compose textarea").fill("Thanks Mia — let's start with isometric bridge holds.");
        ruth.locator("#send").click();
        assertThat(ruth.locator("#messages").getByText("isometric bridge holds"))
                .isVisible();
        Browser.keepScreenshot(ruth, "coach-client-messages");

        mia.navigate(app("/t/stride-coaching/me/messages"));
        assertThat(mia.locator("#messages").getByText("let's start with isometric bridge holds"))
                .isVisible();
        Browser.keepScreenshot(mia, "client-messages");
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private String app(String path) {
        return "http://localhost:" + port + path;
    }
}
