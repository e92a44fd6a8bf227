package io.loadwise.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.loadwise.app.Mails;
import io.loadwise.local.DemoData;
import io.loadwise.testsupport.IntegrationTest;
import io.loadwise.testsupport.TestInfrastructure;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Issue 4's journey in a real browser, on the whole application with real PostgreSQL, Kafka,
 * Keycloak and SMTP: the owner lets the plan engine apply changes itself, invites a client and
 * assigns her the hamstring template; the client logs a run and a next-morning pain of 6; the
 * engine dials the plan back, and both client and coach see why — the coach also by mail.
 */
@IntegrationTest(keycloak = true, webEnvironment = WebEnvironment.RANDOM_PORT)
class PlanJourneyIT {

    private static final String NEW_PASSWORD = "tendon-strong-2026";
    private static final String HAMSTRING = "Hamstring tendinopathy — return to run (12 weeks)";
    /** Stride Coaching's time zone: "today" for its clients and its plan engine. */
    private static final ZoneId STRIDE_ZONE = ZoneId.of("America/Chicago");
    /** The hamstring template's first phase has its easy run on Wednesdays. */
    private static final DayOfWeek RUN_DAY = DayOfWeek.WEDNESDAY;

    @RegisterExtension
    static final Browser browser = Browser.perTestClass();

    @LocalServerPort
    int port;

    @BeforeEach
    void seedDemoTenants(@Autowired ApplicationContext application) {
        DemoData.seedInto(application, TestInfrastructure.keycloak().url());
    }

    @Test
    void a_next_morning_pain_of_6_after_a_run_dials_the_plan_back_and_client_and_coach_see_why() {
        String clientEmail = "ana-" + shortId() + "@example.com";
        String clientName = "Ana Ortiz " + shortId();
        // The plan starts on the latest run day, so its first run is today or already behind her,
        // and the next one (a week later) lies inside the engine's 7-day dial-back window.
        LocalDate today = LocalDate.now(STRIDE_ZONE);
        LocalDate run = today.with(TemporalAdjusters.previousOrSame(RUN_DAY));
        LocalDate nextRun = run.plusWeeks(1);

        // 1. Ruth lets the engine apply its changes itself, dialling back for a week.
        Page ruth = browser.logIn(app("/"), "ruth", DemoData.PASSWORD);
        Browser.arriveAt(ruth, app("/coach/roster"));
        ruth.navigate(app("/coach/settings/plan-rules"));
        choose(ruth, "#mode", "automatic");
        ruth.locator("#dial-back-days input").fill("7");
        ruth.locator("#run-volume-cut input").fill("30");
        ruth.locator("#save-rules").click();
        assertThat(ruth.getByText("Plan rules saved.")).isVisible();
        assertThat(ruth.locator("#rules-origin")).hasText("Your business's rules.");
        ruth.reload();
        assertThat(ruth.locator("#mode vaadin-select-value-button")).hasText("automatic");
        assertThat(ruth.locator("#dial-back-days input")).hasValue("7");
        Browser.keepScreenshot(ruth, "plan-rules-automatic");

        // 2. Ruth invites a client, who sets a password from the mail and signs in.
        ruth.navigate(app("/coach/roster"));
        ruth.locator("#invite-client").click();
        ruth.locator("#invite-client-email input").fill(clientEmail);
        ruth.locator("#invite-client-name input").fill(clientName);
        ruth.locator("#send-client-invite").click();
        assertThat(ruth.locator("#roster").getByText(clientName)).isVisible();

        Page ana = browser.setPasswordFromMail(app("/"), clientEmail, NEW_PASSWORD);
        Browser.logIn(ana, app("/"), clientEmail, NEW_PASSWORD);
        Browser.arriveAt(ana, app("/t/stride-coaching/me"));

        // 3. Ruth assigns the hamstring template from the latest run day.
        ruth.locator("#roster").getByText(clientName).click();
        ruth.waitForURL(url -> url.contains("/coach/clients/"));
        String clientPage = ruth.url();
        ruth.locator("#tab-plan").click();
        assertThat(ruth.locator("#no-plan")).isVisible();
        ruth.locator("#assign-plan").click();
        choose(ruth, "#assign-template", HAMSTRING);
        setDate(ruth.locator("#assign-start"), run);
        ruth.locator("#assign-save").click();
        assertThat(ruth.locator("#plan-message")).hasText("Plan assigned.");
        assertThat(ruth.locator("#plan-name")).hasText(HAMSTRING);
        assertThat(ruth.locator("#plan-status")).hasText("active");
        assertThat(ruth.locator("#plan-summary")).containsText(run + " to ");
        assertThat(ruth.locator("#plan-day-" + run + " .session-title")).hasText("Easy run");
        assertThat(ruth.locator("#plan-day-" + nextRun + " .session-title")).hasText("Easy run");
        Browser.keepScreenshot(ruth, "plan-assigned");

        // 4. Ana logs the run and checks in with a next-morning pain of 6.
        ana.navigate(app("/t/stride-coaching/me/check-in"));
        Locator runRow = ana.locator("#sessions-to-log .session-to-log")
                .filter(new Locator.FilterOptions()
                        .setHasText(DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH)
                                        .format(run) + " · Easy run"));
        assertThat(runRow).containsText("not logged yet");
        runRow.locator("vaadin-button").click();
        assertThat(ana.locator("#log-duration")).isVisible();
        choose(ana, "#log-outcome", "Done");
        ana.locator("#log-duration input").fill("25");
        ana.locator("#log-rpe input").fill("4");
        ana.locator("#log-save").click();
        assertThat(runRow).containsText("done, 25 min, RPE 4");

        ana.locator("#check-in-morning-pain input").fill("6");
        ana.locator("#check-in-pain-after-sitting input").fill("3");
        ana.locator("#check-in-save").click();
        assertThat(ana.getByText("Check-in saved. Thank you!")).isVisible();
        Browser.keepScreenshot(ana, "client-logged-and-checked-in");

        // 5. The engine dials the plan back; Ana sees the shortened run and why.
        String why = "Next-morning pain 6/10";
        boolean nextRunInAnotherWeek = !nextRun.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                .equals(today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
        Locator changedRun = ana.locator("#plan-day-" + nextRun + " .session-change");
        await().atMost(Duration.ofSeconds(45))
                .pollInterval(Duration.ofSeconds(2))
                .until(() -> {
                    ana.navigate(app("/t/stride-coaching/me/plan"));
                    ana.locator("#plan-week-title").waitFor();
                    if (nextRunInAnotherWeek) {
                        ana.locator("#week-next").click();
                    }
                    ana.locator("#plan-day-" + nextRun).waitFor();
                    return changedRun.count() > 0;
                });
        assertThat(changedRun).containsText(why);
        assertThat(changedRun).containsText("running volume is cut by 30 %");
        assertThat(ana.locator("#plan-day-" + nextRun + " .session-title"))
                .not()
                .hasText("Easy run");
        assertThat(ana.locator("#plan-day-" + nextRun + " .session-title")).containsText("Easy run");
        Browser.keepScreenshot(ana, "client-plan-dialled-back");

        // Ruth sees the engine's revision with its reason, and the changed session.
        ruth.navigate(clientPage);
        ruth.locator("#tab-plan").click();
        Locator engineRevision = ruth.locator("#plan-revisions li").filter(new Locator.FilterOptions().setHasText(why));
        assertThat(engineRevision).containsText("dial_back by the plan engine: " + why);
        assertThat(ruth.locator("#plan-day-" + nextRun + " .session-change")).containsText(why);
        Browser.keepScreenshot(ruth, "coach-plan-dialled-back");

        // ... and was alerted by mail.
        String subject = clientName + "'s plan was dialled back";
        List<MimeMessage> alerts = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> TestInfrastructure.mail().receivedFor("ruth@stride.example").stream()
                                .filter(mail -> subject.equals(subjectOf(mail)))
                                .toList(),
                        found -> !found.isEmpty());
        org.assertj.core.api.Assertions.assertThat(Mails.text(alerts.getFirst()))
                .contains(why);
        // Ana is told too, with the same reason.
        List<MimeMessage> toAna = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> TestInfrastructure.mail().receivedFor(clientEmail).stream()
                                .filter(mail -> "Your plan was dialled back for a few days".equals(subjectOf(mail)))
                                .toList(),
                        found -> !found.isEmpty());
        org.assertj.core.api.Assertions.assertThat(Mails.text(toAna.getFirst())).contains(why);
    }

    /** Picks an option of a Vaadin select by its label, as a user does: open it, click the option. */
    private static void choose(Page page, String select, String option) {
        page.locator(select + " vaadin-select-value-button").click();
        Locator item = page.getByRole(
                AriaRole.OPTION, new Page.GetByRoleOptions().setName(option).setExact(true));
        try {
            item.click();
        } catch (com.microsoft.playwright.PlaywrightException e) {
            Path screenshot = Browser.keepScreenshot(page, "select-" + select.substring(1));
            throw new AssertionError(
                    "No option " + option + " in " + select + " (screenshot " + screenshot.toAbsolutePath() + ")", e);
        }
        assertThat(page.locator(select + " vaadin-select-value-button")).hasText(option);
    }

    /**
     * Sets a date picker's value: its text field's format follows the browser's locale, its
     * {@code value} property is ISO whatever the locale, and the server reads it on its change
     * event, as when a date is picked.
     */
    private static void setDate(Locator datePicker, LocalDate date) {
        datePicker.evaluate(
                "(picker, iso) => { picker.value = iso;"
                        + " picker.dispatchEvent(new CustomEvent('change', {bubbles: true})); }",
                date.toString());
        assertThat(datePicker).hasJSProperty("value", date.toString());
    }

    private static String subjectOf(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private String app(String path) {
        return "http://localhost:" + port + path;
    }
}
