package io.loadwise.bench;

import io.loadwise.testsupport.PostgresServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The benchmark's own embedded PostgreSQL, prepared like {@link PostgresServer} (same roles, same
 * database), plus what the benchmark needs and the test server doesn't offer: a superuser for fast
 * seeding past row level security, and a server log in JSON lines that the benchmark switches
 * statement logging on and off in, to capture the exact SQL the endpoint runs.
 */
final class BenchDatabase implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final Path logFile;

    private BenchDatabase(EmbeddedPostgres postgres, Path logFile) {
        this.postgres = postgres;
        this.logFile = logFile;
    }

    static BenchDatabase start(Path workDirectory) throws IOException, SQLException {
        Path logDirectory = Files.createDirectories(workDirectory.resolve("pglog"));
        // A run that was stopped leaves its cluster behind, and initdb refuses a directory in use.
        org.springframework.util.FileSystemUtils.deleteRecursively(workDirectory.resolve("pgdata"));
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setPort(0)
                .setDataDirectory(Files.createDirectories(workDirectory.resolve("pgdata")))
                .setCleanDataDirectory(true)
                .setRegisterShutdownHook(false)
                .setServerConfig("max_connections", "200")
                // Seeding a million rows is not the subject of the benchmark: skip the flushes.
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off")
                .setServerConfig("shared_buffers", "256MB")
                .setServerConfig("logging_collector", "on")
                .setServerConfig("log_destination", "jsonlog")
                .setServerConfig("log_directory", logDirectory.toString())
                .setServerConfig("log_filename", "postgresql.log")
                .setServerConfig("log_rotation_age", "0")
                .setServerConfig("log_rotation_size", "0")
                .start();
        BenchDatabase database = new BenchDatabase(postgres, logDirectory.resolve("postgresql.json"));
        database.bootstrap();
        return database;
    }

    /** What {@link PostgresServer} does for tests: the owner, the RLS-bound app role, the database. */
    private void bootstrap() throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(
                    "CREATE ROLE " + PostgresServer.OWNER + " LOGIN PASSWORD '" + PostgresServer.OWNER_PASSWORD + "'");
            statement.execute("CREATE ROLE " + PostgresServer.APP
                    + " LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE PASSWORD '"
                    + PostgresServer.APP_PASSWORD + "'");
            statement.execute("CREATE DATABASE " + PostgresServer.DATABASE + " OWNER " + PostgresServer.OWNER);
        }
    }

    int port() {
        return postgres.getPort();
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port() + "/" + PostgresServer.DATABASE;
    }

    /** The application connects as the app role and migrates as the owner, as in production. */
    Map<String, Object> applicationProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", jdbcUrl());
        properties.put("spring.datasource.username", PostgresServer.APP);
        properties.put("spring.datasource.password", PostgresServer.APP_PASSWORD);
        properties.put("spring.flyway.user", PostgresServer.OWNER);
        properties.put("spring.flyway.password", PostgresServer.OWNER_PASSWORD);
        properties.put("spring.flyway.placeholders.app_role", PostgresServer.APP);
        return properties;
    }

    /** The loadwise database as the superuser: bypasses row level security, for seeding only. */
    DataSource superuser() {
        return postgres.getDatabase("postgres", PostgresServer.DATABASE);
    }

    String serverVersion() throws SQLException {
        try (Connection connection = superuser().getConnection();
                Statement statement = connection.createStatement();
                var rs = statement.executeQuery("show server_version")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** The server's main process, whose children are the backends: for {@link CpuTime}. */
    long postmasterPid() throws SQLException {
        try (Connection connection = superuser().getConnection();
                Statement statement = connection.createStatement();
                var rs = statement.executeQuery("select pg_backend_pid()")) {
            rs.next();
            return ProcessHandle.of(rs.getLong(1))
                    .flatMap(ProcessHandle::parent)
                    .map(ProcessHandle::pid)
                    .orElse(-1L);
        }
    }

    void analyze() throws SQLException {
        try (Connection connection = superuser().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("VACUUM ANALYZE");
        }
    }

    /**
     * Runs {@code action} with every statement logged, and returns the JSON log lines written
     * meanwhile. A reload reaches an idle pooled connection only with its next message, which is
     * why callers make a request first and use the log of a later one.
     */
    List<String> logStatementsDuring(Runnable action) throws SQLException, IOException, InterruptedException {
        long from = Files.exists(logFile) ? Files.size(logFile) : 0;
        setStatementLogging("ALTER SYSTEM SET log_statement = 'all'");
        try {
            action.run();
        } finally {
            setStatementLogging("ALTER SYSTEM RESET log_statement");
        }
        return readFrom(from);
    }

    /** A statement that shows in the log between the requests a capture makes, to tell them apart. */
    void mark(String label) {
        try (Connection connection = superuser().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("SELECT '" + SqlCapture.MARKER + label.replace("'", "''") + "'");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not mark the statement log", e);
        }
    }

    private void setStatementLogging(String alterSystem) throws SQLException, InterruptedException {
        try (Connection connection = superuser().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(alterSystem);
            statement.execute("SELECT pg_reload_conf()");
        }
        // The reload is asynchronous, and so is the logging collector.
        Thread.sleep(500);
    }

    private List<String> readFrom(long offset) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(logFile.toFile(), "r")) {
            byte[] bytes = new byte[(int) (file.length() - offset)];
            file.seek(offset);
            file.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8).lines().toList();
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
