package io.loadwise.ui;

import com.vaadin.flow.component.html.Image;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server-rendered SVG chart shown as an image. A data URL needs no extra request, no front-end
 * build and no download handler, and an {@code <img>} never runs anything inside the SVG.
 */
public final class ChartImage {

    private static final Pattern TITLE = Pattern.compile("<title id=\"chart-title\">([^<]*)</title>");

    private ChartImage() {}

    public static Image of(String svg, String id) {
        Image image = new Image(
                "data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8)),
                altText(svg));
        image.setId(id);
        image.setWidthFull();
        image.getStyle().set("max-width", "900px").set("display", "block");
        return image;
    }

    /** The chart's own title as the image's alternative text (unescaped: alt is plain text). */
    public static String altText(String svg) {
        Matcher title = TITLE.matcher(svg);
        if (!title.find()) {
            return "Chart";
        }
        return title.group(1)
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&amp;", "&");
    }

    /** The SVG document behind an image made by {@link #of} (for tests and diagnostics). */
    public static String svgOf(Image image) {
        String src = image.getSrc();
        return new String(Base64.getDecoder().decode(src.substring(src.indexOf(',') + 1)), StandardCharsets.UTF_8);
    }
}
