package io.loadwise.ui.notifications;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static io.loadwise.jooq.Tables.AUDIT_LOG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.timepicker.TimePicker;
import io.loadwise.identity.Role;
import io.loadwise.notifications.Channel;
import io.loadwise.notifications.DeliveryLog;
import io.loadwise.notifications.MyNotificationSettings;
import io.loadwise.notifications.NotificationType;
import io.loadwise.tenancy.Tenant;
import io.loadwise.tenancy.TenantDirectory;
import io.loadwise.testsupport.IntegrationTest;
import io.loadwise.testsupport.TestTenants;
import io.loadwise.ui.SignedIn;
import io.loadwise.ui.messaging.Team;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The bell, the inbox, the notification settings and the admin delivery log, browserless
 * (Karibu-Testing) on the real Spring context and PostgreSQL; new entries reach the open page
 * through the real LISTEN/NOTIFY path and server push (the UI's access queue).
 */
@IntegrationTest
class NotificationViewsIT {

    static final Routes ROUTES = new Routes().autoDiscoverViews("io.loadwise.ui");
    static final Duration PATIENCE = Duration.ofSeconds(20);

    @Autowired
    ApplicationContext context;

    @Autowired
    MyNotificationSettings settings;

    @Autowired
    TenantDirectory tenants;

    Team team;
    AutoCloseable signedIn;

    @BeforeEach
    void setUp() {
        team = Team.of("Stride Coaching");
        MockVaadin.setup(UI::new, new MockSpringServlet(ROUTES, context, UI::new));
        UI.getCurrent().setLocale(Locale.ENGLISH);
    }

    @AfterEach
    void tearDown() throws Exception {
        signOut();
        MockVaadin.tearDown();
    }

    @Test
    void a_coach_sees_her_unread_count_reads_an_entry_by_opening_it_and_marks_the_rest_read() throws Exception {
        Instant now = Instant.now();
        InboxEntries.deliver(
                team.tenant.id(),
                team.lead.memberId(),
                "Oldest",
                "/notifications/preferences",
                now.minus(3, ChronoUnit.DAYS));
        InboxEntries.deliver(
                team.tenant.id(),
                team.lead.memberId(),
                "Ann wrote",
                "/notifications/preferences",
                now.minus(5, ChronoUnit.MINUTES));
        InboxEntries.deliver(team.tenant.id(), team.lead.memberId(), "Newest", "", now.minusSeconds(5));
        InboxEntries.deliver(team.tenant.id(), team.ann.memberId(), "Ann's own", "", now);

        signIn(team.lead);
        navigate("notifications");

        assertThat(bell().unread()).isEqualTo(3);
        assertThat(_get(Span.class, spec -> spec.withId(InboxBell.BADGE_ID)).getText())
                .isEqualTo("3");
        assertThat(bell().getHref()).isEqualTo("/notifications");
        assertThat(titles()).containsExactly("Newest", "Ann wrote", "Oldest");
        assertThat(rows()).allMatch(row -> row.hasClassName("unread"));
        assertThat(times()).containsExactly("just now", "5 minutes ago", "3 days ago");

        _click(rows().get(1));

        assertThat(currentView()).isInstanceOf(CoachPreferencesView.class);
        assertThat(bell().unread()).as("opening an entry reads it").isEqualTo(2);
        navigate("notifications");
        assertThat(rows()).extracting(row -> row.hasClassName("unread")).containsExactly(true, false, true);

        _click(_get(Button.class, spec -> spec.withId("inbox-mark-all")));
        assertThat(_get(Span.class, spec -> spec.withId("inbox-status")).getText())
                .isEqualTo("2 notifications marked as read.");
        assertThat(rows()).noneMatch(row -> row.hasClassName("unread"));
        awaitBadge(0);
    }

    @Test
    void an_older_entry_shows_its_date_in_the_readers_own_time_zone_once_she_saved_one() throws Exception {
        // UTC+14, no daylight saving: from 10:00 UTC on, its date is a day ahead of UTC's.
        ZoneId own = ZoneId.of("Pacific/Kiritimati");
        Instant at = LocalDate.now(ZoneOffset.UTC).minusDays(10).atTime(12, 0).toInstant(ZoneOffset.UTC);
        InboxEntries.deliver(team.tenant.id(), team.lead.memberId(), "Weeks ago", "", at);
        ZoneId business =
                ZoneId.of(tenants.findById(team.tenant.id()).orElseThrow().timeZone());
        assertThat(at.atZone(own).toLocalDate())
                .isNotEqualTo(at.atZone(business).toLocalDate());
        DateTimeFormatter date =
                DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(Locale.ENGLISH);
        signIn(team.lead);

        navigate("notifications");
        assertThat(times()).as("no zone of her own: the business's").containsExactly(date.format(at.atZone(business)));

        navigate("notifications/preferences");
        @SuppressWarnings("unchecked")
        ComboBox<String> zone = _get(ComboBox.class, spec -> spec.withId("preferences-zone"));
        zone.setValue(own.getId());
        _click(_get(Button.class, spec -> spec.withId("preferences-save")));
        navigate("notifications");
        assertThat(times()).containsExactly(date.format(at.atZone(own)));
    }

    @Test
    void an_entry_stored_while_the_page_is_open_raises_the_badge_without_a_reload() throws Exception {
        signIn(team.lead);
        navigate("notifications");
        assertThat(bell().unread()).isZero();
        assertThat(_get(Paragraph.class, spec -> spec.withId("inbox-empty")).isVisible())
                .isTrue();

        // Stored and committed by another process (the worker): only the signal reaches this UI.
        InboxEntries.deliver(team.tenant.id(), team.lead.memberId(), "Pain spike", "", Instant.now());
        InboxEntries.deliver(team.tenant.id(), team.otherCoach.memberId(), "Not hers", "", Instant.now());

        awaitBadge(1);
        assertThat(_get(Span.class, spec -> spec.withId(InboxBell.BADGE_ID)).isVisible())
                .isTrue();
        assertThat(_get(HorizontalLayout.class, spec -> spec.withId("inbox-arrived"))
                        .isVisible())
                .isTrue();
        _click(_get(Button.class, spec -> spec.withId("inbox-show-new")));
        assertThat(titles()).containsExactly("Pain spike");
    }

    @Test
    void a_client_reads_her_inbox_in_her_portal_in_german() throws Exception {
        InboxEntries.deliver(
                team.tenant.id(),
                team.ann.memberId(),
                "Plan angepasst",
                "",
                Instant.now().minus(2, ChronoUnit.HOURS));
        signIn(team.ann);
        UI.getCurrent().setLocale(Locale.GERMAN);

        navigate("t/" + team.tenant.slug() + "/me/inbox");

        assertThat(titles()).containsExactly("Plan angepasst");
        assertThat(times()).containsExactly("vor 2 Stunden");
        assertThat(_get(Button.class, spec -> spec.withId("inbox-mark-all")).getText())
                .isEqualTo("Alle als gelesen markieren");
        assertThat(bell().getHref()).isEqualTo("/t/" + team.tenant.slug() + "/me/inbox");
        assertThat(bell().unread()).isEqualTo(1);
        assertThat(_get(Anchor.class, spec -> spec.withId("portal-nav-inbox")).getText())
                .isEqualTo("Benachrichtigungen");
        assertThat(_get(Anchor.class, spec -> spec.withId("inbox-preferences")).getHref())
                .isEqualTo("/t/" + team.tenant.slug() + "/me/notifications");
    }

    @Test
    void a_client_switches_types_off_but_receipts_stay_locked_on() throws Exception {
        signIn(team.ann);
        navigate("t/" + team.tenant.slug() + "/me/notifications");

        Checkbox receipt = checkbox(NotificationType.RECEIPT, Channel.EMAIL);
        assertThat(receipt.getValue()).isTrue();
        assertThat(receipt.isReadOnly()).as("transactional: locked on").isTrue();
        assertThat(_get(Paragraph.class, spec -> spec.withId("preferences-locked-note"))
                        .getText())
                .contains("can't be switched off");
        assertThat(_find(Checkbox.class, spec -> spec.withId("pref-pain-spike-email")))
                .as("coach-only types are not offered to a client")
                .isEmpty();
        assertThat(_find(Checkbox.class, spec -> spec.withId("preferences-digest")))
                .as("the digest is for coaches")
                .isEmpty();

        Checkbox adjusted = checkbox(NotificationType.PLAN_ADJUSTED, Channel.EMAIL);
        assertThat(adjusted.isReadOnly()).isFalse();
        adjusted.setValue(false);
        assertThat(settings.preferences())
                .as("saved at once, for that channel only")
                .contains(
                        new MyNotificationSettings.Preference(
                                NotificationType.PLAN_ADJUSTED, Channel.EMAIL, false, false),
                        new MyNotificationSettings.Preference(
                                NotificationType.PLAN_ADJUSTED, Channel.IN_APP, true, false));

        navigate("t/" + team.tenant.slug() + "/me/notifications");
        assertThat(checkbox(NotificationType.PLAN_ADJUSTED, Channel.EMAIL).getValue())
                .isFalse();
    }

    @Test
    void settings_errors_are_shown_next_to_the_fields_and_a_saved_language_switches_the_ui() throws Exception {
        signIn(team.lead);
        navigate("notifications/preferences");
        assertThat(_get(Checkbox.class, spec -> spec.withId("preferences-digest"))
                        .isVisible())
                .isTrue();

        _get(TimePicker.class, spec -> spec.withId("preferences-quiet-start")).setValue(LocalTime.of(22, 0));
        _click(_get(Button.class, spec -> spec.withId("preferences-save")));
        TimePicker end = _get(TimePicker.class, spec -> spec.withId("preferences-quiet-end"));
        assertThat(end.isInvalid()).isTrue();
        assertThat(end.getErrorMessage()).isEqualTo("Set both the start and the end of quiet hours, or neither.");

        end.setValue(LocalTime.of(7, 0));

        @SuppressWarnings("unchecked")
        Select<Locale> language = _get(Select.class, spec -> spec.withId("preferences-language"));
        language.setValue(Locale.GERMAN);
        @SuppressWarnings("unchecked")
        ComboBox<String> zone = _get(ComboBox.class, spec -> spec.withId("preferences-zone"));
        zone.setValue("Europe/Berlin");
        _get(Checkbox.class, spec -> spec.withId("preferences-digest")).setValue(true);
        _click(_get(Button.class, spec -> spec.withId("preferences-save")));

        assertThat(_find(Span.class, spec -> spec.withId("preferences-settings-error")))
                .as("the error is gone")
                .isEmpty();
        NotificationsKt.expectNotifications("Gespeichert.");
        assertThat(_get(H2.class, spec -> spec.withText("Benachrichtigungseinstellungen"))
                        .isVisible())
                .as("the screen speaks the saved language at once, not from the next view on")
                .isTrue();
        var saved = settings.settings();
        assertThat(saved.locale()).isEqualTo(Locale.GERMAN);
        assertThat(saved.zone().getId()).isEqualTo("Europe/Berlin");
        assertThat(saved.quietStart()).isEqualTo(LocalTime.of(22, 0));
        assertThat(saved.dailyDigest()).isTrue();
        navigate("notifications");
        assertThat(_get(Button.class, spec -> spec.withId("inbox-mark-all")).getText())
                .isEqualTo("Alle als gelesen markieren");
    }

    @Test
    void a_platform_admin_reads_a_businesss_delivery_log_and_replays_a_dead_letter_with_a_reason() throws Exception {
        Tenant stride = tenants.findById(team.tenant.id()).orElseThrow();
        Instant now = Instant.now();
        UUID dead = InboxEntries.email(stride.id(), "dead", "ann@example.com", "SMTP 451 try later", now);
        InboxEntries.email(stride.id(), "sent", "bea@example.com", null, now.minusSeconds(60));
        InboxEntries.email(stride.id(), "bounced", "nobody@example.com", "550 no such user", now);

        signedIn = SignedIn.as("Pat Admin", null, Role.PLATFORM_ADMIN);
        navigate("admin/notifications");

        @SuppressWarnings("unchecked")
        ComboBox<Tenant> business = _get(ComboBox.class, spec -> spec.withId("delivery-business"));
        business.setValue(stride);
        assertThat(_get(Span.class, spec -> spec.withId("delivery-counts")).getText())
                .isEqualTo("Sent 1 · waiting 0 · failed 0 · dead 1 · bounced 1 · suppressed 0");
        Grid<DeliveryLog.Entry> entries = _get(Grid.class, spec -> spec.withId("delivery-entries"));
        assertThat(GridKt._size(entries)).isEqualTo(3);
        @SuppressWarnings("unchecked")
        Select<String> status = _get(Select.class, spec -> spec.withId("delivery-status"));
        status.setValue("bounced");
        assertThat(GridKt._fetch(entries, 0, GridKt._size(entries)))
                .extracting(DeliveryLog.Entry::recipientEmail)
                .containsExactly("nobody@example.com");

        Grid<DeliveryLog.Entry> deadLetters = _get(Grid.class, spec -> spec.withId("dead-letters"));
        // Every business's dead letters, this test's among them (others may exist in the shared database)
        List<DeliveryLog.Entry> allDead = GridKt._fetch(deadLetters, 0, GridKt._size(deadLetters));
        int row = allDead.stream().map(DeliveryLog.Entry::id).toList().indexOf(dead);
        assertThat(row).isNotNegative();
        _click((Button) GridKt._getCellComponent(deadLetters, row, "replay"));
        TextArea reason = _get(TextArea.class, spec -> spec.withId("replay-reason"));
        reason.setValue("short");
        _click(_get(Button.class, spec -> spec.withId("replay-confirm")));
        assertThat(reason.isInvalid()).isTrue();
        assertThat(replayAudits(stride)).isZero();

        reason.setValue("SMTP relay was down, ticket OPS-42");
        _click(_get(Button.class, spec -> spec.withId("replay-confirm")));

        assertThat(replayAudits(stride)).as("audited with the reason").isEqualTo(1);
        assertThat(GridKt._fetch(deadLetters, 0, GridKt._size(deadLetters)))
                .extracting(DeliveryLog.Entry::id)
                .doesNotContain(dead);
        assertThat(_get(Span.class, spec -> spec.withId("delivery-counts")).getText())
                .as("queued again (or already sent by the mail worker)")
                .contains("dead 0");
    }

    private static int replayAudits(Tenant tenant) {
        // Read as the business, in a transaction: the audit log is under row level security.
        int[] count = {0};
        TestTenants.seed(
                tenant.id(),
                tx -> count[0] = tx.fetchCount(
                        AUDIT_LOG,
                        AUDIT_LOG
                                .ACTION
                                .eq("notification-replay")
                                .and(AUDIT_LOG.REASON.eq("SMTP relay was down, ticket OPS-42"))));
        return count[0];
    }

    private void awaitBadge(long expected) {
        // In the test's thread: it holds the Vaadin session, as a request would.
        await().atMost(PATIENCE).pollInSameThread().untilAsserted(() -> {
            MockVaadin.clientRoundtrip(false);
            assertThat(bell().unread()).isEqualTo(expected);
        });
    }

    private static InboxBell bell() {
        return _get(InboxBell.class, spec -> spec.withId(InboxBell.ID));
    }

    private static List<Div> rows() {
        return _find(Div.class, spec -> spec.withClasses("inbox-entry"));
    }

    private static List<String> titles() {
        return _find(Span.class, spec -> spec.withClasses("inbox-title")).stream()
                .map(Span::getText)
                .toList();
    }

    private static List<String> times() {
        return _find(Span.class, spec -> spec.withClasses("inbox-time")).stream()
                .map(Span::getText)
                .toList();
    }

    private static Checkbox checkbox(NotificationType type, Channel channel) {
        return _get(Checkbox.class, spec -> spec.withId("pref-" + type.key() + "-" + channel.column()));
    }

    private static Object currentView() {
        return UI.getCurrent().getInternals().getActiveRouterTargetsChain().getFirst();
    }

    private void signIn(Team.Person person) throws Exception {
        signOut();
        signedIn = team.signIn(person);
    }

    private void signOut() throws Exception {
        if (signedIn != null) {
            signedIn.close();
            signedIn = null;
        }
    }

    private static void navigate(String location) {
        UI.getCurrent().navigate(location);
    }
}
