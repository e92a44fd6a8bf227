package io.loadwise.notifications.templates.internal;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * How a business looks in its mails.
 *
 * @param color a {@code #rrggbb} colour, safe to put in a style attribute
 * @param logoUrl the absolute, versioned address of its public logo; null without a logo
 */
public record Brand(
        String name,
        String slug,
        @Nullable String color,
        @Nullable String logoUrl) {

    /** A quiet slate, for businesses that chose no colour. */
    public static final String NEUTRAL_COLOR = "#334155";

    private static final Pattern HEX_COLOR = Pattern.compile("#[0-9a-fA-F]{6}");

    public Brand {
        // The colour goes into inline styles: only a plain hex colour may, whatever the database holds.
        color = color != null && HEX_COLOR.matcher(color).matches() ? color : NEUTRAL_COLOR;
    }

    /** White on dark brand colours, near-black on light ones (a yellow brand would hide white text). */
    public String textColor() {
        int rgb = Integer.parseInt(color.substring(1), 16);
        double luminance = (0.299 * ((rgb >> 16) & 0xff) + 0.587 * ((rgb >> 8) & 0xff) + 0.114 * (rgb & 0xff)) / 255;
        return luminance > 0.6 ? "#111827" : "#ffffff";
    }
}
