package io.loadwise.roster;

import static io.loadwise.jooq.Tables.CLIENTS;
import static io.loadwise.jooq.Tables.CLIENT_COACHES;
import static io.loadwise.jooq.Tables.MEMBERS;
import static org.assertj.core.api.Assertions.assertThat;

import io.loadwise.roster.NotificationAudience.Circle;
import io.loadwise.roster.NotificationAudience.Person;
import io.loadwise.tenancy.Tenant;
import io.loadwise.tenancy.TenantContext;
import io.loadwise.tenancy.TenantId;
import io.loadwise.testsupport.IntegrationTest;
import io.loadwise.testsupport.TestTenants;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.SoftAssertions;
import org.jooq.DSLContext;
import org.jooq.ExecuteListener;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Who the notification consumers tell about a client, read for a whole poll's clients at once on
 * real PostgreSQL: the lead coach first, co-coaches in the order they were assigned, removed
 * members left out, the first owner when nobody coaches the client, and nothing of an erased
 * client or of another business.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotificationAudienceIT {

    @Autowired
    NotificationAudience audience;

    @Autowired
    DSLContext db;

    @Autowired
    TransactionTemplate tx;

    final OffsetDateTime t0 = OffsetDateTime.now().minusDays(30);

    Tenant alpha;
    Tenant beta;
    Tenant ownerless;

    Person firstOwner; // alpha's earliest owner still active
    Person lead;
    Person coAssignedFirst;
    Person coAssignedSecond;

    Circle ana; // lead, then two co-coaches assigned out of insertion order
    Circle ben; // the lead also listed as co-coach, plus one co-coach
    Circle cleo; // a removed lead and two active co-coaches
    Circle dan; // no coach at all
    Circle eve; // only removed coaches
    UUID erased;
    UUID unknown = UUID.randomUUID();
    UUID betaClient;
    Circle gus; // a client of a business whose owners are all removed

    @BeforeAll
    void businessesWithCoachesAndClients() {
        alpha = TestTenants.create("Alpha Circles");
        beta = TestTenants.create("Beta Circles");
        ownerless = TestTenants.create("Ownerless Circles");
        TenantId a = alpha.id();

        // The removed owner was there first: the fallback is the first owner still active.
        member(a, "owner", "Rita Removed Owner", t0.minusDays(9), t0.minusDays(1));
        firstOwner = member(a, "owner", "Olive First Owner", t0.minusDays(5), null);
        member(a, "owner", "Otto Later Owner", t0.minusDays(2), null);
        lead = member(a, "coach", "Lia Lead", t0, null);
        coAssignedFirst = member(a, "coach", "Cora Early", t0, null);
        coAssignedSecond = member(a, "coach", "Cal Late", t0, null);
        Person removedCoach = member(a, "coach", "Rex Removed", t0, t0.plusDays(1));
        Person anaAccount = member(a, "client", "Ana Lima", t0, null);

        ana = client(a, anaAccount.memberId(), "Ana Lima", lead);
        // Assigned out of the order they are inserted in: the assignment time decides.
        coCoach(a, ana, coAssignedSecond, t0.plusHours(2));
        coCoach(a, ana, coAssignedFirst, t0.plusHours(1));
        ana = circle(ana, lead, coAssignedFirst, coAssignedSecond);

        ben = client(a, null, "Ben Ortiz", lead);
        coCoach(a, ben, coAssignedFirst, t0.plusHours(2));
        coCoach(a, ben, lead, t0.plusHours(1));
        ben = circle(ben, lead, coAssignedFirst);

        cleo = client(a, null, "Cleo Park", removedCoach);
        coCoach(a, cleo, coAssignedSecond, t0.plusHours(3));
        coCoach(a, cleo, coAssignedFirst, t0.plusHours(1));
        cleo = circle(cleo, coAssignedFirst, coAssignedSecond);

        dan = circle(client(a, null, "Dan Whitaker", null), firstOwner);

        eve = client(a, null, "Eve Adams", removedCoach);
        coCoach(a, eve, removedCoach, t0.plusHours(1));
        eve = circle(eve, firstOwner);

        Circle fay = client(a, null, "Fay Erased", lead);
        coCoach(a, fay, coAssignedFirst, t0.plusHours(1));
        erased = fay.clientId().value();
        TestTenants.seed(a, rows -> rows.update(CLIENTS)
                .set(CLIENTS.ERASED_AT, t0.plusDays(2))
                .where(CLIENTS.ID.eq(erased))
                .execute());

        Person betaOwner = member(beta.id(), "owner", "Bea Beta Owner", t0, null);
        betaClient = client(beta.id(), null, "Zed Beta", betaOwner).clientId().value();

        member(ownerless.id(), "owner", "Gone Owner", t0, t0.plusDays(1));
        gus = client(ownerless.id(), null, "Gus Alone", null);
    }

    @Test
    void one_call_gives_each_client_of_the_business_the_coaches_who_would_be_told() {
        Map<ClientId, Circle> circles = TenantContext.callAs(alpha.id(), () -> audience.circlesOf(alphaAsked()));

        // Every circle is checked even when one is wrong: a regression shows all it breaks.
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(circles)
                .containsOnlyKeys(ana.clientId(), ben.clientId(), cleo.clientId(), dan.clientId(), eve.clientId());
        soft.assertThat(circles.get(ana.clientId()).coaches())
                .as("lead first, then co-coaches by assignment")
                .containsExactly(lead, coAssignedFirst, coAssignedSecond);
        soft.assertThat(circles.get(ben.clientId()).coaches())
                .as("the lead also listed as co-coach is told once")
                .containsExactly(lead, coAssignedFirst);
        soft.assertThat(circles.get(cleo.clientId()).coaches())
                .as("a removed lead is left out, the co-coaches remain")
                .containsExactly(coAssignedFirst, coAssignedSecond);
        soft.assertThat(circles.get(dan.clientId()).coaches())
                .as("no coach: the first active owner")
                .containsExactly(firstOwner);
        soft.assertThat(circles.get(eve.clientId()).coaches())
                .as("only removed coaches: the first active owner")
                .containsExactly(firstOwner);
        soft.assertThat(circles.values()).containsExactlyInAnyOrder(ana, ben, cleo, dan, eve);
        soft.assertAll();
    }

    @Test
    void the_client_themself_is_in_the_circle_with_their_account_when_they_have_one() {
        Map<ClientId, Circle> circles = TenantContext.callAs(alpha.id(), () -> audience.circlesOf(alphaAsked()));

        Person anaPerson = circles.get(ana.clientId()).client();
        assertThat(anaPerson.memberId()).isNotNull();
        assertThat(anaPerson.name()).isEqualTo("Ana Lima");
        assertThat(anaPerson.email()).isEqualTo(ana.client().email());
        assertThat(circles.get(ben.clientId()).client().memberId())
                .as("a client never invited has no inbox")
                .isNull();
    }

    @Test
    void an_erased_client_an_unknown_id_and_another_businesss_client_have_no_circle() {
        List<ClientId> absent = List.of(new ClientId(erased), new ClientId(unknown), new ClientId(betaClient));

        Map<ClientId, Circle> circles = TenantContext.callAs(alpha.id(), () -> audience.circlesOf(absent));

        assertThat(circles).isEmpty();
        for (ClientId id : absent) {
            assertThat(TenantContext.callAs(alpha.id(), () -> audience.circleOf(id)))
                    .as("circleOf %s", id)
                    .isEmpty();
        }
        assertThat(TenantContext.callAs(beta.id(), () -> audience.circleOf(new ClientId(betaClient))))
                .as("the same client read as its own business")
                .isPresent();
    }

    @Test
    void a_business_whose_owners_are_all_removed_leaves_an_uncoached_client_with_no_coach() {
        Map<ClientId, Circle> circles =
                TenantContext.callAs(ownerless.id(), () -> audience.circlesOf(List.of(gus.clientId())));

        assertThat(circles).containsOnlyKeys(gus.clientId());
        assertThat(circles.get(gus.clientId()).coaches()).isEmpty();
        assertThat(circles.get(gus.clientId())).isEqualTo(gus);
    }

    @Test
    void circle_of_one_client_is_what_the_batch_says_for_it() {
        List<ClientId> asked = alphaAsked();
        Map<ClientId, Circle> batch = TenantContext.callAs(alpha.id(), () -> audience.circlesOf(asked));

        for (ClientId id : asked) {
            assertThat(TenantContext.callAs(alpha.id(), () -> audience.circleOf(id)))
                    .as("circleOf %s", id)
                    .isEqualTo(Optional.ofNullable(batch.get(id)));
        }
        assertThat(TenantContext.callAs(ownerless.id(), () -> audience.circleOf(gus.clientId())))
                .contains(gus);
    }

    @Test
    void a_polls_clients_are_read_in_four_queries_however_many_and_none_are_read_for_no_clients() {
        AtomicInteger queries = new AtomicInteger();
        NotificationAudience counted = new NotificationAudience(
                DSL.using(db.configuration().deriveAppending(ExecuteListener.onStart(c -> queries.incrementAndGet()))));

        Map<ClientId, Circle> circles =
                TenantContext.callAs(alpha.id(), () -> tx.execute(s -> counted.circlesOf(alphaAsked())));
        assertThat(circles).hasSize(5);
        assertThat(queries).as("clients, leads, co-coaches, owners").hasValue(4);

        queries.set(0);
        assertThat(TenantContext.callAs(alpha.id(), () -> counted.circlesOf(List.of())))
                .isEmpty();
        assertThat(queries).hasValue(0);
    }

    /** Alpha's clients together with an erased one, an unknown id and another business's client. */
    private List<ClientId> alphaAsked() {
        return List.of(
                ana.clientId(),
                ben.clientId(),
                cleo.clientId(),
                dan.clientId(),
                eve.clientId(),
                new ClientId(erased),
                new ClientId(unknown),
                new ClientId(betaClient));
    }

    private static Circle circle(Circle client, Person... coaches) {
        return new Circle(client.clientId(), client.client(), List.of(coaches));
    }

    private static Person member(
            TenantId tenant, String role, String name, OffsetDateTime created, @Nullable OffsetDateTime removed) {
        UUID id = UUID.randomUUID();
        String email = id + "@members.example";
        TestTenants.seed(tenant, db -> db.insertInto(MEMBERS)
                .set(MEMBERS.TENANT_ID, tenant.value())
                .set(MEMBERS.ID, id)
                .set(MEMBERS.USER_ID, UUID.randomUUID())
                .set(MEMBERS.ROLE, role)
                .set(MEMBERS.EMAIL, email)
                .set(MEMBERS.DISPLAY_NAME, name)
                .set(MEMBERS.CREATED_AT, created)
                .set(MEMBERS.REMOVED_AT, removed)
                .execute());
        return new Person(id, email, name);
    }

    /** A client with no coaches yet in its circle; {@code lead} is stored as its lead coach. */
    private Circle client(TenantId tenant, @Nullable UUID member, String name, @Nullable Person lead) {
        UUID id = UUID.randomUUID();
        String email = id + "@clients.example";
        TestTenants.seed(tenant, db -> db.insertInto(CLIENTS)
                .set(CLIENTS.TENANT_ID, tenant.value())
                .set(CLIENTS.ID, id)
                .set(CLIENTS.MEMBER_ID, member)
                .set(CLIENTS.COACH_ID, lead == null ? null : lead.memberId())
                .set(CLIENTS.DISPLAY_NAME, name)
                .set(CLIENTS.EMAIL, email)
                .set(CLIENTS.STATUS, "active")
                .set(CLIENTS.CREATED_AT, t0)
                .set(CLIENTS.UPDATED_AT, t0)
                .execute());
        return new Circle(new ClientId(id), new Person(member, email, name), new ArrayList<>());
    }

    private static void coCoach(TenantId tenant, Circle client, Person coach, OffsetDateTime assigned) {
        TestTenants.seed(tenant, db -> db.insertInto(CLIENT_COACHES)
                .set(CLIENT_COACHES.TENANT_ID, tenant.value())
                .set(CLIENT_COACHES.CLIENT_ID, client.clientId().value())
                .set(CLIENT_COACHES.COACH_ID, coach.memberId())
                .set(CLIENT_COACHES.ASSIGNED_AT, assigned)
                .execute());
    }
}
