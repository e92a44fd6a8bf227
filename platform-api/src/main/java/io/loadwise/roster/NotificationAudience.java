package io.loadwise.roster;

import static io.loadwise.jooq.Tables.CLIENTS;
import static io.loadwise.jooq.Tables.CLIENT_COACHES;
import static io.loadwise.jooq.Tables.CLIENT_FLAGS;
import static io.loadwise.jooq.Tables.MEMBERS;
import static org.jooq.impl.DSL.any;

import io.loadwise.tenancy.TenantContext;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who hears about what happens in a business, with the member ids their inboxes are keyed by. For
 * the platform's own consumers (notifications): they run as the event's tenant with no signed-in
 * user, so it checks no permissions. Erased clients and removed members hear nothing.
 */
@Service
@Transactional(readOnly = true)
public class NotificationAudience {

    /** @param memberId null for someone without an account (a client never invited, a guest) */
    public record Person(@Nullable UUID memberId, String email, String name) {}

    /**
     * A client and the people who coach them.
     *
     * @param coaches the lead coach first, then co-coaches; without any, the business's first owner;
     *     empty only when the business has no active owner either
     */
    public record Circle(ClientId clientId, Person client, List<Person> coaches) {}

    /** A coach's (or owner's) week: what the weekly summary tells them. */
    public record CoachWeek(Person coach, boolean owner, int openFlags, int newClients) {}

    private final DSLContext db;

    NotificationAudience(DSLContext db) {
        this.db = db;
    }

    public Optional<Circle> circleOf(ClientId client) {
        return Optional.ofNullable(circlesOf(List.of(client)).get(client));
    }

    /**
     * The circles of many clients in three queries whatever their number (clients, lead coaches,
     * co-coaches; a fourth for the owner when a client has no coach): a consumer handling a poll
     * of events asks once, not once per event.
     *
     * @return by client; a client erased or never known is absent
     */
    public Map<ClientId, Circle> circlesOf(Collection<ClientId> clients) {
        TenantContext.require();
        if (clients.isEmpty()) {
            return Map.of();
        }
        UUID[] ids = clients.stream().map(ClientId::value).distinct().toArray(UUID[]::new);
        var found = db.select(CLIENTS.ID, CLIENTS.MEMBER_ID, CLIENTS.EMAIL, CLIENTS.DISPLAY_NAME, CLIENTS.COACH_ID)
                .from(CLIENTS)
                .where(CLIENTS.ID.eq(any(ids)), CLIENTS.ERASED_AT.isNull())
                .fetch();
        if (found.isEmpty()) {
            return Map.of();
        }
        Set<UUID> leadIds =
                found.stream().map(r -> r.value5()).filter(Objects::nonNull).collect(Collectors.toSet());
        Map<UUID, Person> leads = leadIds.isEmpty()
                ? Map.of()
                : db.select(MEMBERS.ID, MEMBERS.EMAIL, MEMBERS.DISPLAY_NAME)
                        .from(MEMBERS)
                        .where(MEMBERS.ID.eq(any(leadIds.toArray(UUID[]::new))), MEMBERS.REMOVED_AT.isNull())
                        .fetchMap(MEMBERS.ID, m -> new Person(m.value1(), m.value2(), m.value3()));
        Map<UUID, List<Person>> coCoaches = new HashMap<>();
        db.select(CLIENT_COACHES.CLIENT_ID, MEMBERS.ID, MEMBERS.EMAIL, MEMBERS.DISPLAY_NAME)
                .from(CLIENT_COACHES)
                .join(MEMBERS)
                .on(MEMBERS.TENANT_ID.eq(CLIENT_COACHES.TENANT_ID), MEMBERS.ID.eq(CLIENT_COACHES.COACH_ID))
                .where(CLIENT_COACHES.CLIENT_ID.eq(any(ids)), MEMBERS.REMOVED_AT.isNull())
                .orderBy(CLIENT_COACHES.ASSIGNED_AT, MEMBERS.ID)
                .forEach(m -> coCoaches
                        .computeIfAbsent(m.value1(), c -> new ArrayList<>())
                        .add(new Person(m.value2(), m.value3(), m.value4())));
        Optional<Person> firstOwner = null; // looked up when a client has no coach, once
        Map<ClientId, Circle> circles = new HashMap<>();
        for (var r : found) {
            List<Person> coaches = new ArrayList<>();
            if (r.value5() != null && leads.containsKey(r.value5())) {
                coaches.add(leads.get(r.value5()));
            }
            for (Person co : coCoaches.getOrDefault(r.value1(), List.of())) {
                if (coaches.stream().noneMatch(c -> c.email().equals(co.email()))) {
                    coaches.add(co);
                }
            }
            if (coaches.isEmpty()) {
                if (firstOwner == null) {
                    firstOwner = owners().stream().findFirst();
                }
                firstOwner.ifPresent(coaches::add);
            }
            ClientId id = new ClientId(r.value1());
            circles.put(id, new Circle(id, new Person(r.value2(), r.value3(), r.value4()), List.copyOf(coaches)));
        }
        return circles;
    }

    /** The business's active owners, the first one first. */
    public List<Person> owners() {
        TenantContext.require();
        return db.select(MEMBERS.ID, MEMBERS.EMAIL, MEMBERS.DISPLAY_NAME)
                .from(MEMBERS)
                .where(MEMBERS.ROLE.eq("owner"), MEMBERS.REMOVED_AT.isNull())
                .orderBy(MEMBERS.CREATED_AT, MEMBERS.ID)
                .fetch(m -> new Person(m.value1(), m.value2(), m.value3()));
    }

    /** A member of any role, while not removed. */
    public Optional<Person> member(UUID memberId) {
        TenantContext.require();
        return activeMember(MEMBERS.ID.eq(memberId));
    }

    /**
     * Every active owner and coach with their clients' open flags and the clients added since
     * {@code since}: an owner counts the whole business, a coach the clients they lead or co-coach.
     */
    public List<CoachWeek> coachWeeks(Instant since) {
        TenantContext.require();
        var coaches = db.select(MEMBERS.ID, MEMBERS.EMAIL, MEMBERS.DISPLAY_NAME, MEMBERS.ROLE)
                .from(MEMBERS)
                .where(MEMBERS.ROLE.in("owner", "coach"), MEMBERS.REMOVED_AT.isNull())
                .orderBy(MEMBERS.CREATED_AT, MEMBERS.ID)
                .fetch();
        List<CoachWeek> weeks = new ArrayList<>();
        for (var m : coaches) {
            boolean owner = "owner".equals(m.value4());
            Condition theirs = CLIENTS.ERASED_AT.isNull();
            if (!owner) {
                theirs = theirs.and(CLIENTS.COACH_ID
                        .eq(m.value1())
                        .or(CLIENTS.ID.in(DSL.select(CLIENT_COACHES.CLIENT_ID)
                                .from(CLIENT_COACHES)
                                .where(CLIENT_COACHES.COACH_ID.eq(m.value1())))));
            }
            int flags = db.fetchCount(DSL.selectOne()
                    .from(CLIENT_FLAGS)
                    .join(CLIENTS)
                    .on(CLIENTS.TENANT_ID.eq(CLIENT_FLAGS.TENANT_ID), CLIENTS.ID.eq(CLIENT_FLAGS.CLIENT_ID))
                    .where(theirs));
            int added = db.fetchCount(DSL.selectOne()
                    .from(CLIENTS)
                    .where(theirs.and(CLIENTS.CREATED_AT.ge(since.atOffset(ZoneOffset.UTC)))));
            weeks.add(new CoachWeek(new Person(m.value1(), m.value2(), m.value3()), owner, flags, added));
        }
        return weeks;
    }

    private Optional<Person> activeMember(Condition which) {
        return db.select(MEMBERS.ID, MEMBERS.EMAIL, MEMBERS.DISPLAY_NAME)
                .from(MEMBERS)
                .where(which, MEMBERS.REMOVED_AT.isNull())
                .fetchOptional(m -> new Person(m.value1(), m.value2(), m.value3()));
    }
}
