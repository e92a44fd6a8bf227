package io.loadwise.notifications.templates;

import static io.loadwise.jooq.Tables.TENANTS;
import static io.loadwise.jooq.Tables.TENANT_LOGOS;
import static org.assertj.core.api.Assertions.assertThat;

import io.loadwise.notifications.NotificationRenderer;
import io.loadwise.notifications.NotificationType;
import io.loadwise.notifications.RenderedInApp;
import io.loadwise.notifications.RenderedMail;
import io.loadwise.tenancy.Tenant;
import io.loadwise.testsupport.IntegrationTest;
import io.loadwise.testsupport.TestTenants;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * With the application's own beans and a real business in PostgreSQL: mails carry the business's
 * name as sender and heading, its brand colour, and its storefront logo at the public address
 * platform-api serves it from.
 */
@IntegrationTest
class BrandedMailIT {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0};

    @Autowired
    NotificationRenderer renderer;

    @Autowired
    @Qualifier("notificationTemplateEngine")
    SpringTemplateEngine notificationTemplateEngine;

    @Test
    void a_business_with_colour_and_logo_brands_its_mails() {
        Tenant tenant = TestTenants.create("Stride & Co <Coaching>");
        OffsetDateTime logoChanged = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        TestTenants.seed(tenant.id(), db -> {
            db.update(TENANTS)
                    .set(TENANTS.BRAND_COLOR, "#be185d")
                    .where(TENANTS.ID.eq(tenant.id().value()))
                    .execute();
            db.insertInto(TENANT_LOGOS)
                    .set(TENANT_LOGOS.TENANT_ID, tenant.id().value())
                    .set(TENANT_LOGOS.CONTENT_TYPE, "image/png")
                    .set(TENANT_LOGOS.BYTES, PNG)
                    .set(TENANT_LOGOS.UPDATED_AT, logoChanged)
                    .execute();
        });

        RenderedMail mail = renderer.mail(SampleNotifications.request(
                tenant.id(),
                NotificationType.PLAN_ASSIGNED,
                Locale.GERMAN,
                SampleNotifications.model(NotificationType.PLAN_ASSIGNED),
                "/t/" + tenant.slug() + "/me/today"));

        assertThat(mail.senderName()).isEqualTo("Stride & Co <Coaching>");
        assertThat(mail.subject()).isEqualTo("Dein Trainingsplan von Stride & Co <Coaching> ist fertig");
        assertThat(mail.html())
                .contains(">Stride &amp; Co &lt;Coaching&gt;</h1>")
                .contains("background-color:#be185d")
                .contains("src=\"https://coach.example.test/tenant-logos/" + tenant.id() + "?v="
                        + logoChanged.toInstant().toEpochMilli() + "\"")
                .contains("href=\"https://coach.example.test/t/" + tenant.slug() + "/me/today\"")
                .contains("href=\"https://coach.example.test/t/" + tenant.slug() + "/me/notifications\"");
        assertThat(mail.unsubscribeUrl()).startsWith("https://coach.example.test/notifications/unsubscribe?token=");
        assertThat(mail.text()).contains("Gesendet von Loadwise im Auftrag von Stride & Co <Coaching>.");
    }

    @Test
    void a_business_without_branding_gets_a_neutral_header_and_no_logo() {
        Tenant tenant = TestTenants.create("Plain Coaching");

        RenderedMail mail = renderer.mail(SampleNotifications.request(
                tenant.id(),
                NotificationType.RECEIPT,
                Locale.ENGLISH,
                SampleNotifications.model(NotificationType.RECEIPT),
                null));
        RenderedInApp inApp = renderer.inApp(SampleNotifications.request(
                tenant.id(),
                NotificationType.RECEIPT,
                Locale.ENGLISH,
                SampleNotifications.model(NotificationType.RECEIPT),
                "/t/" + tenant.slug() + "/me/purchases"));

        assertThat(mail.html())
                .contains("background-color:#334155", ">Plain Coaching</h1>")
                .doesNotContain("<img");
        assertThat(mail.unsubscribeUrl()).isNull();
        assertThat(inApp.title()).isEqualTo("Payment received");
        assertThat(inApp.body()).isEqualTo("€19.00 for Tendon Health Guide. Thank you!");
        assertThat(inApp.link()).isEqualTo("/t/" + tenant.slug() + "/me/purchases");
    }

    @Test
    void the_notifications_engine_is_its_own_and_caches_templates() {
        assertThat(notificationTemplateEngine.getTemplateResolvers())
                .hasSize(2)
                .allSatisfy(resolver -> assertThat(resolver.getName()).isNotBlank());
        assertThat(notificationTemplateEngine.getCacheManager()).isNotNull();
    }
}
