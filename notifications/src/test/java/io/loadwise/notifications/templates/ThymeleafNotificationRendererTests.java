package io.loadwise.notifications.templates;

import static io.loadwise.notifications.templates.SampleNotifications.model;
import static io.loadwise.notifications.templates.SampleNotifications.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loadwise.notifications.NotificationType;
import io.loadwise.notifications.NotificationsProperties;
import io.loadwise.notifications.RenderRequest;
import io.loadwise.notifications.RenderedInApp;
import io.loadwise.notifications.RenderedMail;
import io.loadwise.notifications.SecretLinks;
import io.loadwise.notifications.TemplateVariableMissingException;
import io.loadwise.notifications.UnsubscribeLinks;
import io.loadwise.notifications.templates.internal.Brand;
import io.loadwise.notifications.templates.internal.NotificationMessages;
import java.lang.reflect.Constructor;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.thymeleaf.spring6.SpringTemplateEngine;

/** Every notification type, rendered in English and German, as a recipient would read it. */
class ThymeleafNotificationRendererTests {

    static final Locale GERMAN = Locale.GERMAN;
    static final Locale ENGLISH = Locale.ENGLISH;
    static final String NBSP = "\u00a0";

    final NotificationsProperties properties =
            new NotificationsProperties(URI.create("https://coach.example.test/"), "no-reply@example.test", null);
    final UnsubscribeLinks unsubscribeLinks = unsubscribeLinks(properties);
    final List<SecretLinks> secretLinks = new ArrayList<>();
    Brand brand = new Brand("Stride Coaching", "stride", "#0e7490", "https://coach.example.test/tenant-logos/abc?v=1");

    final SpringTemplateEngine engine =
            new NotificationTemplatesConfiguration().notificationTemplateEngine(new NotificationMessages());
    final ThymeleafNotificationRenderer renderer = new ThymeleafNotificationRenderer(
            engine, new NotificationMessages(), tenant -> brand, () -> secretLinks, unsubscribeLinks, properties);

    @ParameterizedTest
    @EnumSource(NotificationType.class)
    void every_type_renders_completely_in_english_and_differently_in_german(NotificationType type) {
        RenderedMail english = renderer.mail(request(type, ENGLISH, model(type), "/somewhere"));
        RenderedMail german = renderer.mail(request(type, GERMAN, model(type), "/somewhere"));

        for (RenderedMail mail : List.of(english, german)) {
            assertThat(mail.subject()).isNotBlank().doesNotContain("??").doesNotContain("\n");
            assertThat(mail.html()).doesNotContain("??").contains("Stride Coaching", "Jess Moreno");
            assertThat(mail.text()).doesNotContain("??").contains("Stride Coaching", "Jess Moreno");
            assertThat(mail.html()).contains("href=\"https://coach.example.test/somewhere\"");
            assertThat(mail.text()).contains("https://coach.example.test/somewhere");
            assertThat(mail.text()).doesNotContain("[(", "[#", "\n\n\n");
            assertThat(mail.senderName()).isEqualTo("Stride Coaching");
        }
        assertThat(english.html()).contains("Hi Jess Moreno,").contains("lang=\"en\"");
        assertThat(german.html()).contains("Hallo Jess Moreno,").contains("lang=\"de\"");
        assertThat(german.subject()).isNotEqualTo(english.subject());
        assertThat(german.text()).isNotEqualTo(english.text());

        RenderedInApp inAppEn = renderer.inApp(request(type, ENGLISH, model(type), "/somewhere"));
        RenderedInApp inAppDe = renderer.inApp(request(type, GERMAN, model(type), "/somewhere"));
        for (RenderedInApp inApp : List.of(inAppEn, inAppDe)) {
            assertThat(inApp.title()).isNotBlank().doesNotContain("??").hasSizeLessThan(200);
            assertThat(inApp.body()).isNotBlank().doesNotContain("??").hasSizeLessThan(300);
            assertThat(inApp.link()).isEqualTo("/somewhere");
        }
        assertThat(inAppDe.title() + inAppDe.body()).isNotEqualTo(inAppEn.title() + inAppEn.body());
    }

    @Test
    void english_and_german_bundles_have_the_same_keys() throws Exception {
        java.util.Properties english = new java.util.Properties();
        java.util.Properties german = new java.util.Properties();
        try (var en = getClass().getResourceAsStream("/notifications/messages.properties");
                var de = getClass().getResourceAsStream("/notifications/messages_de.properties")) {
            english.load(new java.io.InputStreamReader(en, StandardCharsets.UTF_8));
            german.load(new java.io.InputStreamReader(de, StandardCharsets.UTF_8));
        }

        assertThat(german.keySet()).isEqualTo(english.keySet());
        for (NotificationType type : NotificationType.values()) {
            assertThat(english).as(type.key()).containsKeys(type.key() + ".label", type.key() + ".subject");
        }
    }

    @Test
    void a_plan_revisions_kind_gives_a_more_telling_subject_and_opening() {
        Map<String, Object> model = model(NotificationType.PLAN_ADJUSTED);
        model.put("revisionKind", "dial_back");
        Map<String, Object> unknownKind = model(NotificationType.PLAN_ADJUSTED);
        unknownKind.put("revisionKind", "coach_edit");

        RenderedMail english = renderer.mail(request(NotificationType.PLAN_ADJUSTED, ENGLISH, model, null));
        RenderedMail german = renderer.mail(request(NotificationType.PLAN_ADJUSTED, GERMAN, model, null));
        RenderedMail plain = renderer.mail(request(NotificationType.PLAN_ADJUSTED, ENGLISH, unknownKind, null));

        assertThat(english.subject()).isEqualTo("Your plan was dialled back for a few days");
        assertThat(english.text()).contains("Your plan \"Hamstring — return to run\" was dialled back for a few days.");
        assertThat(german.subject()).isEqualTo("Dein Plan wurde für ein paar Tage zurückgefahren");
        assertThat(german.html())
                .contains("Dein Plan „Hamstring — return to run“ wurde für ein paar Tage zurückgefahren.");
        assertThat(plain.subject()).isEqualTo("Your plan \"Hamstring — return to run\" was adjusted");
        assertThat(renderer.inApp(request(NotificationType.PLAN_ADJUSTED, ENGLISH, model, null))
                        .title())
                .isEqualTo("Your plan was dialled back");
    }

    @Test
    void a_language_without_a_bundle_gets_english() {
        RenderedMail mail = renderer.mail(request(NotificationType.PLAN_ADJUSTED, Locale.FRENCH));

        assertThat(mail.subject()).isEqualTo("Your plan \"Hamstring — return to run\" was adjusted");
        assertThat(mail.html()).contains("Hi Jess Moreno,");
    }

    @Test
    void names_reasons_and_plan_names_are_escaped_in_html_and_kept_as_text_elsewhere() {
        Map<String, Object> model = model(NotificationType.PLAN_CHANGED_BY_ENGINE);
        model.put("clientName", "<b>Jess</b>");
        model.put("planName", "<script>alert(1)</script>");
        model.put("reason", "Pain <b>6/10</b> & rising");

        RenderedMail mail = renderer.mail(request(NotificationType.PLAN_CHANGED_BY_ENGINE, ENGLISH, model, "/x"));

        assertThat(mail.html())
                .doesNotContain("<b>", "<script>")
                .contains("&lt;b&gt;Jess&lt;/b&gt;", "&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("Why: Pain &lt;b&gt;6/10&lt;/b&gt; &amp; rising");
        assertThat(mail.text()).contains("Why: Pain <b>6/10</b> & rising");
        assertThat(mail.subject()).isEqualTo("<b>Jess</b>'s plan was adjusted automatically");
    }

    @Test
    void a_recipient_and_a_business_name_are_escaped_too() {
        brand = new Brand("<i>Stride</i>", "stride", "#0e7490", null);
        RenderRequest request =
                request(NotificationType.NEW_MESSAGE, ENGLISH, model(NotificationType.NEW_MESSAGE), null);
        RenderRequest evil = new RenderRequest(
                request.notificationId(),
                request.tenantId(),
                request.type(),
                request.channel(),
                new io.loadwise.notifications.Recipient("jess@example.com", "<b>Jess</b>", null),
                request.locale(),
                request.zone(),
                Map.of("authorName", "<img src=x onerror=alert(1)>", "clientName", "Jess"),
                null);

        RenderedMail mail = renderer.mail(evil);

        assertThat(mail.html())
                .doesNotContain("<b>", "<i>", "<img src=x")
                .contains("&lt;b&gt;Jess&lt;/b&gt;", "&lt;i&gt;Stride&lt;/i&gt;", "&lt;img src=x onerror=alert(1)&gt;");
    }

    @Test
    void subjects_lose_line_breaks_so_no_header_can_be_injected() {
        Map<String, Object> model = model(NotificationType.PLAN_ADJUSTED);
        model.put("planName", "Run\r\nBcc: everyone@example.com\nX");

        RenderedMail mail = renderer.mail(request(NotificationType.PLAN_ADJUSTED, ENGLISH, model, null));

        assertThat(mail.subject()).doesNotContain("\r", "\n").contains("Run Bcc: everyone@example.com X");
    }

    @Test
    void a_missing_variable_refuses_the_whole_notification() {
        Map<String, Object> model = model(NotificationType.RECEIPT);
        model.remove("currency");
        model.put("paidAt", null);

        assertThatThrownBy(() -> renderer.mail(request(NotificationType.RECEIPT, ENGLISH, model, null)))
                .isInstanceOfSatisfying(TemplateVariableMissingException.class, e -> assertThat(e.missing())
                        .containsExactly("currency", "paidAt"));
        assertThatThrownBy(() -> renderer.inApp(request(NotificationType.RECEIPT, ENGLISH, model, null)))
                .isInstanceOf(TemplateVariableMissingException.class);
    }

    @Test
    void digest_items_must_be_a_list() {
        assertThatThrownBy(() -> renderer.mail(
                        request(NotificationType.DAILY_DIGEST, ENGLISH, Map.of("items", "two things"), null)))
                .isInstanceOf(TemplateVariableMissingException.class);
    }

    @Test
    void receipt_amounts_and_times_read_as_money_and_local_time_in_each_language() {
        Map<String, Object> model = model(NotificationType.RECEIPT);
        model.put("paidAt", "2026-11-27T23:30:00Z"); // already the 28th in Berlin

        RenderedMail english = renderer.mail(request(NotificationType.RECEIPT, ENGLISH, model, null));
        RenderedMail german = renderer.mail(request(NotificationType.RECEIPT, GERMAN, model, null));

        assertThat(english.html()).contains("€19.00", "November 28, 2026");
        assertThat(english.text()).contains("Total paid: €19.00").contains("Item: Tendon Health Guide");
        assertThat(german.html()).contains("19,00" + NBSP + "€", "28. November 2026, 00:30");
        assertThat(german.text()).contains("Bezahlter Betrag: 19,00" + NBSP + "€");
        assertThat(renderer.inApp(request(NotificationType.RECEIPT, GERMAN, model, null))
                        .body())
                .isEqualTo("19,00" + NBSP + "€ für Tendon Health Guide. Vielen Dank!");
    }

    @Test
    void transactional_mail_has_no_unsubscribe_link_and_the_rest_do() {
        for (NotificationType type : NotificationType.values()) {
            RenderedMail mail = renderer.mail(request(type, ENGLISH));
            if (type.transactional()) {
                assertThat(mail.unsubscribeUrl()).as(type.key()).isNull();
                assertThat(mail.html()).as(type.key()).doesNotContain("/notifications/unsubscribe", "Unsubscribe");
                assertThat(mail.text()).as(type.key()).doesNotContain("/notifications/unsubscribe");
                assertThat(mail.text()).as(type.key()).contains("can't be switched off");
            } else {
                assertThat(mail.unsubscribeUrl())
                        .as(type.key())
                        .startsWith("https://coach.example.test/notifications/unsubscribe?token=");
                assertThat(unsubscribeLinks.verify(mail.unsubscribeUrl()
                                .substring(mail.unsubscribeUrl().indexOf('=') + 1)))
                        .as(type.key())
                        .hasValueSatisfying(target -> {
                            assertThat(target.email()).isEqualTo("jess@example.com");
                            assertThat(target.type()).isEqualTo(type);
                        });
                assertThat(mail.html()).as(type.key()).contains("href=\"" + mail.unsubscribeUrl() + "\"");
                assertThat(mail.text()).as(type.key()).contains(mail.unsubscribeUrl());
            }
        }
    }

    @Test
    void preferences_link_to_the_client_portal_or_the_coach_app() {
        RenderedMail client = renderer.mail(request(NotificationType.PLAN_ADJUSTED, ENGLISH));
        RenderedMail coach = renderer.mail(request(NotificationType.PAIN_SPIKE, ENGLISH));
        Map<String, Object> toClient = model(NotificationType.NEW_MESSAGE);
        toClient.put("recipientRole", "client");
        RenderedMail message = renderer.mail(request(NotificationType.NEW_MESSAGE, ENGLISH, toClient, null));
        RenderedMail portalMessage = renderer.mail(request(
                NotificationType.NEW_MESSAGE, ENGLISH, model(NotificationType.NEW_MESSAGE), "/t/stride/me/messages"));

        assertThat(client.html()).contains("href=\"https://coach.example.test/t/stride/me/notifications\"");
        assertThat(coach.html()).contains("href=\"https://coach.example.test/notifications/preferences\"");
        assertThat(message.text()).contains("https://coach.example.test/t/stride/me/notifications");
        assertThat(portalMessage.text()).contains("https://coach.example.test/t/stride/me/notifications");
    }

    @Test
    void a_secret_link_is_issued_at_render_time_by_the_first_issuer_that_answers() {
        AtomicInteger issued = new AtomicInteger();
        secretLinks.add(request -> Optional.empty());
        secretLinks.add(request -> Optional.of("https://coach.example.test/welcome/token-" + issued.incrementAndGet()));
        secretLinks.add(request -> Optional.of("https://never.example.test/"));

        RenderedMail first = renderer.mail(
                request(NotificationType.CLIENT_INVITE, ENGLISH, model(NotificationType.CLIENT_INVITE), "/ignored"));
        RenderedMail second = renderer.mail(
                request(NotificationType.CLIENT_INVITE, ENGLISH, model(NotificationType.CLIENT_INVITE), "/ignored"));
        RenderedInApp inApp = renderer.inApp(
                request(NotificationType.CLIENT_INVITE, ENGLISH, model(NotificationType.CLIENT_INVITE), "/ignored"));

        assertThat(first.html())
                .contains("href=\"https://coach.example.test/welcome/token-1\"", "Set your password and sign in");
        assertThat(first.text())
                .contains("https://coach.example.test/welcome/token-1")
                .doesNotContain("never.example");
        assertThat(second.text()).contains("https://coach.example.test/welcome/token-2");
        assertThat(inApp.link()).as("an inbox entry is stored: no secret in it").isEqualTo("/ignored");
    }

    @Test
    void without_a_link_there_is_no_button() {
        RenderedMail mail = renderer.mail(request(NotificationType.COACHING_CANCELED, ENGLISH));

        assertThat(mail.html()).doesNotContain("id=\"action\"");
        assertThat(mail.text()).doesNotContain("Open your portal:");
    }

    @Test
    void the_brand_colour_logo_and_name_head_every_mail() {
        RenderedMail mail = renderer.mail(request(
                NotificationType.PLAN_ASSIGNED, ENGLISH, model(NotificationType.PLAN_ASSIGNED), "/t/stride/me/today"));

        assertThat(mail.html())
                .contains("background-color:#0e7490")
                .contains("src=\"https://coach.example.test/tenant-logos/abc?v=1\"")
                .contains("alt=\"Stride Coaching\"")
                .contains(">Stride Coaching</h1>");
        assertThat(mail.subject()).isEqualTo("Your training plan from Stride Coaching is ready");
        assertThat(mail.text()).contains("It starts on November 30, 2026.");
    }

    @Test
    void a_business_without_colour_or_logo_gets_a_neutral_header() {
        brand = new Brand("Stride Coaching", "stride", null, null);

        RenderedMail mail = renderer.mail(request(NotificationType.PLAN_ASSIGNED, ENGLISH));

        assertThat(mail.html())
                .contains("background-color:" + Brand.NEUTRAL_COLOR)
                .doesNotContain("<img");
    }

    @Test
    void a_light_brand_colour_gets_dark_text() {
        brand = new Brand("Stride Coaching", "stride", "#facc15", null);

        assertThat(renderer.mail(request(NotificationType.PLAN_ASSIGNED, ENGLISH))
                        .html())
                .contains("color:#111827;");
    }

    @Test
    void the_weekly_summary_shows_its_figures_in_the_recipients_language() {
        RenderedMail english = renderer.mail(request(NotificationType.WEEKLY_SUMMARY, ENGLISH));
        RenderedMail german = renderer.mail(request(NotificationType.WEEKLY_SUMMARY, GERMAN));

        assertThat(english.text())
                .contains("week of November 23, 2026")
                .contains("Open flags: 2", "New clients: 3", "Revenue: €1,234.50")
                .contains("Start with the open flags");
        assertThat(german.text())
                .contains("Woche ab 23. November 2026")
                .contains("Offene Hinweise: 2", "Neue Kund:innen: 3", "Umsatz: 1.234,50" + NBSP + "€");
        assertThat(renderer.inApp(request(NotificationType.WEEKLY_SUMMARY, ENGLISH))
                        .body())
                .isEqualTo("2 open flags, 3 new clients, €1,234.50 revenue.");
    }

    @Test
    void the_daily_digest_lists_its_items_with_their_kind_time_and_link() {
        RenderedMail english = renderer.mail(request(NotificationType.DAILY_DIGEST, ENGLISH));
        RenderedMail german = renderer.mail(request(NotificationType.DAILY_DIGEST, GERMAN));

        assertThat(english.subject()).isEqualTo("Your daily digest from Stride Coaching: 2 updates");
        assertThat(english.html())
                .contains(
                        "Jess Moreno&#39;s plan was adjusted",
                        "Plan changed by the engine",
                        "New message from Jess Moreno")
                .contains("href=\"https://coach.example.test/coach/clients/42\"")
                .contains("9:15");
        assertThat(german.html()).contains("Plan automatisch angepasst", "Neue Nachricht", "09:15", "18:40");
        assertThat(english.text()).contains("- Jess Moreno's plan was adjusted (Plan changed by the engine");
    }

    @Test
    void a_digest_item_cannot_link_to_another_site() {
        Map<String, Object> model = Map.of(
                "items",
                List.of(
                        Map.of(
                                "type",
                                "no-such-type",
                                "title",
                                "x",
                                "link",
                                "https://evil.example/",
                                "occurredAt",
                                "2026-11-27T08:00:00Z"),
                        Map.of("type", "pain-spike", "title", "y", "link", "//evil.example/")));

        RenderedMail mail = renderer.mail(request(NotificationType.DAILY_DIGEST, ENGLISH, model, null));

        assertThat(mail.html()).doesNotContain("evil.example").contains("Notification", "Pain alert");
    }

    @Test
    void missed_sessions_counts_in_words_that_fit_the_number() {
        Map<String, Object> one = model(NotificationType.MISSED_SESSIONS);
        one.put("missedCount", "1");

        assertThat(renderer.mail(request(NotificationType.MISSED_SESSIONS, ENGLISH, one, null))
                        .text())
                .contains("You've missed one session of \"Hamstring — return to run\"");
        assertThat(renderer.mail(request(NotificationType.MISSED_SESSIONS, GERMAN))
                        .text())
                .contains("Du hast in letzter Zeit 3 Einheiten von „Hamstring — return to run“ verpasst.");
    }

    @Test
    void a_long_reason_is_cut_short_in_the_inbox_but_whole_in_the_mail() {
        Map<String, Object> model = model(NotificationType.PLAN_ADJUSTED);
        String reason = "Pain rose. ".repeat(40).strip();
        model.put("reason", reason);

        assertThat(renderer.inApp(request(NotificationType.PLAN_ADJUSTED, ENGLISH, model, null))
                        .body())
                .hasSize(ThymeleafNotificationRenderer.IN_APP_VALUE_LIMIT)
                .endsWith("…");
        assertThat(renderer.mail(request(NotificationType.PLAN_ADJUSTED, ENGLISH, model, null))
                        .text())
                .contains(reason);
    }

    @Test
    void templates_are_parsed_once_and_then_served_from_the_cache() {
        renderer.mail(request(NotificationType.RECEIPT, ENGLISH));
        renderer.mail(request(NotificationType.RECEIPT, GERMAN));
        int cached = engine.getCacheManager().getTemplateCache().keySet().size();

        for (int i = 0; i < 20; i++) {
            renderer.mail(request(NotificationType.RECEIPT, i % 2 == 0 ? ENGLISH : GERMAN));
        }

        assertThat(cached).as("the type's templates, the layout and the footer").isGreaterThanOrEqualTo(4);
        assertThat(engine.getCacheManager().getTemplateCache().keySet().size()).isEqualTo(cached);
    }

    static UnsubscribeLinks unsubscribeLinks(NotificationsProperties properties) {
        try {
            Constructor<UnsubscribeLinks> constructor =
                    UnsubscribeLinks.class.getDeclaredConstructor(byte[].class, NotificationsProperties.class);
            constructor.setAccessible(true);
            return constructor.newInstance(
                    "a-test-key-of-at-least-32-characters".getBytes(StandardCharsets.UTF_8), properties);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
