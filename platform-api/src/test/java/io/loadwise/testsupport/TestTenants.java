package io.loadwise.testsupport;

import io.loadwise.tenancy.Tenant;
import io.loadwise.tenancy.TenantId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/** Fresh tenants in the shared test database, so tests never see each other's rows. */
public final class TestTenants {

    private TestTenants() {}

    /** Inserts a new tenant named {@code name} with a unique slug, as the application role would. */
    public static Tenant create(String name) {
        UUID id = UUID.randomUUID();
        String slug = "t-" + id.toString().replace("-", "").substring(0, 16);
        try (Connection connection =
                TestInfrastructure.postgres().appDataSource().getConnection()) {
            connection.setAutoCommit(false);
            // Row level security lets a tenant row in only for the tenant of the transaction.
            try (PreparedStatement tenant =
                    connection.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
                tenant.setString(1, id.toString());
                tenant.execute();
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into tenants (id, slug, name, created_at) values (?, ?, ?, ?)")) {
                insert.setObject(1, id);
                insert.setString(2, slug);
                insert.setString(3, name);
                insert.setTimestamp(4, Timestamp.from(Instant.now()));
                insert.executeUpdate();
            }
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create a test tenant", e);
        }
        return new Tenant(new TenantId(id), slug, name, "USD", "UTC", "en", null);
    }
}
