package io.loadwise.plans.calendar;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes an iCalendar document (RFC 5545) of all-day events: CRLF line ends, TEXT values escaped
 * and content lines folded at 75 octets without splitting a UTF-8 character. Small on purpose: the
 * feed needs these few properties, and each is written exactly as the RFC says.
 */
public final class IcsWriter {

    static final int MAX_LINE_OCTETS = 75;
    private static final String CRLF = "\r\n";
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private IcsWriter() {}

    /**
     * @param name the calendar's name in calendar apps (X-WR-CALNAME)
     * @param stamp DTSTAMP of every event: when this information was last changed
     */
    public static String calendar(String name, List<IcsEvent> events, Instant stamp) {
        StringBuilder out = new StringBuilder();
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//Loadwise//Training plan//EN");
        line(out, "CALSCALE:GREGORIAN");
        line(out, "METHOD:PUBLISH");
        line(out, "X-WR-CALNAME:" + text(name));
        for (IcsEvent event : events) {
            line(out, "BEGIN:VEVENT");
            line(out, "UID:" + text(event.uid()));
            line(out, "DTSTAMP:" + STAMP.format(stamp));
            line(out, "DTSTART;VALUE=DATE:" + date(event.date()));
            line(out, "DTEND;VALUE=DATE:" + date(event.date().plusDays(1)));
            line(out, "SEQUENCE:" + event.sequence());
            line(out, "SUMMARY:" + text(event.summary()));
            if (!event.description().isEmpty()) {
                line(out, "DESCRIPTION:" + text(event.description()));
            }
            line(out, "STATUS:" + (event.cancelled() ? "CANCELLED" : "CONFIRMED"));
            line(out, "TRANSP:TRANSPARENT");
            line(out, "END:VEVENT");
        }
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    /** Escapes a TEXT value: backslash, semicolon, comma and line breaks (RFC 5545 3.3.11). */
    static String text(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case ';' -> out.append("\\;");
                case ',' -> out.append("\\,");
                case '\n' -> out.append("\\n");
                case '\r' -> {
                    // CRLF and a lone CR are both one line break.
                    if (i + 1 >= value.length() || value.charAt(i + 1) != '\n') {
                        out.append("\\n");
                    }
                }
                default -> {
                    // Other control characters are not allowed in TEXT (except HTAB).
                    if (c >= 0x20 || c == '\t') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /**
     * Folds a content line so no line exceeds 75 octets (continuations start with a space, which
     * counts towards their 75), never inside a UTF-8 character or a surrogate pair.
     */
    static String fold(String contentLine) {
        StringBuilder out = new StringBuilder(contentLine.length() + 16);
        int octets = 0;
        int i = 0;
        while (i < contentLine.length()) {
            int codePoint = contentLine.codePointAt(i);
            int chars = Character.charCount(codePoint);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > MAX_LINE_OCTETS) {
                out.append(CRLF).append(' ');
                octets = 1;
            }
            out.append(contentLine, i, i + chars);
            octets += size;
            i += chars;
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String contentLine) {
        out.append(fold(contentLine)).append(CRLF);
    }

    private static String date(LocalDate date) {
        return DATE.format(date);
    }
}
