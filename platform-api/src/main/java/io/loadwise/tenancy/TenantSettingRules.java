package io.loadwise.tenancy;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What a business's settings must look like, shared by the public signup and the settings page.
 * Each check throws {@link InvalidTenantSettingException} naming the field.
 */
public final class TenantSettingRules {

    public static final int MAX_NAME_LENGTH = 200;
    private static final Pattern COLOUR = Pattern.compile("^#[0-9a-fA-F]{6}$");
    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());

    private TenantSettingRules() {}

    /** The change with every value trimmed and normalized (colour lower-case, currency upper-case). */
    public static TenantSettingsChange validated(TenantSettingsChange change) {
        return new TenantSettingsChange(
                name(change.name()),
                slug(change.slug()),
                brandColor(change.brandColor()),
                currency(change.currency()),
                timeZone(change.timeZone()),
                locale(change.locale()));
    }

    public static String name(@Nullable String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) {
            throw new InvalidTenantSettingException("name", "Your business needs a name.");
        }
        if (trimmed.length() > MAX_NAME_LENGTH) {
            throw new InvalidTenantSettingException(
                    "name", "Keep the name to " + MAX_NAME_LENGTH + " characters or fewer.");
        }
        return trimmed;
    }

    public static String slug(@Nullable String slug) {
        String trimmed = slug == null ? "" : slug.strip();
        Slugs.problem(trimmed).ifPresent(problem -> {
            throw new InvalidTenantSettingException("slug", problem);
        });
        return trimmed;
    }

    public static @Nullable String brandColor(@Nullable String colour) {
        if (colour == null || colour.isBlank()) {
            return null;
        }
        String trimmed = colour.strip();
        if (!COLOUR.matcher(trimmed).matches()) {
            throw new InvalidTenantSettingException("brandColor", "Use a colour like #0f766e (# and six hex digits).");
        }
        return trimmed.toLowerCase(Locale.ROOT);
    }

    public static String currency(@Nullable String code) {
        String upper = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        try {
            if (upper.length() == 3) {
                return Currency.getInstance(upper).getCurrencyCode();
            }
        } catch (IllegalArgumentException e) {
            // Reported below, like any other unknown code.
        }
        throw new InvalidTenantSettingException(
                "currency", "'" + code + "' is not a currency code we know (ISO 4217, e.g. USD, EUR).");
    }

    public static String timeZone(@Nullable String zone) {
        String trimmed = zone == null ? "" : zone.strip();
        try {
            if (!trimmed.isEmpty()) {
                return ZoneId.of(trimmed).getId();
            }
        } catch (DateTimeException e) {
            // Reported below.
        }
        throw new InvalidTenantSettingException(
                "timeZone", "'" + zone + "' is not a time zone (use a name like Europe/Berlin).");
    }

    public static String locale(@Nullable String tag) {
        String trimmed = tag == null ? "" : tag.strip();
        Locale locale = Locale.forLanguageTag(trimmed);
        if (trimmed.isEmpty()
                || !LANGUAGES.contains(locale.getLanguage())
                || !locale.toLanguageTag().equalsIgnoreCase(trimmed)
                || trimmed.length() > 35) {
            throw new InvalidTenantSettingException(
                    "locale", "'" + tag + "' is not a language we know (use a tag like en, de or en-GB).");
        }
        return locale.toLanguageTag();
    }
}
