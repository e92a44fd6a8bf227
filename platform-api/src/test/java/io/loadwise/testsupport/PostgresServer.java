package io.loadwise.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * A real PostgreSQL for tests and the local run: a Testcontainers container where Docker runs,
 * else zonky's embedded PostgreSQL 17 binaries.
 *
 * <p>It is prepared like production: database {@code loadwise} owned by {@code loadwise_owner}
 * (who runs Flyway) and a separate {@code loadwise_app} login that owns nothing and lacks
 * BYPASSRLS, which the application connects as.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String DATABASE = "loadwise";
    public static final String OWNER = "loadwise_owner";
    public static final String APP = "loadwise_app";
    public static final String OWNER_PASSWORD = "loadwise_owner_local";
    public static final String APP_PASSWORD = "loadwise_app_local";

    private final String host;
    private final int port;
    private final AutoCloseable handle;

    private PostgresServer(String host, int port, AutoCloseable handle) {
        this.host = host;
        this.port = port;
        this.handle = handle;
    }

    /**
     * Starts an embedded server.
     *
     * @param port the port, or 0 for any free one
     * @param dataDirectory where to keep data across runs, or null for a throwaway directory
     */
    public static PostgresServer startEmbedded(int port, Path dataDirectory) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setServerConfig("max_connections", "200")
                    // Whoever started the server stops it, after the application that uses it:
                    // zonky's own hook would stop it while Spring is still closing its pool.
                    .setRegisterShutdownHook(false);
            if (dataDirectory != null) {
                builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
            } else {
                // A throwaway test database need not survive a crash: trade durability for speed.
                builder.setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off");
            }
            EmbeddedPostgres postgres = builder.start();
            PostgresServer server = new PostgresServer("localhost", postgres.getPort(), postgres);
            server.bootstrap(postgres.getPostgresDatabase());
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start embedded PostgreSQL", e);
        }
    }

    @SuppressWarnings("resource")
    public static PostgresServer startContainer() {
        PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine")
                .withCommand("postgres", "-c", "fsync=off", "-c", "max_connections=200");
        container.start();
        PGSimpleDataSource admin = new PGSimpleDataSource();
        admin.setUrl(container.getJdbcUrl());
        admin.setUser(container.getUsername());
        admin.setPassword(container.getPassword());
        PostgresServer server = new PostgresServer(container.getHost(), container.getMappedPort(5432), container);
        server.bootstrap(admin);
        return server;
    }

    /** What a DBA does once per installation: roles and the database, before any migration. */
    private void bootstrap(DataSource superuser) {
        try (Connection connection = superuser.getConnection();
                Statement statement = connection.createStatement()) {
            if (!exists(statement, "select 1 from pg_roles where rolname = '" + OWNER + "'")) {
                statement.execute("CREATE ROLE " + OWNER + " LOGIN PASSWORD '" + OWNER_PASSWORD + "'");
            }
            if (!exists(statement, "select 1 from pg_roles where rolname = '" + APP + "'")) {
                statement.execute("CREATE ROLE " + APP + " LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE"
                        + " PASSWORD '" + APP_PASSWORD + "'");
            }
            if (!exists(statement, "select 1 from pg_database where datname = '" + DATABASE + "'")) {
                statement.execute("CREATE DATABASE " + DATABASE + " OWNER " + OWNER);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare the loadwise database", e);
        }
    }

    private static boolean exists(Statement statement, String query) throws SQLException {
        try (ResultSet rs = statement.executeQuery(query)) {
            return rs.next();
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + DATABASE;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** A data source logged in as the application role (subject to row level security). */
    public DataSource appDataSource() {
        return dataSource(APP, APP_PASSWORD);
    }

    /** A data source logged in as the schema owner (Flyway's role). */
    public DataSource ownerDataSource() {
        return dataSource(OWNER, OWNER_PASSWORD);
    }

    private DataSource dataSource(String user, String password) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(jdbcUrl());
        dataSource.setUser(user);
        dataSource.setPassword(password);
        return dataSource;
    }

    @Override
    public void close() throws Exception {
        handle.close();
    }
}
