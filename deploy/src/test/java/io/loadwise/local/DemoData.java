package io.loadwise.local;

import static io.loadwise.jooq.Tables.CLIENTS;
import static io.loadwise.jooq.Tables.MEMBERS;
import static io.loadwise.jooq.Tables.OFFERS;
import static io.loadwise.jooq.Tables.TENANTS;

import io.loadwise.plans.templates.PlanLibrarySeeds;
import io.loadwise.roster.ClientId;
import io.loadwise.tenancy.TenantContext;
import io.loadwise.tenancy.TenantId;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The reference tenant of PRODUCT.md and a second tenant to show isolation, matching the
 * organizations of {@code deploy/keycloak/loadwise-realm.json} and the users {@link DemoIdentities}
 * creates in Keycloak. Idempotent: running it again changes nothing.
 */
public final class DemoData {

    public static final TenantId STRIDE = TenantId.of("5f1e0c2a-3b7d-4c1e-9a8b-0d2f6e4a1b01");
    public static final TenantId HARBOUR = TenantId.of("8c2d4e6f-1a3b-4c5d-8e7f-9a0b1c2d3e02");
    public static final String PASSWORD = "loadwise";

    /** A demo login: Keycloak username, password {@value #PASSWORD}. */
    public record Login(String username, String name, String role, String tenant) {}

    public static final java.util.List<Login> LOGINS = java.util.List.of(
            new Login("ruth", "Ruth Okafor", "coach (owner)", "Stride Coaching"),
            new Login("sam", "Sam Patel", "coach", "Stride Coaching"),
            new Login("jess", "Jess Moreno", "client", "Stride Coaching"),
            new Login("hana", "Hana Kim", "coach (owner)", "Harbour Endurance"),
            new Login("admin", "Avery Admin", "platform admin", "all tenants"));

    private final DSLContext db;
    private final TransactionTemplate tx;
    private final PlanLibrarySeeds planLibrary;
    private final OffsetDateTime now;

    public DemoData(DSLContext db, TransactionTemplate tx, PlanLibrarySeeds planLibrary, Clock clock) {
        this.db = db;
        this.tx = tx;
        this.planLibrary = planLibrary;
        this.now = clock.instant().atOffset(ZoneOffset.UTC);
    }

    /** Seeds the demo tenants, and their Keycloak logins, into a running application's infrastructure. */
    public static void seedInto(ApplicationContext application, String keycloakUrl) {
        new DemoData(
                        application.getBean(DSLContext.class),
                        application.getBean(TransactionTemplate.class),
                        application.getBean(PlanLibrarySeeds.class),
                        application.getBean(Clock.class))
                .seed();
        DemoIdentities.seed(keycloakUrl);
        DemoPlans.seed(application);
        DemoCommerce.seed(application);
    }

    public void seed() {
        TenantContext.runAs(
                STRIDE,
                () -> tx.executeWithoutResult(s -> {
                    seedStride();
                    planLibrary.seedDefaults();
                }));
        TenantContext.runAs(
                HARBOUR,
                () -> tx.executeWithoutResult(s -> {
                    seedHarbour();
                    planLibrary.seedDefaults();
                }));
    }

    private void seedStride() {
        tenant(STRIDE, "stride-coaching", "Stride Coaching", "USD", "America/Chicago", "#0f766e");
        UUID ruth = member(STRIDE, 1, "owner", "ruth@stride.example", "Ruth Okafor");
        UUID sam = member(STRIDE, 2, "coach", "sam@stride.example", "Sam Patel");
        client(
                STRIDE,
                11,
                "jess@stride.example",
                "Jess Moreno",
                "active",
                ruth,
                "Back to 10k racing after left proximal hamstring tendinopathy; aches after sitting at work");
        client(
                STRIDE,
                12,
                "priya@stride.example",
                "Priya Shah",
                "active",
                ruth,
                "Masters runner (52), perimenopausal; half marathon in spring without Achilles flare-ups");
        client(
                STRIDE,
                13,
                "dan@stride.example",
                "Dan Whitaker",
                "paused",
                sam,
                "Right Achilles tendinopathy; keep aerobic base with pool running until loading tolerates");
        client(
                STRIDE,
                14,
                "lena@stride.example",
                "Lena Fischer",
                "active",
                sam,
                "Trail ultra in August; heavy slow resistance block for hamstrings and glutes");
        lead(
                STRIDE,
                15,
                "marcus@stride.example",
                "Marcus Lee",
                ruth,
                "Asked about the custom plan: hamstring pain on speed sessions");
        lead(STRIDE, 16, "aisha@stride.example", "Aisha Bello", null, "Bought the Tendon Health Guide");
        offer(
                STRIDE,
                1,
                "guide",
                "Tendon Health Guide",
                "Rehab progressions for hamstring, Achilles and patellar tendons, from isometrics to speed: the"
                        + " pain monitoring model, strength stages and a return-to-run schedule.",
                "Eleven chapters for runners with a sore tendon: why tendons hurt and why rest does not fix them,"
                        + " how to steer training with pain, isometrics, heavy slow resistance, energy storage and a"
                        + " week-by-week return to running, with specifics for the hamstring, Achilles and patellar"
                        + " tendon. Your copy is stamped with your name.",
                3900,
                "USD",
                null,
                null);
        offer(
                STRIDE,
                2,
                "guide",
                "Hamstring Mini Tendon Guide",
                "The short version for the nagging ache at the top of the hamstring: what to load, what to avoid.",
                null,
                1400,
                "USD",
                null,
                null);
        offer(
                STRIDE,
                3,
                "custom_plan",
                "Custom training plan",
                "Tell me about your injury, running and week; I build a 12-week plan around how your tendon"
                        + " responds.",
                "After checkout you fill in the intake questionnaire; within three days your plan is in the app,"
                        + " with strength sessions, runs and the pain rules it adapts by.",
                14900,
                "USD",
                null,
                null);
        offer(
                STRIDE,
                4,
                "coaching",
                "1:1 coaching",
                "Ongoing coaching: a plan that adapts to your check-ins, weekly review and messaging.",
                "Monthly, cancel any time. The first 7 days are free.",
                19900,
                "USD",
                "month",
                7);
    }

    private void seedHarbour() {
        tenant(HARBOUR, "harbour-endurance", "Harbour Endurance", "GBP", "Europe/London", "#1d4ed8");
        UUID hana = member(HARBOUR, 21, "owner", "hana@harbour.example", "Hana Kim");
        client(
                HARBOUR,
                22,
                "omar@harbour.example",
                "Omar Haddad",
                "active",
                hana,
                "Patellar tendon pain on descents; first marathon in October");
        offer(
                HARBOUR,
                1,
                "coaching",
                "Quarterly coaching",
                "Three months of structured endurance coaching.",
                null,
                39000,
                "GBP",
                "quarter",
                null);
    }

    private void tenant(TenantId id, String slug, String name, String currency, String zone, String color) {
        db.insertInto(TENANTS)
                .set(TENANTS.ID, id.value())
                .set(TENANTS.SLUG, slug)
                .set(TENANTS.NAME, name)
                .set(TENANTS.CURRENCY, currency)
                .set(TENANTS.TIME_ZONE, zone)
                .set(TENANTS.LOCALE, "en")
                .set(TENANTS.BRAND_COLOR, color)
                .set(TENANTS.CREATED_AT, now)
                .onConflictDoNothing()
                .execute();
    }

    private UUID member(TenantId tenant, int user, String role, String email, String name) {
        UUID id = demoId("b", user);
        db.insertInto(MEMBERS)
                .set(MEMBERS.TENANT_ID, tenant.value())
                .set(MEMBERS.ID, id)
                .set(MEMBERS.USER_ID, userId(user))
                .set(MEMBERS.ROLE, role)
                .set(MEMBERS.EMAIL, email)
                .set(MEMBERS.DISPLAY_NAME, name)
                .set(MEMBERS.CREATED_AT, now)
                .onConflictDoNothing()
                .execute();
        return id;
    }

    private void client(TenantId tenant, int user, String email, String name, String status, UUID coach, String goal) {
        UUID member = member(tenant, user, "client", email, name);
        insertClient(tenant, user, member, email, name, status, coach, goal);
    }

    private void lead(TenantId tenant, int n, String email, String name, @Nullable UUID coach, String goal) {
        insertClient(tenant, n, null, email, name, "lead", coach, goal);
    }

    private void insertClient(
            TenantId tenant,
            int n,
            @Nullable UUID member,
            String email,
            String name,
            String status,
            @Nullable UUID coach,
            String goal) {
        db.insertInto(CLIENTS)
                .set(CLIENTS.TENANT_ID, tenant.value())
                .set(CLIENTS.ID, demoId("c", n))
                .set(CLIENTS.MEMBER_ID, member)
                .set(CLIENTS.COACH_ID, coach)
                .set(CLIENTS.DISPLAY_NAME, name)
                .set(CLIENTS.EMAIL, email)
                .set(CLIENTS.STATUS, status)
                .set(CLIENTS.GOAL, goal)
                .set(CLIENTS.CREATED_AT, now)
                .set(CLIENTS.UPDATED_AT, now)
                .onConflictDoNothing()
                .execute();
    }

    private void offer(
            TenantId tenant,
            int position,
            String kind,
            String title,
            String summary,
            @Nullable String description,
            long priceMinor,
            String currency,
            @Nullable String interval,
            @Nullable Integer trialDays) {
        db.insertInto(OFFERS)
                .set(OFFERS.TENANT_ID, tenant.value())
                .set(OFFERS.ID, demoId("d" + tenant.toString().charAt(0), position))
                .set(OFFERS.KIND, kind)
                .set(OFFERS.TITLE, title)
                .set(OFFERS.SUMMARY, summary)
                .set(OFFERS.PRICE_MINOR, priceMinor)
                .set(OFFERS.CURRENCY, currency)
                .set(OFFERS.BILLING_INTERVAL, interval)
                .set(OFFERS.DESCRIPTION, description)
                .set(OFFERS.TRIAL_DAYS, trialDays)
                .set(OFFERS.POSITION, position)
                .set(OFFERS.CREATED_AT, now)
                .set(OFFERS.UPDATED_AT, now)
                .onConflictDoNothing()
                .execute();
    }

    /** The Keycloak user ids of the demo users ({@link DemoIdentities}): a0000000-0000-4000-8000-0000000000NN. */
    public static UUID userId(int n) {
        return UUID.fromString(String.format("a0000000-0000-4000-8000-%012d", n));
    }

    /** The roster entry of demo person {@code n} (11 is Jess, 12 Priya). */
    public static ClientId clientId(int n) {
        return new ClientId(demoId("c", n));
    }

    private static UUID demoId(String prefix, int n) {
        String head = (prefix + "0000000").substring(0, 8);
        return UUID.fromString(String.format("%s-0000-4000-8000-%012d", head, n));
    }
}
