package io.loadwise.tenancy;

import static io.loadwise.jooq.Tables.CLIENTS;
import static io.loadwise.jooq.Tables.MEMBERS;
import static io.loadwise.jooq.Tables.TENANTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loadwise.testsupport.IntegrationTest;
import io.loadwise.testsupport.PostgresServer;
import io.loadwise.testsupport.TestInfrastructure;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tenant isolation enforced by PostgreSQL itself: these queries deliberately name no tenant, as a
 * forgetful repository would, and still see only the bound tenant's rows.
 */
@IntegrationTest
class RowLevelSecurityIT {

    @Autowired
    DSLContext db;

    @Autowired
    TransactionTemplate tx;

    TenantId alpha;
    TenantId beta;

    @BeforeEach
    void twoTenantsWithOneClientEach() {
        alpha = new TenantId(UUID.randomUUID());
        beta = new TenantId(UUID.randomUUID());
        createTenantWithClient(alpha, "shared@example.com");
        createTenantWithClient(beta, "beta-only@example.com");
    }

    @Test
    void a_query_without_tenant_filter_returns_only_the_current_tenants_rows() {
        var tenantsSeen = TenantContext.callAs(
                alpha,
                () -> tx.execute(
                        s -> db.selectDistinct(CLIENTS.TENANT_ID).from(CLIENTS).fetch(CLIENTS.TENANT_ID)));

        assertThat(tenantsSeen).containsExactly(alpha.value());
    }

    @Test
    void with_no_tenant_set_tenant_owned_tables_look_empty() {
        Integer clients = tx.execute(s -> db.fetchCount(CLIENTS));
        Integer members = tx.execute(s -> db.fetchCount(MEMBERS));

        assertThat(clients).isZero();
        assertThat(members).isZero();
    }

    @Test
    void inserting_a_row_for_another_tenant_is_refused() {
        assertThatThrownBy(() -> TenantContext.runAs(
                        alpha,
                        () -> tx.executeWithoutResult(
                                s -> insertMember(beta, UUID.randomUUID(), "intruder@example.com"))))
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("violates row-level security policy for table \"members\"");
    }

    @Test
    void updating_a_row_into_another_tenant_is_refused_and_another_tenants_rows_cannot_be_updated() {
        assertThatThrownBy(() -> TenantContext.runAs(
                        alpha,
                        () -> tx.executeWithoutResult(s -> db.update(CLIENTS)
                                .set(CLIENTS.TENANT_ID, beta.value())
                                .execute())))
                .isInstanceOf(DataAccessException.class);

        Integer touched = TenantContext.callAs(
                alpha,
                () -> tx.execute(s -> db.update(CLIENTS)
                        .set(CLIENTS.DISPLAY_NAME, "renamed by alpha")
                        .where(CLIENTS.TENANT_ID.eq(beta.value()))
                        .execute()));
        assertThat(touched).isZero();
        String betaName = TenantContext.callAs(
                beta,
                () -> tx.execute(
                        s -> db.select(CLIENTS.DISPLAY_NAME).from(CLIENTS).fetchOne(CLIENTS.DISPLAY_NAME)));
        assertThat(betaName).isEqualTo("Client of " + beta);
    }

    @Test
    void a_uniqueness_conflict_does_not_reveal_another_tenants_data() {
        // alpha already has shared@example.com; beta may use the same address without conflict
        // (keys lead with tenant_id), so the existence of alpha's row is not observable from beta.
        TenantContext.runAs(
                beta, () -> tx.executeWithoutResult(s -> insertMember(beta, UUID.randomUUID(), "shared@example.com")));

        // A real conflict inside one tenant names only that tenant's own constraint and value.
        assertThatThrownBy(() -> TenantContext.runAs(
                        alpha,
                        () -> tx.executeWithoutResult(
                                s -> insertMember(alpha, UUID.randomUUID(), "shared@example.com"))))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("members_email_key")
                .hasMessageNotContaining(beta.toString());
    }

    @Test
    void the_tenant_setting_does_not_leak_to_the_next_transaction_on_the_same_connection() throws Exception {
        PostgresServer postgres = TestInfrastructure.postgres();
        try (Connection connection = postgres.appDataSource().getConnection()) {
            connection.setAutoCommit(false);
            try (var set = connection.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
                set.setString(1, alpha.toString());
                set.execute();
            }
            assertThat(count(connection, "select count(*) from clients")).isEqualTo(1);
            connection.commit();

            // Same physical connection, next transaction, nothing set: nothing visible.
            assertThat(count(connection, "select count(*) from clients")).isZero();
            assertThat(count(connection, "select count(*) from members")).isZero();
            connection.commit();
        }
    }

    @Test
    void the_application_role_owns_nothing_and_cannot_bypass_row_level_security() throws Exception {
        try (Connection connection =
                TestInfrastructure.postgres().appDataSource().getConnection()) {
            assertThat(count(
                            connection,
                            "select count(*) from pg_roles where rolname = current_user"
                                    + " and (rolbypassrls or rolsuper)"))
                    .isZero();
            assertThat(count(connection, "select count(*) from pg_tables where tableowner = current_user"))
                    .isZero();
            assertThat(count(
                            connection,
                            "select count(*) from pg_class where relname in"
                                    + " ('tenants', 'members', 'clients', 'offers', 'processed_events')"
                                    + " and relrowsecurity and relforcerowsecurity"))
                    .isEqualTo(5);
            // Every table with a tenant_id column, including ones added later, is under forced RLS —
            // except the notification work queue, which holds ids only (no address, no content) so
            // one worker query can claim due mail across businesses (ADR 0010).
            assertThat(count(
                            connection,
                            "select count(*) from pg_class c join information_schema.columns col"
                                    + " on col.table_name = c.relname and col.column_name = 'tenant_id'"
                                    + " and col.table_schema = 'public'"
                                    + " where c.relkind = 'r' and not (c.relrowsecurity and c.relforcerowsecurity)"
                                    + " and c.relname <> 'notification_queue'"))
                    .isZero();
            assertThat(count(
                            connection,
                            "select count(*) from information_schema.columns where table_schema = 'public'"
                                    + " and table_name = 'notification_queue'"
                                    + " and column_name not in ('notification_id', 'tenant_id', 'due_at')"))
                    .as("the queue holds ids and a time only")
                    .isZero();
        }
    }

    private void createTenantWithClient(TenantId tenant, String email) {
        TenantContext.runAs(
                tenant,
                () -> tx.executeWithoutResult(s -> {
                    db.insertInto(TENANTS)
                            .set(TENANTS.ID, tenant.value())
                            .set(TENANTS.SLUG, "t-" + tenant.toString().substring(0, 8))
                            .set(TENANTS.NAME, "Tenant " + tenant)
                            .set(TENANTS.CREATED_AT, OffsetDateTime.now())
                            .execute();
                    UUID member = UUID.randomUUID();
                    insertMember(tenant, member, email);
                    db.insertInto(CLIENTS)
                            .set(CLIENTS.TENANT_ID, tenant.value())
                            .set(CLIENTS.ID, UUID.randomUUID())
                            .set(CLIENTS.MEMBER_ID, member)
                            .set(CLIENTS.DISPLAY_NAME, "Client of " + tenant)
                            .set(CLIENTS.EMAIL, email)
                            .set(CLIENTS.CREATED_AT, OffsetDateTime.now())
                            .set(CLIENTS.UPDATED_AT, OffsetDateTime.now())
                            .execute();
                }));
    }

    private void insertMember(TenantId tenant, UUID id, String email) {
        db.insertInto(MEMBERS)
                .set(MEMBERS.TENANT_ID, tenant.value())
                .set(MEMBERS.ID, id)
                .set(MEMBERS.USER_ID, UUID.randomUUID())
                .set(MEMBERS.ROLE, "client")
                .set(MEMBERS.EMAIL, email)
                .set(MEMBERS.DISPLAY_NAME, "Member " + id)
                .set(MEMBERS.CREATED_AT, OffsetDateTime.now())
                .execute();
    }

    private static long count(Connection connection, String sql) throws Exception {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
