package io.loadwise.messaging;

import static io.loadwise.jooq.Tables.CLIENTS;
import static io.loadwise.jooq.Tables.CLIENT_COACHES;
import static io.loadwise.jooq.Tables.MEMBERS;
import static io.loadwise.jooq.Tables.TENANTS;

import io.loadwise.roster.ClientId;
import io.loadwise.tenancy.TenantId;
import io.loadwise.testsupport.KeycloakServer;
import io.loadwise.testsupport.KeycloakTestData;
import io.loadwise.testsupport.TestTenants;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A coaching business whose people can log in to Keycloak: the owner, the lead coach of two
 * clients, a co-coach of the first, a coach with no clients, and the two clients. Fresh names on
 * every call, so tests never share data.
 */
public final class PeopleOfABusiness {

    public static final String PASSWORD = "people-password";

    public final TenantId tenant;
    public final String slug;
    public final String owner;
    public final String lead;
    public final String coCoach;
    public final String otherCoach;
    public final String ann;
    public final String bea;
    public final UUID leadMember;
    public final UUID annMember;
    public final ClientId annClient;
    public final ClientId beaClient;

    private final KeycloakServer keycloak;

    private PeopleOfABusiness(KeycloakServer keycloak, KeycloakTestData data, String name) {
        this.keycloak = keycloak;
        String run = UUID.randomUUID().toString().substring(0, 8);
        slug = name + "-" + run;
        tenant = TenantId.of(data.createOrganization(slug, name + " " + run));
        owner = slug + "-owner";
        lead = slug + "-lead";
        coCoach = slug + "-cocoach";
        otherCoach = slug + "-other";
        ann = slug + "-ann";
        bea = slug + "-bea";
        UUID ownerUser = UUID.fromString(data.createUser(owner, PASSWORD, tenant.toString(), "coach"));
        UUID leadUser = UUID.fromString(data.createUser(lead, PASSWORD, tenant.toString(), "coach"));
        UUID coCoachUser = UUID.fromString(data.createUser(coCoach, PASSWORD, tenant.toString(), "coach"));
        UUID otherUser = UUID.fromString(data.createUser(otherCoach, PASSWORD, tenant.toString(), "coach"));
        UUID annUser = UUID.fromString(data.createUser(ann, PASSWORD, tenant.toString(), "client"));
        UUID beaUser = UUID.fromString(data.createUser(bea, PASSWORD, tenant.toString(), "client"));
        leadMember = UUID.randomUUID();
        annMember = UUID.randomUUID();
        annClient = new ClientId(UUID.randomUUID());
        beaClient = new ClientId(UUID.randomUUID());
        UUID coCoachMember = UUID.randomUUID();
        UUID beaMember = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now();
        TestTenants.seed(tenant, db -> {
            db.insertInto(TENANTS)
                    .set(TENANTS.ID, tenant.value())
                    .set(TENANTS.SLUG, slug)
                    .set(TENANTS.NAME, name)
                    .set(TENANTS.CREATED_AT, now)
                    .execute();
            member(db, UUID.randomUUID(), ownerUser, "owner", owner, "Olga Owner");
            member(db, leadMember, leadUser, "coach", lead, "Leo Lead");
            member(db, coCoachMember, coCoachUser, "coach", coCoach, "Cora Cocoach");
            member(db, UUID.randomUUID(), otherUser, "coach", otherCoach, "Otto Other");
            member(db, annMember, annUser, "client", ann, "Ann Runner");
            member(db, beaMember, beaUser, "client", bea, "Bea Runner");
            client(db, annClient, annMember, leadMember, ann, "Ann Runner");
            client(db, beaClient, beaMember, leadMember, bea, "Bea Runner");
            db.insertInto(CLIENT_COACHES)
                    .set(CLIENT_COACHES.TENANT_ID, tenant.value())
                    .set(CLIENT_COACHES.CLIENT_ID, annClient.value())
                    .set(CLIENT_COACHES.COACH_ID, coCoachMember)
                    .set(CLIENT_COACHES.ASSIGNED_AT, now)
                    .execute();
        });
    }

    public static PeopleOfABusiness create(KeycloakServer keycloak, KeycloakTestData data, String name) {
        return new PeopleOfABusiness(keycloak, data, name);
    }

    public String token(String username) {
        return keycloak.tokenFor(username, PASSWORD);
    }

    private void member(org.jooq.DSLContext db, UUID id, UUID user, String role, String username, String name) {
        db.insertInto(MEMBERS)
                .set(MEMBERS.TENANT_ID, tenant.value())
                .set(MEMBERS.ID, id)
                .set(MEMBERS.USER_ID, user)
                .set(MEMBERS.ROLE, role)
                .set(MEMBERS.EMAIL, username + "@test.example")
                .set(MEMBERS.DISPLAY_NAME, name)
                .set(MEMBERS.CREATED_AT, OffsetDateTime.now())
                .execute();
    }

    private void client(org.jooq.DSLContext db, ClientId id, UUID member, UUID coach, String username, String name) {
        db.insertInto(CLIENTS)
                .set(CLIENTS.TENANT_ID, tenant.value())
                .set(CLIENTS.ID, id.value())
                .set(CLIENTS.MEMBER_ID, member)
                .set(CLIENTS.COACH_ID, coach)
                .set(CLIENTS.DISPLAY_NAME, name)
                .set(CLIENTS.EMAIL, username + "@test.example")
                .set(CLIENTS.STATUS, "active")
                .set(CLIENTS.CREATED_AT, OffsetDateTime.now())
                .set(CLIENTS.UPDATED_AT, OffsetDateTime.now())
                .execute();
    }
}
