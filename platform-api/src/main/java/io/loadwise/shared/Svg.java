package io.loadwise.shared;

import java.util.Locale;

/**
 * Writes an SVG document (the server-rendered charts: pain, load, revenue). Every text and attribute value goes through {@link #escape}, so text a
 * person typed (an exercise name, a business name) can never become markup.
 */
public final class Svg {

    private final StringBuilder out = new StringBuilder();
    private final int width;
    private final int height;

    public Svg(int width, int height, String title, String description) {
        this.width = width;
        this.height = height;
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

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public Svg rect(double x, double y, double w, double h, String style) {
        out.append("<rect x=\"")
                .append(num(x))
                .append("\" y=\"")
                .append(num(y))
                .append("\" width=\"")
                .append(num(Math.max(0, w)))
                .append("\" height=\"")
                .append(num(Math.max(0, h)))
                .append("\" ")
                .append(style)
                .append("/>");
        return this;
    }

    /** A rectangle with a tooltip (shown on hover by browsers, read by screen readers). */
    public Svg rect(double x, double y, double w, double h, String style, String tooltip) {
        out.append("<rect x=\"")
                .append(num(x))
                .append("\" y=\"")
                .append(num(y))
                .append("\" width=\"")
                .append(num(Math.max(0, w)))
                .append("\" height=\"")
                .append(num(Math.max(0, h)))
                .append("\" ")
                .append(style)
                .append("><title>")
                .append(escape(tooltip))
                .append("</title></rect>");
        return this;
    }

    public Svg line(double x1, double y1, double x2, double y2, String style) {
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

    public Svg polyline(double[][] points, String style) {
        out.append("<polyline points=\"");
        for (int i = 0; i < points.length; i++) {
            if (i > 0) {
                out.append(' ');
            }
            out.append(num(points[i][0])).append(',').append(num(points[i][1]));
        }
        out.append("\" fill=\"none\" ").append(style).append("/>");
        return this;
    }

    public Svg circle(double cx, double cy, double r, String style, String tooltip) {
        out.append("<circle cx=\"")
                .append(num(cx))
                .append("\" cy=\"")
                .append(num(cy))
                .append("\" r=\"")
                .append(num(r))
                .append("\" ")
                .append(style)
                .append("><title>")
                .append(escape(tooltip))
                .append("</title></circle>");
        return this;
    }

    /** Text at a point; {@code anchor} is start, middle or end. */
    public Svg text(double x, double y, String text, String anchor, String style) {
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

    public Svg group(String attributes) {
        out.append("<g ").append(attributes).append('>');
        return this;
    }

    public Svg end() {
        out.append("</g>");
        return this;
    }

    public String finish() {
        return out.append("</svg>").toString();
    }

    /** Escapes the five XML special characters, and drops control characters XML 1.0 cannot hold. */
    public static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        if (c != 0xFFFE && c != 0xFFFF && !(c >= 0xD800 && c <= 0xDFFF)) {
                            escaped.appendCodePoint(c);
                        }
                    }
                }
            }
        });
        return escaped.toString();
    }

    public static String num(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
