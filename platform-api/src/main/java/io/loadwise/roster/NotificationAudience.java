package io.loadwise.roster;

import static io.loadwise.jooq.Tables.CLIENTS;
import static io.loadwise.jooq.Tables.CLIENT_COACHES;
import static io.loadwise.jooq.Tables.CLIENT_FLAGS;
import static io.loadwise.jooq.Tables.MEMBERS;

import io.loadwise.tenancy.TenantContext;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
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
        TenantContext.require();
        return db.select(CLIENTS.MEMBER_ID, CLIENTS.EMAIL, CLIENTS.DISPLAY_NAME, CLIENTS.COACH_ID)
                .from(CLIENTS)
                .where(CLIENTS.ID.eq(client.value()), CLIENTS.ERASED_AT.isNull())
                .fetchOptional()
                .map(r -> {
                    List<Person> coaches = new ArrayList<>();
                    if (r.value4() != null) {
                        activeMember(MEMBERS.ID.eq(r.value4())).ifPresent(coaches::add);
                    }
                    db
                            .select(MEMBERS.ID, MEMBERS.EMAIL, MEMBERS.DISPLAY_NAME)
                            .from(CLIENT_COACHES)
                            .join(MEMBERS)
                            .on(MEMBERS.TENANT_ID.eq(CLIENT_COACHES.TENANT_ID), MEMBERS.ID.eq(CLIENT_COACHES.COACH_ID))
                            .where(CLIENT_COACHES.CLIENT_ID.eq(client.value()), MEMBERS.REMOVED_AT.isNull())
                            .orderBy(CLIENT_COACHES.ASSIGNED_AT, MEMBERS.ID)
                            .fetch(m -> new Person(m.value1(), m.value2(), m.value3()))
                            .stream()
                            .filter(p ->
                                    coaches.stream().noneMatch(c -> c.email().equals(p.email())))
                            .forEach(coaches::add);
                    if (coaches.isEmpty()) {
                        owners().stream().findFirst().ifPresent(coaches::add);
                    }
                    return new Circle(client, new Person(r.value1(), r.value2(), r.value3()), List.copyOf(coaches));
                });
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
