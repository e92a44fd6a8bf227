package io.loadwise.testsupport;

import static io.loadwise.jooq.Tables.TENANTS;

import io.loadwise.tenancy.Tenant;
import io.loadwise.tenancy.TenantId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.function.Consumer;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/** Fresh tenants in the shared test database, so tests never see each other's rows. */
public final class TestTenants {

    private TestTenants() {}

    /** Inserts a new tenant named {@code name} with a unique slug, as the application role would. */
    public static Tenant create(String name) {
        TenantId id = new TenantId(UUID.randomUUID());
        String slug = "t-" + id.toString().replace("-", "").substring(0, 16);
        seed(id, db -> db.insertInto(TENANTS)
                .set(TENANTS.ID, id.value())
                .set(TENANTS.SLUG, slug)
                .set(TENANTS.NAME, name)
                .set(TENANTS.CREATED_AT, OffsetDateTime.now())
                .execute());
        return new Tenant(id, slug, name, "USD", "UTC", "en", null);
    }

    /**
     * Writes test data in one transaction of the application role, bound to {@code tenant} the way
     * the application binds it: row level security admits only that tenant's rows.
     */
    public static void seed(TenantId tenant, Consumer<DSLContext> work) {
        try (Connection connection =
                TestInfrastructure.postgres().appDataSource().getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement set = connection.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
                set.setString(1, tenant.toString());
                set.execute();
            }
            work.accept(DSL.using(connection, SQLDialect.POSTGRES));
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not seed test data for tenant " + tenant, e);
        }
    }
}
