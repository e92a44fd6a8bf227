package io.loadwise.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real Keycloak (the {@code keycloak-quarkus-dist} from Maven Central) running as a child
 * process, with the {@code loadwise} realm of {@code deploy/keycloak/loadwise-realm.json} imported.
 *
 * <p>The distribution is unpacked and built ({@code kc.sh build}, the slow one-off step) once per
 * machine into {@code ~/.loadwise/keycloak/<version>/dist}, guarded by a file lock so parallel test
 * JVMs don't race. Each server then starts that shared build with {@code --optimized} and its own
 * home directory ({@code kc.home.dir}) holding its database and realm import, so several can run
 * side by side. New homes start from a template database that already holds the realm, made once
 * per realm file, which turns a fresh start (schema creation and import) into a warm one.
 */
public final class KeycloakServer implements AutoCloseable {

    public static final String UI_CLIENT_SECRET = "loadwise-ui-local-secret";
    public static final String PROVISIONING_CLIENT_SECRET = "loadwise-provisioner-local-secret";
    public static final String ADMIN_USER = "admin", ADMIN_PASSWORD = "admin";

    /** The realm of the realm file. */
    public static final String REALM = "loadwise";

    /** The realm file's password-grant client, which exists for local and test runs only. */
    public static final String TEST_CLIENT = "loadwise-test";

    private static final Logger log = LoggerFactory.getLogger(KeycloakServer.class);

    private static final String REALM_RESOURCE = "keycloak/loadwise-realm.json";
    private static final String VERSION_RESOURCE = "keycloak/keycloak-dist.properties";

    /**
     * Build-time options baked in by {@code kc.sh build}. The dev-file (H2) database keeps each
     * server self-contained; the organization feature is on by default in Keycloak 26.
     */
    private static final List<String> BUILD_OPTIONS = List.of("--db=dev-file", "--health-enabled=true");

    private static final String DATABASE_FILE = "data/h2/keycloakdb.mv.db";

    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);

    /** File locks are per JVM, not per thread: threads of one JVM queue here first. */
    private static final Object PREPARE_LOCK = new Object();

    private final Process process;
    private final List<ProcessHandle> processTree;
    private final int httpPort;
    private final int managementPort;
    private final Path logFile;
    private volatile @Nullable Path throwawayHome;
    private final Thread shutdownHook;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private volatile boolean closed;

    private KeycloakServer(
            Process process, int httpPort, int managementPort, Path logFile, @Nullable Path throwawayHome) {
        this.process = process;
        this.processTree = new CopyOnWriteArrayList<>();
        this.httpPort = httpPort;
        this.managementPort = managementPort;
        this.logFile = logFile;
        this.throwawayHome = throwawayHome;
        this.shutdownHook = new Thread(() -> stop(), "keycloak-" + httpPort + "-shutdown");
    }

    /**
     * Starts Keycloak and waits until it is ready.
     *
     * @param httpPort the HTTP port, or 0 for any free one
     * @param managementPort the management port (health), or 0 for any free one
     * @param homeOrNull where to keep Keycloak's data across runs (the realm is imported on the
     *     first start only), or null for a throwaway directory removed on close
     */
    public static KeycloakServer startEmbedded(int httpPort, int managementPort, @Nullable Path homeOrNull) {
        long began = System.nanoTime();
        String version = distributionVersion();
        try {
            byte[] realm = realmFile();
            Prepared prepared = prepare(version, realm);
            Path home = homeOrNull != null
                    ? Files.createDirectories(homeOrNull.toAbsolutePath())
                    : Files.createTempDirectory("loadwise-keycloak-");
            Path database = home.resolve(DATABASE_FILE);
            if (!Files.exists(database)) {
                // A copy of a database that already holds the realm: no schema creation, no import.
                Files.createDirectories(database.getParent());
                Files.copy(prepared.template().resolve(DATABASE_FILE), database);
            }
            KeycloakServer server = launch(
                    prepared.dist(),
                    home,
                    realm,
                    httpPort == 0 ? freePort() : httpPort,
                    managementPort == 0 ? freePort() : managementPort,
                    homeOrNull == null);
            log.info(
                    "Keycloak {} ready at {} in {} ms (log: {})",
                    version,
                    server.url(),
                    Duration.ofNanos(System.nanoTime() - began).toMillis(),
                    server.logFile);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start Keycloak", e);
        }
    }

    /** Starts a server on a prepared home and waits until it is ready; stops it again on failure. */
    private static KeycloakServer launch(
            Path dist, Path home, byte[] realm, int http, int management, boolean throwaway) throws IOException {
        linkDistribution(dist, home);
        Path importDir = Files.createDirectories(home.resolve("data/import"));
        Files.write(importDir.resolve("loadwise-realm.json"), realm);
        Path logFile = home.resolve("keycloak.log");

        List<String> command = new ArrayList<>();
        command.add(dist.resolve("bin/kc.sh").toString());
        // kc.sh passes -D arguments after its own, so this home wins over the shared dist's.
        command.add("-Dkc.home.dir=" + home);
        command.addAll(List.of(
                "start",
                "--optimized",
                "--http-enabled=true",
                "--http-port=" + http,
                "--http-management-port=" + management,
                "--hostname-strict=false",
                // Imports data/import/*.json, skipping a realm that exists (IGNORE_EXISTING).
                "--import-realm",
                // A single node: no cluster discovery between servers on one machine.
                "--cache=local"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile());
        Map<String, String> env = builder.environment();
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER);
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        // Faster start on small machines: a test server gains little from the C2 compiler.
        env.put("JAVA_OPTS_APPEND", "-XX:TieredStopAtLevel=1");
        env.remove("JAVA_OPTS");

        KeycloakServer server = new KeycloakServer(builder.start(), http, management, logFile, throwaway ? home : null);
        Runtime.getRuntime().addShutdownHook(server.shutdownHook);
        try {
            server.awaitReady();
        } catch (RuntimeException e) {
            // Keep the home, so the log the exception names is still there to read.
            server.throwawayHome = null;
            server.close();
            throw e;
        }
        return server;
    }

    /**
     * The per-instance home sees the shared build through links: Keycloak looks for its build
     * ({@code lib/quarkus}), providers and themes under {@code kc.home.dir}.
     */
    private static void linkDistribution(Path dist, Path home) throws IOException {
        for (String shared : List.of("lib", "providers", "themes", "conf")) {
            Path link = home.resolve(shared);
            Path target = dist.resolve(shared);
            if (Files.isSymbolicLink(link)) {
                if (Files.readSymbolicLink(link).equals(target)) {
                    continue;
                }
                Files.delete(link);
            }
            Files.createSymbolicLink(link, target);
        }
    }

    /** The base URL, as browsers and the application reach it; tokens name it in their issuer. */
    public String url() {
        return "http://localhost:" + httpPort;
    }

    public int httpPort() {
        return httpPort;
    }

    /**
     * Logs a user in with the password grant of the test client and returns the access token, as
     * an API client would send it.
     */
    public String tokenFor(String username, String password) {
        String form = Stream.of(
                        Map.entry("grant_type", "password"),
                        Map.entry("client_id", TEST_CLIENT),
                        Map.entry("username", username),
                        Map.entry("password", password),
                        Map.entry("scope", "openid"))
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(url() + "/realms/" + REALM + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused a token for " + username + " (HTTP "
                        + response.statusCode() + "): " + response.body());
            }
            JsonNode body = JsonMapper.builder().build().readTree(response.body());
            return body.get("access_token").asString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while asking Keycloak for a token", e);
        }
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // Already shutting down: the hook is running or has run.
        }
    }

    /** Stops the process tree; true when every process ended on SIGTERM, false if one was killed. */
    private synchronized boolean stop() {
        if (closed) {
            return true;
        }
        closed = true;
        boolean clean = true;
        // kc.sh runs Keycloak's JVM as its child: stop the whole tree, not just the script.
        List<ProcessHandle> tree = new ArrayList<>(processTree);
        process.descendants().forEach(tree::add);
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
        for (ProcessHandle handle : tree) {
            try {
                long left = Math.max(0, deadline - System.nanoTime());
                handle.onExit().get(left, TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                handle.destroyForcibly();
                clean = false;
            }
        }
        Path home = throwawayHome;
        if (home != null) {
            deleteRecursively(home);
        }
        return clean;
    }

    private void awaitReady() {
        URI ready = URI.create("http://localhost:" + managementPort + "/health/ready");
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            // Remember the JVM under kc.sh while it runs, so close() finds it even if kc.sh is gone.
            process.descendants().filter(h -> !processTree.contains(h)).forEach(processTree::add);
            if (!process.isAlive()) {
                throw failure("Keycloak exited with code " + process.exitValue() + " while starting");
            }
            try {
                HttpResponse<Void> response = http.send(
                        HttpRequest.newBuilder(ready)
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failure("Interrupted while waiting for Keycloak");
            }
            sleep(250);
        }
        throw failure("Keycloak was not ready within " + START_TIMEOUT.toSeconds() + " s");
    }

    private IllegalStateException failure(String what) {
        return new IllegalStateException(what + ". Its log is " + logFile + "; last lines:\n" + tail(logFile, 30));
    }

    /** The version from the build (system property) or, outside Maven, from the test-jar. */
    private static String distributionVersion() {
        String version = System.getProperty("loadwise.keycloak.version");
        if (version != null && !version.isBlank()) {
            return version;
        }
        try (InputStream in = classpathResource(VERSION_RESOURCE)) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path distributionZip(String version) {
        String configured = System.getProperty("loadwise.keycloak.dist");
        if (configured != null && !configured.isBlank() && Files.isRegularFile(Path.of(configured))) {
            return Path.of(configured);
        }
        Path repository = Path.of(System.getProperty(
                "maven.repo.local",
                Path.of(System.getProperty("user.home"), ".m2", "repository").toString()));
        Path zip = repository.resolve(
                "org/keycloak/keycloak-quarkus-dist/" + version + "/keycloak-quarkus-dist-" + version + ".zip");
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException("The Keycloak distribution " + version + " is not in " + zip
                    + ". It is a test dependency: build with ./mvnw so Maven downloads it, or set"
                    + " -Dloadwise.keycloak.dist=/path/to/keycloak-quarkus-dist-" + version + ".zip");
        }
        return zip;
    }

    private record Prepared(Path dist, Path template) {}

    /**
     * Once per machine and version: unpacks and builds the distribution; once per realm file: a
     * template database with the realm imported, which every new server starts from (a fresh H2
     * database costs half a minute of schema creation).
     */
    private static Prepared prepare(String version, byte[] realm) {
        Path cache = Path.of(System.getProperty(
                        "loadwise.keycloak.cache",
                        Path.of(System.getProperty("user.home"), ".loadwise", "keycloak")
                                .toString()))
                .resolve(version);
        Path dist = cache.resolve("dist");
        Path marker = dist.resolve(".loadwise-built");
        Path template = cache.resolve("template-" + sha256(realm).substring(0, 16));
        String buildStamp = String.join(" ", BUILD_OPTIONS);
        synchronized (PREPARE_LOCK) {
            try {
                Files.createDirectories(cache);
                try (FileChannel channel = FileChannel.open(
                                cache.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                        FileLock ignored = channel.lock()) {
                    if (!Files.isRegularFile(marker)
                            || !Files.readString(marker).equals(buildStamp)) {
                        long began = System.nanoTime();
                        if (!Files.isDirectory(dist.resolve("bin"))) {
                            Path zip = distributionZip(version);
                            log.info("Unpacking Keycloak {} from {} (once per machine)", version, zip);
                            Path unpacking = cache.resolve("dist.unpacking");
                            deleteRecursively(unpacking);
                            unzip(zip, unpacking);
                            deleteRecursively(dist);
                            Files.move(unpacking, dist, StandardCopyOption.ATOMIC_MOVE);
                        }
                        log.info("Building Keycloak {} with {} (once per machine)", version, buildStamp);
                        build(dist, cache.resolve("build.log"));
                        Files.writeString(marker, buildStamp);
                        log.info(
                                "Keycloak {} built in {} s",
                                version,
                                Duration.ofNanos(System.nanoTime() - began).toSeconds());
                    }
                    if (!Files.isRegularFile(template.resolve(DATABASE_FILE))) {
                        createTemplate(dist, realm, cache, template);
                    }
                    return new Prepared(dist, template);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Could not prepare Keycloak in " + cache, e);
            }
        }
    }

    private static void createTemplate(Path dist, byte[] realm, Path cache, Path template) throws IOException {
        long began = System.nanoTime();
        log.info("Creating Keycloak's template database with the loadwise realm (once per realm file)");
        Path creating = cache.resolve("template.creating");
        deleteRecursively(creating);
        Files.createDirectories(creating);
        KeycloakServer seed = launch(dist, creating, realm, freePort(), freePort(), false);
        if (!seed.stop()) {
            throw new IllegalStateException(
                    "Keycloak did not stop cleanly after creating the template database;" + " log: " + seed.logFile);
        }
        Files.createDirectories(template.resolve(DATABASE_FILE).getParent());
        Files.move(creating.resolve(DATABASE_FILE), template.resolve(DATABASE_FILE), StandardCopyOption.ATOMIC_MOVE);
        deleteRecursively(creating);
        log.info(
                "Keycloak template database created in {} s",
                Duration.ofNanos(System.nanoTime() - began).toSeconds());
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void build(Path dist, Path logFile) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(dist.resolve("bin/kc.sh").toString());
        command.add("build");
        command.addAll(BUILD_OPTIONS);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dist.toFile())
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().remove("JAVA_OPTS");
        Process build = builder.start();
        try {
            if (!build.waitFor(BUILD_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                build.descendants().forEach(ProcessHandle::destroyForcibly);
                build.destroyForcibly();
                throw new IllegalStateException("kc.sh build did not finish within " + BUILD_TIMEOUT.toMinutes()
                        + " min; log: " + logFile + "\n" + tail(logFile, 30));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            build.destroyForcibly();
            throw new IllegalStateException("Interrupted while building Keycloak", e);
        }
        if (build.exitValue() != 0) {
            throw new IllegalStateException(
                    "kc.sh build failed (exit " + build.exitValue() + "); log: " + logFile + "\n" + tail(logFile, 30));
        }
    }

    /** Unpacks without the zip's top-level {@code keycloak-<version>/} folder. */
    private static void unzip(Path zip, Path target) throws IOException {
        Files.createDirectories(target);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                String name = entry.getName();
                int slash = name.indexOf('/');
                if (slash < 0 || slash == name.length() - 1) {
                    continue;
                }
                Path path = target.resolve(name.substring(slash + 1)).normalize();
                if (!path.startsWith(target)) {
                    throw new IOException("Zip entry outside the target: " + name);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else {
                    Files.createDirectories(path.getParent());
                    Files.copy(in, path, StandardCopyOption.REPLACE_EXISTING);
                    if (name.endsWith(".sh")) {
                        path.toFile().setExecutable(true);
                    }
                }
            }
        }
    }

    private static byte[] realmFile() throws IOException {
        try (InputStream realm = classpathResource(REALM_RESOURCE)) {
            return realm.readAllBytes();
        }
    }

    private static InputStream classpathResource(String name) throws IOException {
        InputStream in = KeycloakServer.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IOException(name + " is not on the classpath (it comes with platform-api's test-jar)");
        }
        return in;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    private static String tail(Path file, int lines) {
        try (Stream<String> all = Files.lines(file, StandardCharsets.UTF_8)) {
            List<String> content = all.toList();
            return String.join("\n", content.subList(Math.max(0, content.size() - lines), content.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteRecursively(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            log.debug("Could not delete {}: {}", path, e.getMessage());
        }
    }
}
