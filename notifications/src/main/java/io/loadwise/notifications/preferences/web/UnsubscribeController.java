package io.loadwise.notifications.preferences.web;

import io.loadwise.notifications.NotificationType;
import io.loadwise.notifications.RecipientPreferences;
import io.loadwise.notifications.UnsubscribeLinks;
import io.loadwise.tenancy.Tenant;
import io.loadwise.tenancy.TenantDirectory;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.HtmlUtils;

/**
 * The public unsubscribe page of every switchable mail. GET shows what the link would switch off
 * and a button (mail scanners open links: a GET changes nothing); POST — the button, or a mail
 * client's RFC 8058 one-click POST of {@code List-Unsubscribe=One-Click} — switches that type's
 * email off. No login and no CSRF token: the HMAC-signed token is the proof. Pages in English or
 * German by Accept-Language; everything put into the HTML is escaped.
 */
@Controller
@RequestMapping(UnsubscribeLinks.PATH)
class UnsubscribeController {

    private final UnsubscribeLinks links;
    private final RecipientPreferences preferences;
    private final TenantDirectory tenants;

    UnsubscribeController(UnsubscribeLinks links, RecipientPreferences preferences, TenantDirectory tenants) {
        this.links = links;
        this.preferences = preferences;
        this.tenants = tenants;
    }

    @GetMapping
    ResponseEntity<String> confirm(
            @RequestParam(required = false) @Nullable String token,
            @RequestHeader(value = "Accept-Language", required = false) @Nullable String acceptLanguage) {
        boolean de = german(acceptLanguage);
        Optional<UnsubscribeLinks.Target> target = verify(token);
        if (target.isEmpty()) {
            return refused(de);
        }
        UnsubscribeLinks.Target t = target.get();
        String business = businessName(t);
        String type = label(t.type(), de);
        String action = UnsubscribeLinks.PATH + "?token=" + token;
        String body = de
                ? "<p>Keine E-Mails mehr von <strong>%s</strong> zu „%s“ an %s?</p>"
                        .formatted(esc(business), esc(type), esc(t.email()))
                : "<p>Stop emails from <strong>%s</strong> about “%s” to %s?</p>"
                        .formatted(esc(business), esc(type), esc(t.email()));
        body += """
                <form method="post" action="%s">
                <input type="hidden" name="List-Unsubscribe" value="One-Click">
                <button type="submit">%s</button>
                </form>
                """.formatted(esc(action), de ? "Abmelden" : "Unsubscribe");
        return page(HttpStatus.OK, de, de ? "Abmelden" : "Unsubscribe", body);
    }

    @PostMapping
    ResponseEntity<String> unsubscribe(
            @RequestParam(required = false) @Nullable String token,
            @RequestHeader(value = "Accept-Language", required = false) @Nullable String acceptLanguage) {
        boolean de = german(acceptLanguage);
        Optional<UnsubscribeLinks.Target> target = verify(token);
        if (target.isEmpty()) {
            return refused(de);
        }
        UnsubscribeLinks.Target t = target.get();
        if (t.type().transactional()) {
            // Never issued for these; a link for one is refused like a damaged one.
            return page(
                    HttpStatus.BAD_REQUEST,
                    de,
                    de ? "Nicht möglich" : "Not possible",
                    de
                            ? "<p>Diese E-Mails (Belege, Konto) lassen sich nicht abbestellen.</p>"
                            : "<p>These emails (receipts, account mail) can't be switched off.</p>");
        }
        preferences.unsubscribe(t.tenantId(), t.email(), t.type());
        String business = businessName(t);
        String type = label(t.type(), de);
        return page(
                HttpStatus.OK,
                de,
                de ? "Abgemeldet" : "Unsubscribed",
                de
                        ? "<p>Erledigt: %s bekommt von <strong>%s</strong> keine E-Mails zu „%s“ mehr.</p>"
                                .formatted(esc(t.email()), esc(business), esc(type))
                        : "<p>Done: %s gets no more emails from <strong>%s</strong> about “%s”.</p>"
                                .formatted(esc(t.email()), esc(business), esc(type)));
    }

    private Optional<UnsubscribeLinks.Target> verify(@Nullable String token) {
        return token == null || token.isBlank() ? Optional.empty() : links.verify(token.strip());
    }

    private String businessName(UnsubscribeLinks.Target target) {
        return tenants.findById(target.tenantId()).map(Tenant::name).orElse("Loadwise");
    }

    private static ResponseEntity<String> refused(boolean de) {
        return page(
                HttpStatus.FORBIDDEN,
                de,
                de ? "Link ungültig" : "Invalid link",
                de
                        ? "<p>Dieser Abmeldelink ist beschädigt oder ungültig. Bitte nutze den Link aus der E-Mail"
                                + " unverändert.</p>"
                        : "<p>This unsubscribe link is damaged or not valid. Please use the link from the email"
                                + " exactly as it is.</p>");
    }

    private static ResponseEntity<String> page(HttpStatus status, boolean de, String title, String body) {
        String html = """
                <!DOCTYPE html>
                <html lang="%s">
                <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="robots" content="noindex"><title>%s</title></head>
                <body style="font-family: sans-serif; line-height: 1.5; max-width: 36em; margin: 3em auto;">
                <h1>%s</h1>
                %s</body>
                </html>
                """.formatted(de ? "de" : "en", esc(title), esc(title), body);
        return ResponseEntity.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .header("Referrer-Policy", "no-referrer")
                .body(html);
    }

    static boolean german(@Nullable String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return false;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                String language = range.getRange().split("-")[0];
                if (language.equals("de")) {
                    return true;
                }
                if (language.equals("en")) {
                    return false;
                }
            }
        } catch (IllegalArgumentException malformed) {
            return false;
        }
        return false;
    }

    private static final Map<NotificationType, String[]> LABELS = Map.ofEntries(
            Map.entry(NotificationType.PLAN_ASSIGNED, new String[] {"new training plans", "neue Trainingspläne"}),
            Map.entry(NotificationType.PLAN_ADJUSTED, new String[] {"plan changes", "Planänderungen"}),
            Map.entry(NotificationType.MISSED_SESSIONS, new String[] {"missed sessions", "verpasste Einheiten"}),
            Map.entry(
                    NotificationType.PLAN_CHANGED_BY_ENGINE,
                    new String[] {"automatic plan changes", "automatische Planänderungen"}),
            Map.entry(
                    NotificationType.ADJUSTMENT_PROPOSED,
                    new String[] {"proposed adjustments", "vorgeschlagene Anpassungen"}),
            Map.entry(NotificationType.PAIN_SPIKE, new String[] {"pain alerts", "Schmerz-Warnungen"}),
            Map.entry(NotificationType.NEW_MESSAGE, new String[] {"new messages", "neue Nachrichten"}),
            Map.entry(NotificationType.WEEKLY_SUMMARY, new String[] {"the weekly summary", "die Wochenübersicht"}),
            Map.entry(NotificationType.DAILY_DIGEST, new String[] {"the daily digest", "die tägliche Zusammenfassung"}),
            Map.entry(NotificationType.DISPUTE_OPENED, new String[] {"payment disputes", "Zahlungsstreitfälle"}));

    static String label(NotificationType type, boolean de) {
        String[] label = LABELS.get(type);
        return label == null ? type.key() : label[de ? 1 : 0];
    }

    private static String esc(String value) {
        return HtmlUtils.htmlEscape(value, StandardCharsets.UTF_8.name());
    }
}
