package io.loadwise.tenancy;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules for a storefront address {@code /t/<slug>}: the {@code tenants_slug_format} constraint
 * of the schema, plus words Loadwise keeps for itself.
 */
public final class Slugs {

    /** The same pattern as the {@code tenants_slug_format} check constraint. */
    private static final Pattern FORMAT = Pattern.compile("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$");

    /** Names of our own pages and roles: a business called "Admin" must not look like the console. */
    private static final Set<String> RESERVED = Set.of(
            "admin",
            "api",
            "app",
            "auth",
            "billing",
            "coach",
            "coaches",
            "client",
            "clients",
            "help",
            "login",
            "logout",
            "loadwise",
            "me",
            "oauth2",
            "portal",
            "settings",
            "signup",
            "static",
            "support",
            "t",
            "team",
            "tenant",
            "tenants",
            "tenant-logos",
            "welcome",
            "www");

    private Slugs() {}

    /** Why {@code slug} can't be used (format or reserved), or empty when it can. */
    public static Optional<String> problem(String slug) {
        if (slug.isBlank()) {
            return Optional.of("Choose an address for your storefront.");
        }
        if (!FORMAT.matcher(slug).matches()) {
            return Optional.of("Use 1 to 63 lower-case letters, digits and hyphens, starting and ending with a"
                    + " letter or digit.");
        }
        if (RESERVED.contains(slug)) {
            return Optional.of("'" + slug + "' is reserved by Loadwise. Choose another address.");
        }
        return Optional.empty();
    }

    /** A slug derived from a business name: "Stride Coaching!" becomes "stride-coaching". */
    public static String suggest(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
        String slug = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > 63) {
            slug = slug.substring(0, 63).replaceAll("-+$", "");
        }
        return slug;
    }
}
