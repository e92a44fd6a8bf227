package io.loadwise.messaging;

import io.loadwise.identity.CurrentUsers;
import io.loadwise.messaging.internal.MessagingRepository;
import io.loadwise.messaging.internal.MessagingRepository.Member;
import io.loadwise.roster.ClientAccess;
import io.loadwise.roster.ClientId;
import io.loadwise.shared.Cursor;
import io.loadwise.shared.Ids;
import io.loadwise.shared.NotFoundException;
import io.loadwise.tenancy.TenantContext;
import io.loadwise.tenancy.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Messaging's application service. A client's thread is open to the client, their lead coach,
 * their co-coaches and the business owner (the visibility of {@link ClientAccess}); to anyone
 * else it does not exist.
 */
@Service
public class MessagingService {

    public static final int MAX_BODY = 10_000;
    public static final int MAX_PAGE_SIZE = 200;

    private final MessagingRepository messages;
    private final ClientAccess access;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MessagingService(MessagingRepository messages, ClientAccess access, ApplicationEventPublisher events, Clock clock) {
        this.messages = messages;
        this.access = access;
        this.events = events;
        this.clock = clock;
    }

    /**
     * A page of a client's thread for one of their coaches: the newest messages first, or the
     * ones before {@code cursor}.
     *
     * @throws NotFoundException when the client is not visible to the caller
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('COACH', 'CLIENT')")
    public MessagePage thread(ClientId client, @Nullable String cursor, int limit) {
        Member me = coachOf(client);
        return messages.page(client, parse(cursor, limit), limit, me.id());
    }

    /** Writes in a client's thread as one of their coaches; see {@link #postMine} for the rules. */
    @Transactional
    @PreAuthorize("hasAnyRole('COACH', 'CLIENT')")
    public Message post(ClientId client, String body) {
        return post(client, coachOf(client), body);
    }

    /** Marks a client's thread read up to its newest message, for the calling coach. */
    @Transactional
    @PreAuthorize("hasAnyRole('COACH', 'CLIENT')")
    public void markRead(ClientId client) {
        messages.markRead(client, coachOf(client).id());
    }

    /** A page of the signed-in client's own thread. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('CLIENT')")
    public MessagePage myThread(@Nullable String cursor, int limit) {
        Member me = member();
        return messages.page(ownClient(), parse(cursor, limit), limit, me.id());
    }

    /**
     * Writes in the signed-in client's own thread. The text is kept as written (surrounding
     * whitespace aside): it is plain text, never interpreted as markup.
     *
     * @throws IllegalArgumentException when the text is empty or longer than {@value #MAX_BODY} characters
     */
    @Transactional
    @PreAuthorize("hasRole('CLIENT')")
    public Message postMine(String body) {
        return post(ownClient(), member(), body);
    }

    @Transactional
    @PreAuthorize("hasRole('CLIENT')")
    public void markMineRead() {
        messages.markRead(ownClient(), member().id());
    }

    /** The coaches in the signed-in client's thread: their lead coach first, then co-coaches. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('CLIENT')")
    public List<ThreadCoach> myCoaches() {
        return messages.coachesOf(ownClient());
    }

    /**
     * What the signed-in person has not read: a coach gets each thread they may see (every thread
     * for the owner), a client their own.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('COACH', 'CLIENT')")
    public UnreadCounts unread() {
        TenantContext.require();
        Optional<Member> me = CurrentUsers.current().flatMap(user -> messages.memberOfUser(user.userId()));
        if (me.isEmpty()) {
            return UnreadCounts.of(List.of());
        }
        Member member = me.get();
        if (member.role() == AuthorRole.CLIENT) {
            return access.ownClient()
                    .map(own -> messages.unreadThreadsOf(own, member.id()))
                    .map(UnreadCounts::of)
                    .orElseGet(() -> UnreadCounts.of(List.of()));
        }
        return UnreadCounts.of(messages.unreadThreads(member.id(), member.role() != AuthorRole.OWNER));
    }

    private Message post(ClientId client, Member author, String body) {
        TenantId tenant = TenantContext.require();
        String text = body.strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("A message needs some text.");
        }
        int length = text.codePointCount(0, text.length());
        if (length > MAX_BODY) {
            throw new IllegalArgumentException(
                    "A message has at most " + MAX_BODY + " characters; this one has " + length + ".");
        }
        MessageId id = new MessageId(Ids.newId(clock));
        Instant now = clock.instant();
        messages.add(id, client, author.id(), text, now);
        events.publishEvent(new MessagePosted(
                Ids.newId(clock), tenant, client, id, author.id(), author.role().code(), now));
        return messages.find(id, author.id());
    }

    /**
     * The caller's membership, once the client is known to be theirs to see. Clients pass too, for
     * their own thread only: someone else's thread answers 404 like a missing one, never 403.
     */
    private Member coachOf(ClientId client) {
        access.requireVisible(client);
        return member();
    }

    private Member member() {
        TenantContext.require();
        return messages.memberOfUser(CurrentUsers.require().userId())
                .orElseThrow(() -> new NotFoundException("member", "of the signed-in user"));
    }

    private ClientId ownClient() {
        return access.ownClient().orElseThrow(() -> new NotFoundException("client", "of the signed-in user"));
    }

    private static Optional<Cursor> parse(@Nullable String cursor, int limit) {
        if (limit < 1 || limit > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_PAGE_SIZE + ", was " + limit);
        }
        return Cursor.decodeTimeAndId(cursor);
    }
}
