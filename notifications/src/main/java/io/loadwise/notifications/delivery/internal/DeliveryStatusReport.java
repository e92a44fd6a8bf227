package io.loadwise.notifications.delivery.internal;

import jakarta.mail.BodyPart;
import jakarta.mail.Header;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.ParseException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A delivery status notification (DSN, RFC 3464) as the bounce job needs it: what happened to each
 * recipient, and which mail of ours it reports on (the returned {@code Message-ID}, or our {@code
 * X-Loadwise-Notification} header when a server rewrote the Message-ID).
 *
 * <p>A DSN is a {@code multipart/report; report-type=delivery-status} with a {@code
 * message/delivery-status} part (one block of per-message fields, then a block per recipient) and,
 * usually, the original mail in a {@code message/rfc822} part or just its headers in a {@code
 * text/rfc822-headers} part. The internationalized variants of RFC 6533 ({@code
 * message/global-delivery-status}, {@code message/global}, {@code message/global-headers}) read the
 * same.
 *
 * @param reportingMta who wrote the report ({@code Reporting-MTA}), if it said
 * @param originalMessageId the returned mail's {@code Message-ID}, if it came back
 * @param notificationHeader the returned mail's {@code X-Loadwise-Notification}, if it came back
 * @param recipients one entry per recipient the report is about
 */
record DeliveryStatusReport(
        @Nullable String reportingMta,
        @Nullable String originalMessageId,
        @Nullable String notificationHeader,
        List<RecipientStatus> recipients) {

    /** The header the mail worker puts the notification id in, besides the Message-ID. */
    static final String NOTIFICATION_HEADER = "X-Loadwise-Notification";

    /** A status part bigger than this is no report a mail server wrote. */
    private static final int MAX_STATUS_BYTES = 64 * 1024;

    private static final Pattern BLANK_LINE = Pattern.compile("\\r?\\n[ \\t]*\\r?\\n");
    private static final Pattern OUR_MESSAGE_ID = Pattern.compile("<([0-9a-fA-F-]{36})@([^>\\s]+)>");

    DeliveryStatusReport {
        recipients = List.copyOf(recipients);
    }

    /**
     * What a DSN says about one recipient.
     *
     * @param finalRecipient the address the report is about, without its type ({@code rfc822;})
     * @param action failed, delayed, delivered, relayed or expanded
     * @param status the RFC 3463 status code (5.x.x permanent, 4.x.x transient, 2.x.x success)
     * @param diagnosticCode what the remote server said, if reported ({@code smtp; 550 5.1.1 ...})
     */
    record RecipientStatus(
            @Nullable String finalRecipient,
            String action,
            String status,
            @Nullable String diagnosticCode) {

        /** Failed for good: {@code Action: failed} with a 5.x.x status. Anything else may still arrive. */
        boolean permanentFailure() {
            return action.equalsIgnoreCase("failed") && status.startsWith("5.");
        }

        /** What the delivery log shows: the status code and the remote server's words. */
        String describe(@Nullable String reportingMta) {
            StringBuilder text = new StringBuilder("Bounced after delivery");
            if (reportingMta != null) {
                text.append(" (reported by ").append(reportingMta).append(')');
            }
            text.append(": ").append(status);
            if (diagnosticCode != null) {
                text.append(' ').append(diagnosticCode);
            }
            return text.toString();
        }
    }

    /**
     * Reads a received mail as a DSN.
     *
     * @return the report, or empty when the mail is no DSN (another kind of report, an
     *     out-of-office reply, spam)
     * @throws MessagingException or IOException when the mail claims to be a DSN but can't be read
     */
    static Optional<DeliveryStatusReport> read(Part mail) throws MessagingException, IOException {
        if (!isDeliveryReport(mail) || !(mail.getContent() instanceof Multipart parts)) {
            return Optional.empty();
        }
        List<InternetHeaders> statusBlocks = null;
        InternetHeaders original = null;
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (statusBlocks == null
                    && (part.isMimeType("message/delivery-status")
                            || part.isMimeType("message/global-delivery-status"))) {
                statusBlocks = blocks(part);
            } else if (original == null && (part.isMimeType("message/rfc822") || part.isMimeType("message/global"))) {
                original = returnedHeaders(part);
            } else if (original == null
                    && (part.isMimeType("text/rfc822-headers") || part.isMimeType("message/global-headers"))) {
                try (InputStream in = part.getInputStream()) {
                    original = new InternetHeaders(in);
                }
            }
        }
        if (statusBlocks == null || statusBlocks.isEmpty()) {
            return Optional.empty();
        }
        InternetHeaders perMessage = statusBlocks.getFirst();
        List<RecipientStatus> recipients = new ArrayList<>();
        for (InternetHeaders block : statusBlocks.subList(1, statusBlocks.size())) {
            String action = field(block, "Action");
            String status = field(block, "Status");
            if (action == null || status == null) {
                continue; // no recipient block (RFC 3464 requires both)
            }
            recipients.add(new RecipientStatus(
                    withoutType(field(block, "Final-Recipient")),
                    action.toLowerCase(Locale.ROOT),
                    firstWord(status),
                    field(block, "Diagnostic-Code")));
        }
        return Optional.of(new DeliveryStatusReport(
                withoutType(field(perMessage, "Reporting-MTA")),
                original == null ? null : field(original, "Message-ID"),
                original == null ? null : field(original, NOTIFICATION_HEADER),
                recipients));
    }

    /** The first recipient that failed for good, if any did. */
    Optional<RecipientStatus> permanentFailure() {
        return recipients.stream().filter(RecipientStatus::permanentFailure).findFirst();
    }

    /**
     * The notification the returned mail was sent for: the id in its Message-ID when that is one of
     * ours ({@code <id@messageIdDomain>}, as the mail worker writes it), else our own header.
     */
    Optional<UUID> notificationId(String messageIdDomain) {
        if (originalMessageId != null) {
            Matcher id = OUR_MESSAGE_ID.matcher(originalMessageId);
            if (id.find() && id.group(2).equalsIgnoreCase(messageIdDomain)) {
                Optional<UUID> parsed = uuid(id.group(1));
                if (parsed.isPresent()) {
                    return parsed;
                }
            }
        }
        return notificationHeader == null ? Optional.empty() : uuid(notificationHeader.strip());
    }

    /**
     * The headers of a returned mail. Read as the message it is: over IMAP the part's stream may
     * start at the returned mail's body rather than its headers.
     */
    private static InternetHeaders returnedHeaders(Part part) throws MessagingException, IOException {
        if (part.getContent() instanceof Message returned) {
            InternetHeaders headers = new InternetHeaders();
            for (Header header : Collections.list(returned.getAllHeaders())) {
                headers.addHeader(header.getName(), header.getValue());
            }
            return headers;
        }
        try (InputStream in = part.getInputStream()) {
            // The header section only: InternetHeaders stops at the blank line before the body.
            return new InternetHeaders(in);
        }
    }

    private static boolean isDeliveryReport(Part mail) throws MessagingException {
        if (!mail.isMimeType("multipart/report")) {
            return false;
        }
        try {
            String reportType = new ContentType(mail.getContentType()).getParameter("report-type");
            return reportType != null && reportType.equalsIgnoreCase("delivery-status");
        } catch (ParseException e) {
            return false;
        }
    }

    /** The status part's blocks of fields, separated by blank lines; the first is per message. */
    private static List<InternetHeaders> blocks(Part part) throws MessagingException, IOException {
        byte[] bytes;
        try (InputStream in = part.getInputStream()) {
            bytes = in.readNBytes(MAX_STATUS_BYTES + 1);
        }
        if (bytes.length > MAX_STATUS_BYTES) {
            throw new MessagingException("The delivery-status part is larger than " + MAX_STATUS_BYTES + " bytes");
        }
        // US-ASCII by RFC 3464, UTF-8 by RFC 6533; ISO-8859-1 would turn UTF-8 into mojibake.
        String text = new String(bytes, StandardCharsets.UTF_8).strip();
        if (text.isEmpty()) {
            return List.of();
        }
        List<InternetHeaders> blocks = new ArrayList<>();
        for (String block : BLANK_LINE.split(text)) {
            if (!block.isBlank()) {
                blocks.add(new InternetHeaders(
                        new ByteArrayInputStream((block.strip() + "\r\n\r\n").getBytes(StandardCharsets.UTF_8))));
            }
        }
        return blocks;
    }

    private static @Nullable String field(InternetHeaders headers, String name) {
        String value = headers.getHeader(name, null);
        if (value == null) {
            return null;
        }
        // Unfold continuation lines and squeeze the whitespace a long diagnostic was wrapped with.
        String oneLine = value.replaceAll("\\s+", " ").strip();
        return oneLine.isEmpty() ? null : oneLine;
    }

    /** {@code rfc822; ann@example.com} → {@code ann@example.com}; {@code dns; mx.example.com} → the host. */
    private static @Nullable String withoutType(@Nullable String value) {
        if (value == null) {
            return null;
        }
        int semicolon = value.indexOf(';');
        String bare = semicolon < 0 ? value : value.substring(semicolon + 1).strip();
        return bare.isEmpty() ? null : bare;
    }

    private static String firstWord(String value) {
        int space = value.indexOf(' ');
        return space < 0 ? value : value.substring(0, space);
    }

    private static Optional<UUID> uuid(String value) {
        try {
            UUID id = UUID.fromString(value);
            // UUID.fromString accepts short groups ("1-2-3-4-5"); ours are always written in full.
            return id.toString().equalsIgnoreCase(value) ? Optional.of(id) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
