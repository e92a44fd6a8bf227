package io.loadwise.notifications;

import java.nio.charset.StandardCharsets;
import org.springframework.web.util.HtmlUtils;

/**
 * A rendered mail: subject, plain-text body and HTML body of the same message.
 *
 * <p>{@link #compose} lays out every Loadwise mail the same way. Names, reasons and other text come
 * from coaches and clients, so the HTML part escapes all of it, and the subject loses line breaks
 * (they would start new mail headers).
 */
public record Mail(String subject, String text, String html) {

    /**
     * @param paragraphs the message, one paragraph each, as plain text
     * @param action the link's label
     */
    public static Mail compose(
            String subject, String name, java.util.List<String> paragraphs, String action, String link, String footer) {
        String text = "Hi " + name + ",\n\n"
                + String.join("\n\n", paragraphs)
                + "\n\n" + action + ":\n" + link + "\n\n" + footer + "\n";
        StringBuilder body = new StringBuilder();
        for (String paragraph : paragraphs) {
            body.append("<p>").append(escape(paragraph)).append("</p>\n");
        }
        String html = """
                <!DOCTYPE html>
                <html lang="en">
                <body style="font-family: sans-serif; line-height: 1.5;">
                <p>Hi %s,</p>
                %s<p><a href="%s">%s</a></p>
                <p style="color: #666;">%s</p>
                </body>
                </html>
                """.formatted(escape(name), body, escape(link), escape(action), escape(footer));
        return new Mail(oneLine(subject), text, html);
    }

    private static String escape(String value) {
        return HtmlUtils.htmlEscape(value, StandardCharsets.UTF_8.name());
    }

    private static String oneLine(String value) {
        return value.replaceAll("[\\r\\n]+", " ").strip();
    }
}
