package io.loadwise.plans.calendar;

import io.loadwise.plans.PlanSession;
import io.loadwise.plans.PlanSnapshot;
import io.loadwise.plans.PlanStore;
import io.loadwise.plans.SessionStatus;
import io.loadwise.plans.SessionText;
import io.loadwise.plans.calendar.internal.CalendarFeedRepository;
import io.loadwise.plans.calendar.internal.CalendarFeedRepository.StoredFeed;
import io.loadwise.roster.ClientAccess;
import io.loadwise.roster.ClientId;
import io.loadwise.shared.Ids;
import io.loadwise.shared.NotFoundException;
import io.loadwise.tenancy.TenantContext;
import io.loadwise.tenancy.TenantId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A client's plan as an iCalendar feed at a secret URL, {@code /calendar/<tenant>/<feed>/<secret>.ics}
 * — calendar apps cannot log in, so the URL is the key. The secret is 256 random bits; only its
 * SHA-256 is stored, compared in constant time (the same idea as account links, ADR 0005). A
 * client has at most one live feed: a new one revokes the old URL.
 */
@Service
public class CalendarFeeds {

    public static final String PREFIX = "/calendar/";
    private static final int SECRET_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CalendarFeedRepository feeds;
    private final PlanStore plans;
    private final ClientAccess access;
    private final TransactionTemplate readTransaction;
    private final Clock clock;

    CalendarFeeds(
            CalendarFeedRepository feeds,
            PlanStore plans,
            ClientAccess access,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.feeds = feeds;
        this.plans = plans;
        this.access = access;
        this.readTransaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * A new feed URL for the client (the client themselves or one of their coaches); the previous
     * URL stops working.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('COACH', 'CLIENT')")
    public CalendarFeed create(ClientId client) {
        access.requireVisible(client);
        TenantId tenant = TenantContext.require();
        Instant now = clock.instant();
        feeds.revokeLive(client, now);
        byte[] secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(secret);
        UUID id = Ids.newId(clock);
        feeds.insert(id, client, sha256(secret), now);
        String path = PREFIX + tenant + "/" + id + "/"
                + Base64.getUrlEncoder().withoutPadding().encodeToString(secret) + ".ics";
        return new CalendarFeed(path, now, null);
    }

    /** Revokes the client's feed: its URL answers 404 from now on. Returns whether there was one. */
    @Transactional
    @PreAuthorize("hasAnyRole('COACH', 'CLIENT')")
    public boolean revoke(ClientId client) {
        access.requireVisible(client);
        return feeds.revokeLive(client, clock.instant());
    }

    /** The client's live feed, without its URL (the secret is not kept). */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('COACH', 'CLIENT')")
    public Optional<CalendarFeed> live(ClientId client) {
        access.requireVisible(client);
        return feeds.liveOf(client).map(f -> new CalendarFeed(null, f.createdAt(), f.lastReadAt()));
    }

    @Transactional
    @PreAuthorize("hasRole('CLIENT')")
    public CalendarFeed createMine() {
        return create(ownClient());
    }

    @Transactional
    @PreAuthorize("hasRole('CLIENT')")
    public boolean revokeMine() {
        return revoke(ownClient());
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('CLIENT')")
    public Optional<CalendarFeed> liveMine() {
        return live(ownClient());
    }

    /**
     * The feed's calendar, for anyone holding its URL (no login). Empty for an unknown tenant or
     * feed, a revoked feed or a wrong secret — all alike, so the answer reveals nothing.
     */
    public Optional<String> render(String tenantId, String feedId, String secret) {
        Optional<TenantId> tenant = uuid(tenantId).map(TenantId::new);
        Optional<UUID> feed = uuid(feedId);
        Optional<byte[]> secretBytes = decode(secret);
        if (tenant.isEmpty() || feed.isEmpty() || secretBytes.isEmpty()) {
            return Optional.empty();
        }
        // Bound before the transaction starts: the tenant reaches PostgreSQL when it begins.
        return TenantContext.callAs(
                tenant.get(),
                () -> readTransaction.execute(status -> feeds.live(feed.get())
                        .filter(stored -> MessageDigest.isEqual(stored.secretHash(), sha256(secretBytes.get())))
                        .map(stored -> {
                            feeds.markRead(stored.id(), clock.instant());
                            return ics(stored);
                        })));
    }

    private String ics(StoredFeed feed) {
        Optional<PlanSnapshot> plan = plans.current(feed.clientId());
        if (plan.isEmpty()) {
            return IcsWriter.calendar("Training plan", List.of(), feed.createdAt());
        }
        List<IcsEvent> events = new ArrayList<>();
        for (PlanSession session : plan.get().sessions()) {
            events.add(event(session));
        }
        return IcsWriter.calendar(
                plan.get().plan().name(), events, plan.get().plan().updatedAt());
    }

    static IcsEvent event(PlanSession session) {
        List<String> lines = new ArrayList<>(SessionText.lines(session.spec()));
        if (session.changeReason() != null && !session.changeReason().isBlank()) {
            lines.add("");
            lines.add("Changed: " + session.changeReason());
        }
        return new IcsEvent(
                session.id() + "@loadwise",
                session.date(),
                session.changedInRevision() == null ? 0 : session.changedInRevision(),
                session.spec().title(),
                String.join("\n", lines),
                session.status() == SessionStatus.CANCELLED);
    }

    private ClientId ownClient() {
        return access.ownClient().orElseThrow(() -> new NotFoundException("client", "of the signed-in user"));
    }

    private static Optional<UUID> uuid(String value) {
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<byte[]> decode(String secret) {
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(secret.getBytes(StandardCharsets.US_ASCII));
            return bytes.length == SECRET_BYTES ? Optional.of(bytes) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static byte[] sha256(byte[] secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
