package io.loadwise.notifications.invites;

import io.loadwise.notifications.Mail;
import io.loadwise.notifications.NotificationsProperties;
import io.loadwise.onboarding.TenantSignedUp;
import io.loadwise.roster.ClientInvited;
import io.loadwise.team.CoachInvited;
import org.springframework.stereotype.Component;

/**
 * Renders the mails that carry an account link: a client's invite, a coach's invite and the
 * signup's confirmation. Names come from coaches and clients, so the HTML part escapes every one of
 * them, and the subject loses line breaks (they would start new mail headers).
 */
@Component
class InviteMailRenderer {

    private final String publicUrl;

    InviteMailRenderer(NotificationsProperties properties) {
        String url = properties.publicUrl().toString();
        this.publicUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    Mail render(ClientInvited invite, String token) {
        return mail(
                invite.tenantName() + " invited you to Loadwise",
                invite.displayName(),
                invite.invitedBy() + " invited you to " + invite.tenantName() + " on Loadwise, where you'll get your"
                        + " training plan, log your check-ins and talk with your coach.",
                "Set your password and sign in",
                link(token),
                "If you weren't expecting this, you can ignore this email.");
    }

    Mail render(CoachInvited invite, String token) {
        String role = "owner".equals(invite.role()) ? "an owner" : "a coach";
        return mail(
                invite.tenantName() + " invited you to coach on Loadwise",
                invite.displayName(),
                invite.invitedBy() + " invited you to join " + invite.tenantName() + " on Loadwise as " + role + ".",
                "Set your password and sign in",
                link(token),
                "If you weren't expecting this, you can ignore this email.");
    }

    Mail render(TenantSignedUp signup, String token) {
        return mail(
                "Confirm your email to open " + signup.tenantName() + " on Loadwise",
                signup.ownerName(),
                "Thanks for signing " + signup.tenantName() + " up for Loadwise. Confirm your email address and"
                        + " choose a password to open your business and its storefront.",
                "Confirm your email and choose a password",
                link(token),
                "If you didn't sign up, you can ignore this email: nothing opens without this link.");
    }

    /** The set-password page of an account link. */
    String link(String token) {
        return publicUrl + "/welcome/" + token;
    }

    private static Mail mail(String subject, String name, String message, String action, String link, String footer) {
        return Mail.compose(subject, name, java.util.List.of(message), action, link, footer);
    }
}
