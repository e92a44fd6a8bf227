package io.loadwise.notifications.invites;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadwise.notifications.Mail;
import io.loadwise.notifications.NotificationsProperties;
import io.loadwise.onboarding.TenantSignedUp;
import io.loadwise.roster.ClientId;
import io.loadwise.roster.ClientInvited;
import io.loadwise.team.CoachInvited;
import io.loadwise.tenancy.TenantId;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class InviteMailRendererTests {

    InviteMailRenderer renderer = new InviteMailRenderer(new NotificationsProperties(
            URI.create("https://app.loadwise.test/"), "Loadwise <no-reply@loadwise.test>", null));

    @Test
    void subject_names_the_coaching_business() {
        Mail mail = renderer.render(invite("Stride Coaching", "Dana Client", "Coach Carla"), "tok3n");

        assertThat(mail.subject()).isEqualTo("Stride Coaching invited you to Loadwise");
    }

    @Test
    void both_parts_carry_the_set_password_link_under_the_public_url() {
        Mail mail = renderer.render(invite("Stride Coaching", "Dana Client", "Coach Carla"), "tok3n");

        assertThat(mail.text()).contains("https://app.loadwise.test/welcome/tok3n");
        assertThat(mail.html()).contains("href=\"https://app.loadwise.test/welcome/tok3n\"");
    }

    @Test
    void text_part_greets_the_client_and_names_the_inviter() {
        Mail mail = renderer.render(invite("Stride Coaching", "Dana Client", "Coach Carla"), "tok3n");

        assertThat(mail.text()).startsWith("Hi Dana Client,").contains("Coach Carla invited you to Stride Coaching");
    }

    @Test
    void html_part_escapes_names_people_typed() {
        Mail mail = renderer.render(
                invite("Lift & <b>Run</b>", "<script>alert(1)</script>", "Carla \"The Coach\" O'Neil"), "tok3n");

        assertThat(mail.html())
                .contains("Lift &amp; &lt;b&gt;Run&lt;/b&gt;")
                .contains("Hi &lt;script&gt;alert(1)&lt;/script&gt;,")
                .contains("Carla &quot;The Coach&quot; O&#39;Neil")
                .doesNotContain("<script>")
                .doesNotContain("<b>Run</b>");
        // Plain text needs no escaping: it is shown as typed.
        assertThat(mail.text()).contains("Hi <script>alert(1)</script>,");
    }

    @Test
    void a_line_break_in_the_business_name_cannot_reach_the_mail_headers() {
        Mail mail = renderer.render(invite("Stride\r\nBcc: victim@example.com", "Dana", "Carla"), "tok3n");

        assertThat(mail.subject()).doesNotContain("\r").doesNotContain("\n");
        assertThat(mail.subject()).isEqualTo("Stride Bcc: victim@example.com invited you to Loadwise");
    }

    @Test
    void public_url_without_trailing_slash_gives_the_same_link() {
        var noSlash =
                new InviteMailRenderer(new NotificationsProperties(URI.create("http://localhost:8080"), "x@y.z", null));

        assertThat(noSlash.link("tok3n")).isEqualTo("http://localhost:8080/welcome/tok3n");
    }

    @Test
    void a_coach_invite_escapes_names_and_says_the_role() {
        Mail mail = renderer.render(
                new CoachInvited(
                        UUID.randomUUID(),
                        new TenantId(UUID.randomUUID()),
                        UUID.randomUUID(),
                        "sam@example.com",
                        "Sam <img src=x onerror=alert(1)>",
                        "coach",
                        "Stride & Co",
                        "stride",
                        "Ruth",
                        Instant.now()),
                "tok3n");

        assertThat(mail.subject()).isEqualTo("Stride & Co invited you to coach on Loadwise");
        assertThat(mail.html())
                .contains("Sam &lt;img src=x onerror=alert(1)&gt;")
                .contains("as a coach")
                .doesNotContain("<img");
        assertThat(mail.text()).contains("https://app.loadwise.test/welcome/tok3n");
    }

    @Test
    void the_signup_mail_asks_the_owner_to_confirm_their_email() {
        Mail mail = renderer.render(
                new TenantSignedUp(
                        UUID.randomUUID(),
                        new TenantId(UUID.randomUUID()),
                        UUID.randomUUID(),
                        "ruth@example.com",
                        "Ruth <b>O</b>",
                        "Stride Coaching",
                        "stride",
                        Instant.now()),
                "tok3n");

        assertThat(mail.subject()).isEqualTo("Confirm your email to open Stride Coaching on Loadwise");
        assertThat(mail.html()).contains("Hi Ruth &lt;b&gt;O&lt;/b&gt;,").contains("/welcome/tok3n");
    }

    private static ClientInvited invite(String tenantName, String clientName, String invitedBy) {
        return new ClientInvited(
                UUID.randomUUID(),
                new TenantId(UUID.randomUUID()),
                new ClientId(UUID.randomUUID()),
                UUID.randomUUID(),
                "dana@example.com",
                clientName,
                tenantName,
                "stride-coaching",
                invitedBy,
                Instant.parse("2026-11-27T10:00:00Z"));
    }
}
