package io.loadwise.tenancy.internal;

import io.loadwise.tenancy.TenantContext;
import io.loadwise.tenancy.TenantId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;

/**
 * The single place where the tenant reaches PostgreSQL.
 *
 * <p>Every Spring-managed transaction (jOOQ repositories, JdbcTemplate, the Modulith registry)
 * begins here. Right after the connection leaves auto-commit, the bound tenant is written with
 * {@code set_config('app.tenant_id', ?, true)}: a bind parameter, never string concatenation, and
 * {@code is_local = true}, so the value dies with the transaction and can't leak to the next user
 * of the pooled connection. With no tenant bound the setting is explicitly emptied, which the
 * row level security policies read as "no tenant": no rows.
 */
public class TenantAwareTransactionManager extends JdbcTransactionManager {

    private static final String SET_TENANT = "select set_config('app.tenant_id', ?, true)";

    public TenantAwareTransactionManager(DataSource dataSource) {
        super(dataSource);
    }

    @Override
    protected void prepareTransactionalConnection(Connection connection, TransactionDefinition definition)
            throws SQLException {
        super.prepareTransactionalConnection(connection, definition);
        String tenant = TenantContext.current().map(TenantId::toString).orElse("");
        try (PreparedStatement statement = connection.prepareStatement(SET_TENANT)) {
            statement.setString(1, tenant);
            statement.execute();
        }
    }
}
