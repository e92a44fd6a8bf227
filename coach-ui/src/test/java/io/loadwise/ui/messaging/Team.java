package io.loadwise.ui.messaging;

import static io.loadwise.jooq.Tables.CLIENTS;
import static io.loadwise.jooq.Tables.MEMBERS;

import io.loadwise.identity.Role;
import io.loadwise.roster.ClientId;
import io.loadwise.testsupport.TestTenants;
import io.loadwise.ui.SignedIn;
import io.loadwise.ui.UiTestData;
import io.loadwise.ui.UiTestData.SeededTenant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * A coaching business with people who are members of it, seeded straight into PostgreSQL, and a
 * way to sign in as each of them in a browserless UI test: the owner, the lead coach of two
 * clients, a coach with no clients, and the clients Ann and Bea.
 */
public final class Team {

    /** Someone of the business: their Keycloak user id, member id and name. */
    public record Person(UUID userId, UUID memberId, String name, Role role) {}

    public final SeededTenant tenant;
    public final Person owner;
    public final Person lead;
    public final Person otherCoach;
    public final Person ann;
    public final Person bea;
    public final ClientId annClient = new ClientId(UUID.randomUUID());
    public final ClientId beaClient = new ClientId(UUID.randomUUID());

    private Team(String businessName) {
        tenant = UiTestData.tenant(businessName, "USD", "en-US");
        owner = person("Olga Owner", Role.COACH);
        lead = person("Leo Lead", Role.COACH);
        otherCoach = person("Otto Other", Role.COACH);
        ann = person("Ann Runner", Role.CLIENT);
        bea = person("Bea Runner", Role.CLIENT);
        TestTenants.seed(tenant.id(), db -> {
            member(db, owner, "owner");
            member(db, lead, "coach");
            member(db, otherCoach, "coach");
            member(db, ann, "client");
            member(db, bea, "client");
            client(db, annClient, ann);
            client(db, beaClient, bea);
        });
    }

    public static Team of(String businessName) {
        return new Team(businessName);
    }

    /**
     * Signs {@code person} in as Keycloak would (an OIDC login with the business as their one
     * organization) and binds the tenant as the request filter does. Close to sign out.
     */
    public AutoCloseable signIn(Person person) {
        return SignedIn.as(person.userId(), person.name(), tenant.id(), person.role());
    }

    private static Person person(String name, Role role) {
        return new Person(UUID.randomUUID(), UUID.randomUUID(), name, role);
    }

    private void member(DSLContext db, Person person, String role) {
        db.insertInto(MEMBERS)
                .set(MEMBERS.TENANT_ID, tenant.id().value())
                .set(MEMBERS.ID, person.memberId())
                .set(MEMBERS.USER_ID, person.userId())
                .set(MEMBERS.ROLE, role)
                .set(MEMBERS.EMAIL, person.memberId() + "@example.com")
                .set(MEMBERS.DISPLAY_NAME, person.name())
                .set(MEMBERS.CREATED_AT, OffsetDateTime.now())
                .execute();
    }

    private void client(DSLContext db, ClientId id, Person person) {
        db.insertInto(CLIENTS)
                .set(CLIENTS.TENANT_ID, tenant.id().value())
                .set(CLIENTS.ID, id.value())
                .set(CLIENTS.MEMBER_ID, person.memberId())
                .set(CLIENTS.COACH_ID, lead.memberId())
                .set(CLIENTS.DISPLAY_NAME, person.name())
                .set(CLIENTS.EMAIL, person.memberId() + "@example.com")
                .set(CLIENTS.STATUS, "active")
                .set(CLIENTS.CREATED_AT, OffsetDateTime.now())
                .set(CLIENTS.UPDATED_AT, OffsetDateTime.now())
                .execute();
    }
}
