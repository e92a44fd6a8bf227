package io.loadwise.notifications.templates;

import io.loadwise.notifications.NotificationRenderer;
import io.loadwise.notifications.NotificationType;
import io.loadwise.notifications.NotificationsProperties;
import io.loadwise.notifications.RenderRequest;
import io.loadwise.notifications.RenderedInApp;
import io.loadwise.notifications.RenderedMail;
import io.loadwise.notifications.SecretLinks;
import io.loadwise.notifications.TemplateVariableMissingException;
import io.loadwise.notifications.UnsubscribeLinks;
import io.loadwise.notifications.templates.internal.Brand;
import io.loadwise.notifications.templates.internal.Brands;
import io.loadwise.notifications.templates.internal.Formats;
import io.loadwise.notifications.templates.internal.NotificationMessages;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders every notification type from {@code notifications/templates/<type-key>.html|.txt} and the
 * {@code notifications/messages} bundles, in the recipient's language and time zone, with the
 * business's name, colour and logo.
 *
 * <p>Besides the model (checked against {@link NotificationType#required()} first, so nothing is
 * rendered half-way), templates see: {@code recipientName}, {@code recipientRole} ({@code client}
 * or {@code coach}), {@code tenantName}, {@code tenantSlug}, {@code brandColor}, {@code
 * brandTextColor}, {@code logoUrl}, {@code actionUrl}, {@code actionLabel}, {@code preferencesUrl},
 * {@code unsubscribeUrl}, {@code transactional}, {@code subject}, {@code lang}, {@code fmt} (dates,
 * times, money, numbers), every {@code xMinor} amount as money under {@code x} (e.g. {@code
 * amountTotal}), {@code kindIntro} (the opening for a plan revision's {@code revisionKind}, when the
 * model names one), and per type a few prepared values (see {@link #prepare}).
 *
 * <p>User content (names, plan names, reasons) only ever goes out through {@code th:text}: HTML
 * escapes it, and subjects lose line breaks, which would start new mail headers.
 */
@Component
class ThymeleafNotificationRenderer implements NotificationRenderer {

    /** Coaches manage their notifications in the coach app; clients in their portal at the storefront. */
    static final String COACH_PREFERENCES = "/notifications/preferences";

    static final String CLIENT_PREFERENCES = "/t/%s/me/notifications";

    /** In-app entries are short: a long reason is cut here, and the whole reason is one click away. */
    static final int IN_APP_VALUE_LIMIT = 140;

    private static final Pattern LINE_BREAKS = Pattern.compile("[\\r\\n\\u2028\\u2029]+");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n[ \\t]*(\\n[ \\t]*)+\\n");

    /**
     * The values each type's subject, in-app title and body, and action label take as {0}, {1}, ...
     * (the templates call the same messages with the same values by name).
     */
    private static final Map<NotificationType, List<String>> MESSAGE_ARGS = Map.ofEntries(
            Map.entry(NotificationType.CLIENT_INVITE, List.of("tenantName", "invitedBy")),
            Map.entry(NotificationType.COACH_INVITE, List.of("tenantName", "invitedBy", "roleLabel")),
            Map.entry(NotificationType.SIGNUP_CONFIRMATION, List.of("tenantName")),
            Map.entry(NotificationType.RECEIPT, List.of("tenantName", "offerTitle", "amountTotal", "paidAtText")),
            Map.entry(NotificationType.COACHING_STARTED, List.of("tenantName", "offerTitle")),
            Map.entry(NotificationType.RENEWAL_FAILED, List.of("tenantName", "offerTitle")),
            Map.entry(NotificationType.COACHING_CANCELED, List.of("tenantName", "offerTitle")),
            Map.entry(NotificationType.REFUND_ISSUED, List.of("tenantName", "offerTitle", "amount")),
            Map.entry(NotificationType.DISPUTE_OPENED, List.of("clientName", "amount")),
            Map.entry(NotificationType.PLAN_ASSIGNED, List.of("tenantName", "planName")),
            Map.entry(NotificationType.PLAN_ADJUSTED, List.of("planName", "reason")),
            Map.entry(NotificationType.MISSED_SESSIONS, List.of("planName", "missedCount")),
            Map.entry(NotificationType.PLAN_CHANGED_BY_ENGINE, List.of("clientName", "planName", "reason")),
            Map.entry(NotificationType.ADJUSTMENT_PROPOSED, List.of("clientName", "planName", "reason")),
            Map.entry(NotificationType.PAIN_SPIKE, List.of("clientName", "detail")),
            Map.entry(NotificationType.NEW_MESSAGE, List.of("authorName", "clientName")),
            Map.entry(
                    NotificationType.WEEKLY_SUMMARY,
                    List.of("weekStartDate", "openFlags", "newClients", "revenue", "tenantName")),
            Map.entry(NotificationType.DAILY_DIGEST, List.of("itemCount", "tenantName")));

    private static final List<String> OFFER_KINDS = List.of("guide", "custom_plan", "coaching");

    private final ITemplateEngine engine;
    private final NotificationMessages messages;
    private final Brands brands;
    private final Supplier<List<SecretLinks>> secretLinks;
    private final UnsubscribeLinks unsubscribeLinks;
    private final NotificationsProperties properties;

    @Autowired
    ThymeleafNotificationRenderer(
            @Qualifier("notificationTemplateEngine") ITemplateEngine engine,
            NotificationMessages messages,
            Brands brands,
            ObjectProvider<SecretLinks> secretLinks,
            UnsubscribeLinks unsubscribeLinks,
            NotificationsProperties properties) {
        this(engine, messages, brands, once(() -> secretLinks.orderedStream().toList()), unsubscribeLinks, properties);
    }

    ThymeleafNotificationRenderer(
            ITemplateEngine engine,
            NotificationMessages messages,
            Brands brands,
            Supplier<List<SecretLinks>> secretLinks,
            UnsubscribeLinks unsubscribeLinks,
            NotificationsProperties properties) {
        this.engine = engine;
        this.messages = messages;
        this.brands = brands;
        this.secretLinks = secretLinks;
        this.unsubscribeLinks = unsubscribeLinks;
        this.properties = properties;
    }

    /** The issuers are singletons: looked up at the first mail (after start-up), not at every one. */
    private static <T> Supplier<T> once(Supplier<T> lookup) {
        return new Supplier<>() {
            private volatile @Nullable T value;

            @Override
            public T get() {
                T found = value;
                if (found == null) {
                    found = lookup.get();
                    value = found;
                }
                return found;
            }
        };
    }

    @Override
    public RenderedMail mail(RenderRequest request) {
        requireModel(request);
        Brand brand = brands.of(request.tenantId());
        Map<String, Object> vars = variables(request, brand);
        String actionUrl = issueActionUrl(request);
        vars.put("actionUrl", actionUrl);
        String unsubscribeUrl = request.type().transactional()
                ? null
                : unsubscribeLinks.url(request.tenantId(), request.recipient().email(), request.type());
        vars.put("unsubscribeUrl", unsubscribeUrl);
        String subject = oneLine(message(request, "subject", vars, Integer.MAX_VALUE));
        vars.put("subject", subject);

        Context context = new Context(request.locale(), vars);
        String html = engine.process(request.type().key() + ".html", context);
        String text = BLANK_LINES
                .matcher(engine.process(request.type().key() + ".txt", context))
                .replaceAll("\n\n")
                .strip();
        return new RenderedMail(subject, text + "\n", html, oneLine(brand.name()), unsubscribeUrl);
    }

    @Override
    public RenderedInApp inApp(RenderRequest request) {
        requireModel(request);
        Brand brand = brands.of(request.tenantId());
        Map<String, Object> vars = variables(request, brand);
        // Stored and shown in the app: only the notification's own app link, never a secret one.
        return new RenderedInApp(
                oneLine(message(request, "inapp.title", vars, IN_APP_VALUE_LIMIT)),
                oneLine(message(request, "inapp.body", vars, IN_APP_VALUE_LIMIT)),
                request.link());
    }

    private static void requireModel(RenderRequest request) {
        List<String> missing = request.type().required().stream()
                .filter(key -> request.model().get(key) == null)
                .toList();
        if (!missing.isEmpty()) {
            throw new TemplateVariableMissingException(request.type(), missing);
        }
        if (request.type() == NotificationType.DAILY_DIGEST && !(request.model().get("items") instanceof List<?>)) {
            throw new TemplateVariableMissingException(request.type(), List.of("items"));
        }
    }

    private Map<String, Object> variables(RenderRequest request, Brand brand) {
        NotificationType type = request.type();
        Locale locale = request.locale();
        Formats fmt = Formats.of(locale, request.zone());
        Map<String, Object> vars = new HashMap<>(request.model());
        String role = recipientRole(request);
        vars.put("recipientName", request.recipient().name());
        vars.put("recipientRole", role);
        vars.put("tenantName", brand.name());
        vars.put("tenantSlug", brand.slug());
        vars.put("brandColor", brand.color());
        vars.put("brandTextColor", brand.textColor());
        vars.put("logoUrl", brand.logoUrl());
        vars.put("transactional", type.transactional());
        vars.put("lang", locale.getLanguage().isEmpty() ? "en" : locale.getLanguage());
        vars.put("fmt", fmt);
        vars.put(
                "preferencesUrl",
                properties.link(
                        "client".equals(role) ? CLIENT_PREFERENCES.formatted(brand.slug()) : COACH_PREFERENCES));
        Object currency = request.model().get("currency");
        if (currency != null) {
            for (Map.Entry<String, Object> entry : request.model().entrySet()) {
                String key = entry.getKey();
                if (key.endsWith("Minor") && key.length() > "Minor".length() && entry.getValue() != null) {
                    vars.putIfAbsent(
                            key.substring(0, key.length() - "Minor".length()), fmt.money(entry.getValue(), currency));
                }
            }
        }
        Object revisionKind = request.model().get("revisionKind");
        if (revisionKind != null) {
            // A plan revision's kind (dial_back, progression, ...) picks a more telling subject and opening.
            String kind =
                    revisionKind.toString().strip().toLowerCase(Locale.ROOT).replace('-', '_');
            vars.put("revisionKindCode", kind);
            if (messages.has(type.key() + ".intro." + kind, locale)) {
                vars.put("kindIntro", message(request, "intro", vars, Integer.MAX_VALUE));
            }
        }
        prepare(type, request, vars, fmt);
        vars.put("actionLabel", message(request, "action", vars, Integer.MAX_VALUE));
        return vars;
    }

    /** Values some types' messages and templates need ready-made: labels, formatted dates, digest lines. */
    private void prepare(NotificationType type, RenderRequest request, Map<String, Object> vars, Formats fmt) {
        Locale locale = request.locale();
        switch (type) {
            case COACH_INVITE ->
                vars.put(
                        "roleLabel",
                        messages.get(
                                "owner".equals(String.valueOf(vars.get("role")))
                                        ? "coach-invite.role.owner"
                                        : "coach-invite.role.coach",
                                locale));
            case RECEIPT -> {
                String kind = String.valueOf(vars.get("offerKind")).toLowerCase(Locale.ROOT);
                vars.put("receiptKind", OFFER_KINDS.contains(kind) ? kind : "other");
                vars.put("paidAtText", fmt.dateTime(vars.get("paidAt")));
            }
            case MISSED_SESSIONS -> vars.put("missedCount", number(vars.get("missedCount")));
            case WEEKLY_SUMMARY -> {
                vars.put("weekStartDate", fmt.date(vars.get("weekStart")));
                vars.put("openFlags", number(vars.get("openFlags")));
                vars.put("newClients", number(vars.get("newClients")));
            }
            case DAILY_DIGEST -> {
                List<Map<String, Object>> lines = digestLines((List<?>) vars.get("items"), locale, fmt);
                vars.put("digestItems", lines);
                vars.put("itemCount", lines.size());
            }
            default -> {}
        }
    }

    private List<Map<String, Object>> digestLines(List<?> items, Locale locale, Formats fmt) {
        List<Map<String, Object>> lines = new ArrayList<>(items.size());
        for (Object item : items) {
            if (!(item instanceof Map<?, ?> map)) {
                continue;
            }
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("label", typeLabel(map.get("type"), locale));
            line.put(
                    "title",
                    String.valueOf(Optional.ofNullable(map.get("title")).orElse("")));
            line.put("body", map.get("body"));
            line.put("time", map.get("occurredAt") == null ? "" : fmt.dateTime(map.get("occurredAt")));
            line.put("url", appLink(map.get("link")));
            lines.add(line);
        }
        return lines;
    }

    private String typeLabel(@Nullable Object typeKey, Locale locale) {
        try {
            return messages.get(
                    NotificationType.fromKey(String.valueOf(typeKey)).key() + ".label", locale);
        } catch (IllegalArgumentException unknownType) {
            return messages.get("notification.label", locale);
        }
    }

    /** Only app-relative links become absolute: an item can't smuggle another site into a mail. */
    private @Nullable String appLink(@Nullable Object link) {
        if (link instanceof String path && path.startsWith("/") && !path.startsWith("//")) {
            return properties.link(path);
        }
        return null;
    }

    private @Nullable String issueActionUrl(RenderRequest request) {
        for (SecretLinks issuer : secretLinks.get()) {
            Optional<String> issued = issuer.issue(request);
            if (issued.isPresent()) {
                return issued.get();
            }
        }
        return request.link() == null ? null : appLinkOrAbsolute(request.link());
    }

    private String appLinkOrAbsolute(String link) {
        return link.startsWith("http://") || link.startsWith("https://") ? link : properties.link(link);
    }

    /**
     * Client or coach, for the preferences page a mail links to. The audience says it for most
     * types; a message can reach either, so the consumer may say {@code recipientRole}, else a link
     * into the storefront portal ({@code /t/...}) means a client.
     */
    private static String recipientRole(RenderRequest request) {
        Object given = request.model().get("recipientRole");
        if ("client".equals(given) || "coach".equals(given)) {
            return (String) given;
        }
        return switch (request.type().audience()) {
            case CLIENT -> "client";
            case COACH -> "coach";
            case ANYONE -> request.link() != null && request.link().startsWith("/t/") ? "client" : "coach";
        };
    }

    private String message(RenderRequest request, String part, Map<String, Object> vars, int valueLimit) {
        String prefix = request.type().key() + ".";
        String key = prefix + part;
        if (request.type() == NotificationType.RECEIPT && "action".equals(part)) {
            String kindKey = key + "." + vars.get("receiptKind");
            key = messages.has(kindKey, request.locale()) ? kindKey : key;
        }
        Object revisionKind = vars.get("revisionKindCode");
        if (revisionKind != null && messages.has(key + "." + revisionKind, request.locale())) {
            key = key + "." + revisionKind;
        }
        List<String> names = MESSAGE_ARGS.getOrDefault(request.type(), List.of());
        Object[] args = new Object[names.size()];
        for (int i = 0; i < args.length; i++) {
            Object value = vars.get(names.get(i));
            args[i] = value instanceof Number
                    ? value
                    : shorten(value == null ? "" : oneLine(value.toString()), valueLimit);
        }
        return messages.get(key, request.locale(), args);
    }

    private static Object number(@Nullable Object value) {
        if (value == null || value instanceof Number) {
            return value == null ? 0 : value;
        }
        try {
            return Formats.asLong(value);
        } catch (ArithmeticException | NumberFormatException notANumber) {
            return value;
        }
    }

    private static String shorten(String value, int limit) {
        if (value.length() <= limit) {
            return value;
        }
        return value.substring(0, limit - 1).strip() + "…";
    }

    private static String oneLine(String value) {
        return LINE_BREAKS.matcher(value).replaceAll(" ").strip();
    }
}
