package io.loadwise.billing;

import static io.loadwise.jooq.Tables.MEMBERS;
import static io.loadwise.jooq.Tables.PAYMENT_ACCOUNTS;

import io.loadwise.identity.KeycloakClaims;
import io.loadwise.identity.Role;
import io.loadwise.tenancy.Tenant;
import io.loadwise.tenancy.TenantId;
import io.loadwise.testsupport.IntegrationTest;
import io.loadwise.testsupport.TestTenants;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Billing's integration tests share one application context, pointed at {@link StripeStub}; each
 * test makes its own business, so tests never see each other's rows.
 */
@IntegrationTest
public abstract class BillingIntegrationTest {

    protected final StripeStub stripe = StripeStub.shared();

    @DynamicPropertySource
    static void stripeStub(DynamicPropertyRegistry registry) {
        registry.add("loadwise.stripe.api-base", () -> StripeStub.shared().url());
    }

    /** A business with an owner and a coach, in USD. */
    protected record Business(Tenant tenant, UUID owner, UUID coach) {

        public TenantId id() {
            return tenant.id();
        }
    }

    protected static Business business(String name) {
        Tenant tenant = TestTenants.create(name);
        UUID owner = UUID.randomUUID();
        UUID coach = UUID.randomUUID();
        TestTenants.seed(tenant.id(), db -> {
            member(db, tenant.id(), owner, "owner");
            member(db, tenant.id(), coach, "coach");
        });
        return new Business(tenant, owner, coach);
    }

    /** Gives a business a connected account, as finished onboarding would. */
    protected static String connected(Business business, boolean chargesEnabled) {
        String account = "acct_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        TestTenants.seed(business.id(), db -> db.insertInto(PAYMENT_ACCOUNTS)
                .set(PAYMENT_ACCOUNTS.TENANT_ID, business.id().value())
                .set(PAYMENT_ACCOUNTS.STRIPE_ACCOUNT_ID, account)
                .set(PAYMENT_ACCOUNTS.CHARGES_ENABLED, chargesEnabled)
                .set(PAYMENT_ACCOUNTS.CREATED_AT, OffsetDateTime.now())
                .set(PAYMENT_ACCOUNTS.UPDATED_AT, OffsetDateTime.now())
                .execute());
        return account;
    }

    private static void member(org.jooq.DSLContext db, TenantId tenant, UUID user, String role) {
        db.insertInto(MEMBERS)
                .set(MEMBERS.TENANT_ID, tenant.value())
                .set(MEMBERS.ID, UUID.randomUUID())
                .set(MEMBERS.USER_ID, user)
                .set(MEMBERS.ROLE, role)
                .set(MEMBERS.EMAIL, role + "-" + user + "@example.test")
                .set(MEMBERS.DISPLAY_NAME, role)
                .set(MEMBERS.CREATED_AT, OffsetDateTime.now())
                .execute();
    }

    /** A platform admin's in-process call: no business in the token, none bound. */
    protected static <T> T asPlatformAdmin(UUID admin, Supplier<T> work) {
        Map<String, Object> claims = Map.of("sub", admin.toString(), "roles", List.of(Role.PLATFORM_ADMIN.realmRole()));
        Jwt jwt = Jwt.withTokenValue("in-process")
                .header("alg", "none")
                .claims(c -> c.putAll(claims))
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(3600))
                .build();
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new JwtAuthenticationToken(jwt, KeycloakClaims.authorities(claims)));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
