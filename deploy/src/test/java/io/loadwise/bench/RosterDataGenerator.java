package io.loadwise.bench;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Seeds coaching businesses with rosters the size of a busy one: per tenant an owner and two staff
 * coaches, and {@code clientsPerTenant} clients with statuses, tags, a lead coach and, for every
 * fifth client, a co-coach.
 *
 * <p>Written with {@code COPY} as the superuser, a batch of tenants per transaction: a million
 * clients go in within a minute or two, which row-by-row inserts through row level security would
 * not. Ids are derived from the tenant number, so the rows are the same on every run.
 */
final class RosterDataGenerator {

    /** A tenant to seed; its owner's {@code userId} is the Keycloak user id for tenants that log in. */
    record SeededTenant(int number, UUID id, UUID ownerUserId) {

        /** A tenant that exists only in PostgreSQL: nobody logs in to it, it is there for the volume. */
        static SeededTenant filler(int number) {
            return new SeededTenant(number, uuid("tenant", number, 0), uuid("owner-user", number, 0));
        }
    }

    private static final String[] FIRST = {
        "Ava", "Ben", "Chloe", "Dan", "Elena", "Farah", "Gus", "Hana", "Ines", "Jess", "Kofi", "Lena", "Marcus", "Nia",
        "Omar", "Priya", "Quinn", "Ruth", "Sam", "Tomas"
    };
    private static final String[] LAST = {
        "Adams", "Bello", "Costa", "Diaz", "Evans", "Fischer", "Garcia", "Haddad", "Ito", "Jensen", "Kim", "Lee",
        "Moreno", "Nowak", "Okafor", "Patel", "Quist", "Rossi", "Shah", "Tanaka"
    };
    private static final String[] STATUSES = {"active", "active", "active", "lead", "paused", "alumni"};
    private static final String[] TAGS = {
        "marathon", "trail", "masters", "hamstring", "achilles", "returning", "ultra", "5k", "strength", "track"
    };
    private static final String CREATED = "2026-01-05 09:00:00+00";
    private static final int TENANTS_PER_BATCH = 250;

    private final DataSource superuser;
    private final int clientsPerTenant;

    RosterDataGenerator(DataSource superuser, int clientsPerTenant) {
        this.superuser = superuser;
        this.clientsPerTenant = clientsPerTenant;
    }

    void seed(List<SeededTenant> tenants) throws SQLException {
        for (int from = 0; from < tenants.size(); from += TENANTS_PER_BATCH) {
            seedBatch(tenants.subList(from, Math.min(from + TENANTS_PER_BATCH, tenants.size())));
        }
    }

    private void seedBatch(List<SeededTenant> batch) throws SQLException {
        StringBuilder tenants = new StringBuilder();
        StringBuilder members = new StringBuilder();
        StringBuilder clients = new StringBuilder();
        StringBuilder coCoaches = new StringBuilder();
        for (SeededTenant tenant : batch) {
            int n = tenant.number();
            row(tenants, tenant.id(), "bench-" + n, "Bench Coaching " + n, CREATED);
            UUID[] coaches = {uuid("owner", n, 0), uuid("coach", n, 1), uuid("coach", n, 2)};
            UUID[] coachUsers = {tenant.ownerUserId(), uuid("coach-user", n, 1), uuid("coach-user", n, 2)};
            for (int c = 0; c < coaches.length; c++) {
                row(
                        members,
                        tenant.id(),
                        coaches[c],
                        coachUsers[c],
                        c == 0 ? "owner" : "coach",
                        "coach" + c + "@bench-" + n + ".example",
                        FIRST[(n + c) % FIRST.length] + " " + LAST[(n + 7 * c) % LAST.length],
                        CREATED);
            }
            for (int k = 0; k < clientsPerTenant; k++) {
                UUID client = uuid("client", n, k);
                String name =
                        FIRST[(k + n) % FIRST.length] + " " + LAST[(k / FIRST.length + 3 * n) % LAST.length] + " " + k;
                row(
                        clients,
                        tenant.id(),
                        client,
                        coaches[k % coaches.length],
                        name,
                        "client" + k + "@bench-" + n + ".example",
                        STATUSES[(k + n) % STATUSES.length],
                        tags(k),
                        "Goal of client " + k + ": a spring half marathon without hamstring flare-ups",
                        CREATED,
                        CREATED);
                if (k % 5 == 0) {
                    row(coCoaches, tenant.id(), client, coaches[(k + 1) % coaches.length], CREATED);
                }
            }
        }
        try (Connection connection = superuser.getConnection()) {
            connection.setAutoCommit(false);
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            copyIn(copy, "tenants (id, slug, name, created_at)", tenants);
            copyIn(copy, "members (tenant_id, id, user_id, role, email, display_name, created_at)", members);
            copyIn(
                    copy,
                    "clients (tenant_id, id, coach_id, display_name, email, status, tags, goal, created_at,"
                            + " updated_at)",
                    clients);
            copyIn(copy, "client_coaches (tenant_id, client_id, coach_id, assigned_at)", coCoaches);
            connection.commit();
        }
    }

    /** Zero to three tags, a PostgreSQL array literal. */
    private static String tags(int k) {
        int count = k % 4;
        StringBuilder tags = new StringBuilder("{");
        for (int t = 0; t < count; t++) {
            tags.append(t == 0 ? "" : ",").append(TAGS[(k + 3 * t) % TAGS.length]);
        }
        return tags.append('}').toString();
    }

    private static void copyIn(CopyManager copy, String table, StringBuilder rows) throws SQLException {
        try {
            copy.copyIn("COPY " + table + " FROM STDIN", new StringReader(rows.toString()));
        } catch (java.io.IOException e) {
            throw new SQLException("COPY into " + table + " failed", e);
        }
    }

    /** A COPY text-format row; the generated values hold no tabs, newlines or backslashes. */
    private static void row(StringBuilder out, Object... values) {
        for (int i = 0; i < values.length; i++) {
            out.append(i == 0 ? "" : "\t").append(values[i]);
        }
        out.append('\n');
    }

    static UUID uuid(String kind, int tenant, int n) {
        return UUID.nameUUIDFromBytes((kind + "/" + tenant + "/" + n).getBytes(StandardCharsets.UTF_8));
    }
}
