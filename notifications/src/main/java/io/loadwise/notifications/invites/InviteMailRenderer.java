package io.loadwise.notifications.invites;

import io.loadwise.notifications.NotificationsProperties;
import io.loadwise.roster.ClientInvited;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Renders the invite email. Names come from coaches and clients, so the HTML part escapes every
 * one of them, and the subject loses line breaks (they would start new mail headers).
 */
@Component
class InviteMailRenderer {

    private final String publicUrl;

    InviteMailRenderer(NotificationsProperties properties) {
        String url = properties.publicUrl().toString();
        this.publicUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    InviteMail render(ClientInvited invite) {
        String link = link(invite.tenantSlug());
        String subject = oneLine(invite.tenantName() + " invited you to Loadwise");
        String text = """
                Hi %s,

                %s invited you to %s on Loadwise, where you'll get your training plan, log your \
                check-ins and talk with your coach.

                Set your password and sign in here:
                %s

                If you weren't expecting this, you can ignore this email.
                """.formatted(invite.displayName(), invite.invitedBy(), invite.tenantName(), link);
        String html = """
                <!DOCTYPE html>
                <html lang="en">
                <body style="font-family: sans-serif; line-height: 1.5;">
                <p>Hi %s,</p>
                <p>%s invited you to <strong>%s</strong> on Loadwise, where you'll get your training plan, \
                log your check-ins and talk with your coach.</p>
                <p><a href="%s">Set your password and sign in</a></p>
                <p style="color: #666;">If you weren't expecting this, you can ignore this email.</p>
                </body>
                </html>
                """.formatted(
                escape(invite.displayName()), escape(invite.invitedBy()), escape(invite.tenantName()), escape(link));
        return new InviteMail(subject, text, html);
    }

    /** Where the invited client sets a password: the tenant's storefront, by slug. */
    String link(String tenantSlug) {
        return publicUrl + "/t/" + URLEncoder.encode(tenantSlug, StandardCharsets.UTF_8);
    }

    private static String escape(String value) {
        return HtmlUtils.htmlEscape(value, StandardCharsets.UTF_8.name());
    }

    private static String oneLine(String value) {
        return value.replaceAll("[\\r\\n]+", " ").strip();
    }
}
