package io.loadwise.ui.billing;

import java.util.Locale;

/**
 * Writes an SVG document, the way platform-api's check-in charts do: every text and attribute
 * value goes through {@link #escape}, so text a person typed (a business name) never becomes markup.
 */
final class Svg {

    private final StringBuilder out = new StringBuilder();

    Svg(int width, int height, String title, String description) {
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
                .append(width)
                .append(' ')
                .append(height)
                .append("\" width=\"100%\" preserveAspectRatio=\"xMidYMid meet\" role=\"img\"")
                .append(" aria-labelledby=\"chart-title chart-desc\"")
                .append(" font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif\" font-size=\"12\">");
        out.append("<title id=\"chart-title\">").append(escape(title)).append("</title>");
        out.append("<desc id=\"chart-desc\">").append(escape(description)).append("</desc>");
        out.append("<rect x=\"0\" y=\"0\" width=\"")
                .append(width)
                .append("\" height=\"")
                .append(height)
                .append("\" fill=\"#ffffff\"/>");
    }

    Svg rect(double x, double y, double w, double h, String fill) {
        out.append("<rect x=\"")
                .append(num(x))
                .append("\" y=\"")
                .append(num(y))
                .append("\" width=\"")
                .append(num(Math.max(0, w)))
                .append("\" height=\"")
                .append(num(Math.max(0, h)))
                .append("\" fill=\"")
                .append(escape(fill))
                .append("\"/>");
        return this;
    }

    /** A bar with a tooltip (shown on hover by browsers, read by screen readers). */
    Svg bar(double x, double y, double w, double h, String fill, String tooltip) {
        out.append("<rect x=\"")
                .append(num(x))
                .append("\" y=\"")
                .append(num(y))
                .append("\" width=\"")
                .append(num(Math.max(0, w)))
                .append("\" height=\"")
                .append(num(Math.max(0, h)))
                .append("\" fill=\"")
                .append(escape(fill))
                .append("\"><title>")
                .append(escape(tooltip))
                .append("</title></rect>");
        return this;
    }

    Svg line(double x1, double y1, double x2, double y2, String style) {
        out.append("<line x1=\"")
                .append(num(x1))
                .append("\" y1=\"")
                .append(num(y1))
                .append("\" x2=\"")
                .append(num(x2))
                .append("\" y2=\"")
                .append(num(y2))
                .append("\" ")
                .append(style)
                .append("/>");
        return this;
    }

    /** Text at a point; {@code anchor} is start, middle or end. */
    Svg text(double x, double y, String text, String anchor, String style) {
        out.append("<text x=\"")
                .append(num(x))
                .append("\" y=\"")
                .append(num(y))
                .append("\" text-anchor=\"")
                .append(escape(anchor))
                .append("\" ")
                .append(style)
                .append('>')
                .append(escape(text))
                .append("</text>");
        return this;
    }

    String finish() {
        return out.append("</svg>").toString();
    }

    /** Escapes the five XML special characters, and drops control characters XML 1.0 cannot hold. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> {
                    if ((c >= 0x20 || c == '\t' || c == '\n' || c == '\r')
                            && c != 0xFFFE
                            && c != 0xFFFF
                            && !(c >= 0xD800 && c <= 0xDFFF)) {
                        escaped.appendCodePoint(c);
                    }
                }
            }
        });
        return escaped.toString();
    }

    static String num(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
