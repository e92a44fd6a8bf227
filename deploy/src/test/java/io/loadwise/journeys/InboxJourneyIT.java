package io.loadwise.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.loadwise.jooq.Tables.MEMBERS;
import static io.loadwise.jooq.Tables.NOTIFICATIONS;

import com.microsoft.playwright.Page;
import io.loadwise.local.DemoData;
import io.loadwise.notifications.InboxSignal;
import io.loadwise.testsupport.IntegrationTest;
import io.loadwise.testsupport.TestInfrastructure;
import io.loadwise.testsupport.TestTenants;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.jooq.JSONB;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Server push in a real browser: while a coach has a page open, an inbox entry stored for her (as
 * the worker stores one: row and signal in one transaction) raises the bell's badge without a
 * reload, and opening the inbox shows it.
 */
@IntegrationTest(keycloak = true, webEnvironment = WebEnvironment.RANDOM_PORT)
class InboxJourneyIT {

    @RegisterExtension
    static final Browser browser = Browser.perTestClass();

    @LocalServerPort
    int port;

    @Test
    void a_new_inbox_entry_raises_the_coachs_badge_without_a_reload(@Autowired ApplicationContext application) {
        DemoData.seedInto(application, TestInfrastructure.keycloak().url());
        Page page = browser.logIn("http://localhost:" + port + "/", "ruth", DemoData.PASSWORD);
        page.navigate("http://localhost:" + port + "/notifications");
        Browser.arriveAt(page, "http://localhost:" + port + "/notifications");
        assertThat(page.locator("#inbox-mark-all")).isVisible();
        String before = page.locator("#inbox-badge").isVisible()
                ? page.locator("#inbox-badge").innerText()
                : "0";

        String title =
                "Jess reported a pain spike " + UUID.randomUUID().toString().substring(0, 6);
        storeInboxEntryForRuth(title);

        assertThat(page.locator("#inbox-badge")).hasText(Integer.toString(Integer.parseInt(before) + 1));
        assertThat(page.locator("#inbox-arrived")).isVisible();
        Browser.keepScreenshot(page, "inbox-badge-live");
        page.locator("#inbox-show-new").click();
        assertThat(page.getByText(title)).isVisible();
    }

    private static void storeInboxEntryForRuth(String title) {
        AtomicReference<UUID> ruth = new AtomicReference<>();
        TestTenants.seed(DemoData.STRIDE, db -> {
            ruth.set(db.select(MEMBERS.ID)
                    .from(MEMBERS)
                    .where(MEMBERS.EMAIL.eq("ruth@stride.example"))
                    .fetchSingle(MEMBERS.ID));
            db.insertInto(NOTIFICATIONS)
                    .set(NOTIFICATIONS.TENANT_ID, DemoData.STRIDE.value())
                    .set(NOTIFICATIONS.ID, UUID.randomUUID())
                    .set(NOTIFICATIONS.EVENT_ID, UUID.randomUUID())
                    .set(NOTIFICATIONS.TYPE, "PAIN_SPIKE")
                    .set(NOTIFICATIONS.CHANNEL, "in_app")
                    .set(NOTIFICATIONS.RECIPIENT_EMAIL, "ruth@stride.example")
                    .set(NOTIFICATIONS.RECIPIENT_NAME, "Ruth Okafor")
                    .set(NOTIFICATIONS.MEMBER_ID, ruth.get())
                    .set(NOTIFICATIONS.LOCALE, "en")
                    .set(NOTIFICATIONS.TIME_ZONE, "America/Chicago")
                    .set(NOTIFICATIONS.MODEL, JSONB.jsonb("{}"))
                    .set(NOTIFICATIONS.STATUS, "unread")
                    .set(NOTIFICATIONS.TITLE, title)
                    .set(NOTIFICATIONS.BODY, "Knee pain 7/10 after the long run.")
                    .set(NOTIFICATIONS.OCCURRED_AT, OffsetDateTime.now())
                    .set(NOTIFICATIONS.CREATED_AT, OffsetDateTime.now())
                    .execute();
            db.select(DSL.field(
                            "pg_notify({0}, {1})",
                            String.class,
                            DSL.val(InboxSignal.CHANNEL),
                            DSL.val(InboxSignal.payload(DemoData.STRIDE, ruth.get()))))
                    .fetch();
        });
    }
}
