package io.loadwise.notifications.delivery;

import java.util.List;

/** The values of {@code notifications.status} (V10__notifications.sql says what each means). */
public final class NotificationStatus {

    public static final String PENDING = "pending";
    public static final String HELD = "held";
    /**
     * Waiting for the recipient's daily digest. When the digest is stored, the rows it gathered
     * become {@link #SENT} (their content went out in the digest mail, at the digest's time), or
     * {@link #SUPPRESSED} when the recipient had switched the digest mail off.
     */
    public static final String DIGEST = "digest";

    public static final String SENT = "sent";
    public static final String FAILED = "failed";
    public static final String DEAD = "dead";
    public static final String BOUNCED = "bounced";
    public static final String SUPPRESSED = "suppressed";
    public static final String UNREAD = "unread";
    public static final String READ = "read";

    /** Email statuses the delivery log filters by. */
    public static final List<String> EMAIL = List.of(PENDING, HELD, DIGEST, SENT, FAILED, DEAD, BOUNCED, SUPPRESSED);

    /** What the mail worker may send when its queue row is due. */
    public static final List<String> SENDABLE = List.of(PENDING, HELD, FAILED);

    private NotificationStatus() {}
}
