package io.loadwise.bench;

import io.loadwise.LoadwiseApplication;
import io.loadwise.bench.RosterDataGenerator.SeededTenant;
import io.loadwise.testsupport.KafkaServer;
import io.loadwise.testsupport.KeycloakServer;
import io.loadwise.testsupport.KeycloakTestData;
import io.loadwise.testsupport.MailServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The roster benchmark of issue 3: {@code ./mvnw -B -ntp verify -pl deploy -am -Pbench -DskipTests}.
 *
 * <p>Starts PostgreSQL, Kafka, Keycloak and the application (web role) on free ports, seeds the
 * tenants, and for each tenant count (10, then 10,000 with 100 clients each) measures
 * {@code GET /api/v1/clients} from a second JVM ({@link LoadDriver}) against pgbench running the
 * SQL captured from the endpoint at the same concurrency, then the latency at half of the peak
 * throughput. Writes {@code docs/benchmarks.json} and the results section of {@code docs/benchmarks.md}.
 *
 * <p>Settings (system properties): {@code bench.tenants} (10,10000), {@code bench.clients} (100),
 * {@code bench.concurrency} (2,4,8), {@code bench.appWarmup} (30 s per tenant count, twice that for the first),
 * {@code bench.warmup} (5 s, before each measurement), {@code bench.measure} (15 s),
 * {@code bench.write} (true: update the docs).
 */
public final class RosterBenchmark {

    static final int LOGGED_IN_TENANTS = 10;
    private static final String PASSWORD = "bench-password-1";
    private static final String ROSTER_PATH = "/api/v1/clients?limit=50";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private long postmasterPid = -1;
    private final Path projectDir;
    private final Path workDir;
    private final int clientsPerTenant = Integer.getInteger("bench.clients", 100);
    private final List<Integer> tenantCounts = ints(System.getProperty("bench.tenants", "10,10000"));
    private final List<Integer> concurrencies = ints(System.getProperty("bench.concurrency", "2,4,8"));
    private final int warmup = Integer.getInteger("bench.warmup", 5);
    private final int measure = Integer.getInteger("bench.measure", 15);
    private final int appWarmup = Integer.getInteger("bench.appWarmup", 30);

    private RosterBenchmark(Path projectDir) throws IOException {
        this.projectDir = projectDir;
        this.workDir = Files.createDirectories(projectDir.resolve("deploy/target/bench"));
    }

    public static void main(String[] args) throws Exception {
        // Until Spring configures logging, the embedded broker logs every step at INFO.
        if (org.slf4j.LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext logback) {
            logback.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(ch.qos.logback.classic.Level.WARN);
        }
        Optional<Pgbench> pgbench = Pgbench.find();
        if (pgbench.isEmpty()) {
            System.err.println("""

                      The roster benchmark needs pgbench for its ceiling, and there is none on the PATH.
                      Install it (Debian/Ubuntu: apt-get install -y postgresql-client, which brings
                      /usr/bin/pgbench), or point PGBENCH at one, then run the benchmark again.
                    """);
            System.exit(3);
        }
        Path projectDir = Path.of(System.getProperty("loadwise.project.dir", System.getProperty("user.dir")))
                .toAbsolutePath();
        int status = 0;
        RosterBenchmark benchmark = new RosterBenchmark(projectDir);
        try {
            benchmark.run(pgbench.get());
        } catch (Exception e) {
            e.printStackTrace();
            status = 1;
        } finally {
            benchmark.stopAll();
        }
        System.exit(status);
    }

    private void run(Pgbench pgbench) throws Exception {
        say("Starting PostgreSQL, Kafka, Keycloak and SMTP (work directory " + workDir + ")");
        ExecutorService starters = Executors.newFixedThreadPool(4);
        var database = CompletableFuture.supplyAsync(
                () -> {
                    try {
                        return keep(BenchDatabase.start(workDir));
                    } catch (IOException | SQLException e) {
                        throw new IllegalStateException("Could not start PostgreSQL", e);
                    }
                },
                starters);
        var kafka = CompletableFuture.supplyAsync(() -> keep(KafkaServer.startEmbedded(0)), starters);
        var mail = CompletableFuture.supplyAsync(() -> keep(MailServer.start(0)), starters);
        var keycloak = CompletableFuture.supplyAsync(() -> keep(KeycloakServer.startEmbedded(0, 0, null)), starters);
        starters.shutdown();

        BenchDatabase db = database.join();
        postmasterPid = db.postmasterPid();
        KeycloakServer identity = keycloak.join();
        Map<String, Object> properties = new LinkedHashMap<>(db.applicationProperties());
        properties.put("spring.kafka.bootstrap-servers", kafka.join().bootstrapServers());
        properties.put("spring.mail.host", "127.0.0.1");
        properties.put("spring.mail.port", mail.join().smtpPort());
        properties.put("loadwise.identity.url", identity.url());
        properties.put("loadwise.identity.ui-client-secret", KeycloakServer.UI_CLIENT_SECRET);
        properties.put("loadwise.identity.provisioning-client-secret", KeycloakServer.PROVISIONING_CLIENT_SECRET);
        properties.put("loadwise.roles", "web");
        properties.put("server.port", 0);
        properties.put("logging.level.root", "WARN");
        String[] arguments = properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        say("Starting the application (web role)");
        ConfigurableApplicationContext app = new SpringApplication(LoadwiseApplication.class).run(arguments);
        keep(app::close);
        String appUrl = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");

        say("Creating " + LOGGED_IN_TENANTS + " Keycloak organizations with an owner each");
        List<SeededTenant> loggedIn = new ArrayList<>();
        List<String> usernames = new ArrayList<>();
        try (KeycloakTestData keycloakData = KeycloakTestData.of(identity)) {
            for (int i = 0; i < LOGGED_IN_TENANTS; i++) {
                String organization = keycloakData.createOrganization("bench-" + i, "Bench Coaching " + i);
                String username = "bench-owner-" + i;
                String user = keycloakData.createUser(username, PASSWORD, organization, "coach");
                loggedIn.add(new SeededTenant(i, UUID.fromString(organization), UUID.fromString(user)));
                usernames.add(username);
            }
        }

        RosterDataGenerator generator = new RosterDataGenerator(db.superuser(), clientsPerTenant);
        Report report = new Report(Instant.now(), environment(pgbench, db));
        int seeded = 0;
        for (int tenants : tenantCounts) {
            long seeding = System.nanoTime();
            List<SeededTenant> more = new ArrayList<>();
            for (int n = seeded; n < tenants; n++) {
                more.add(n < LOGGED_IN_TENANTS ? loggedIn.get(n) : SeededTenant.filler(n));
            }
            say("Seeding " + more.size() + " tenants x " + clientsPerTenant + " clients");
            generator.seed(more);
            seeded = tenants;
            db.analyze();
            say("Seeded and analyzed in "
                    + Duration.ofNanos(System.nanoTime() - seeding).toSeconds() + " s");
            report.add(scenario(tenants, db, pgbench, appUrl, identity.url(), loggedIn, usernames));
        }
        report.print();
        if (Boolean.parseBoolean(System.getProperty("bench.write", "true"))) {
            report.write(projectDir.resolve("docs"));
            say("Wrote docs/benchmarks.json and the results section of docs/benchmarks.md");
        }
    }

    private Report.Scenario scenario(
            int tenants,
            BenchDatabase db,
            Pgbench pgbench,
            String appUrl,
            String keycloakUrl,
            List<SeededTenant> loggedIn,
            List<String> usernames)
            throws Exception {
        String target = appUrl + ROSTER_PATH;
        String users = String.join(",", usernames);
        int busiest = concurrencies.getLast();
        // Long enough for the JIT to compile the request path before anything is measured; the
        // first tenant count gets twice as long, so it is not measured on a colder app than the next.
        int seconds = tenants == tenantCounts.getFirst() ? 2 * appWarmup : appWarmup;
        say(tenants + " tenants: warming up the app (" + seconds + " s at " + busiest + " concurrent)");
        drive(target, keycloakUrl, users, "closed", busiest, seconds - 1L, 1);

        List<Path> scripts = captureScripts(tenants, db, target, keycloakUrl, loggedIn, usernames);

        // What this JVM burns with no request in flight (the Kafka broker, the JIT catching up,
        // schedulers): part of every "app JVM" figure below, and no part of a request.
        CpuTime restStart = CpuTime.sample(postmasterPid);
        Thread.sleep(5000);
        double atRest = CpuTime.sample(postmasterPid).minus(restStart).application() / 5;
        say(String.format(Locale.ROOT, "  app JVM at rest: %.0f ms CPU per second", atRest));

        List<Report.Step> steps = new ArrayList<>();
        for (int concurrency : concurrencies) {
            say(tenants + " tenants, " + concurrency + " concurrent: app");
            JsonNode app = drive(target, keycloakUrl, users, "closed", concurrency, warmup, measure);
            say(tenants + " tenants, " + concurrency + " concurrent: pgbench");
            CpuTime before = CpuTime.sample(postmasterPid);
            Pgbench.Result ceiling = pgbench.run(db.port(), scripts, concurrency, measure);
            // pgbench's backends count once the postmaster has reaped them: give it a moment.
            Thread.sleep(500);
            CpuTime ceilingCpu = CpuTime.sample(postmasterPid).minus(before);
            Report.Step step = new Report.Step(concurrency, app, ceiling, ceilingCpu);
            say("  " + step.summary());
            steps.add(step);
        }
        Report.Step peak = steps.stream()
                .max((a, b) -> Double.compare(a.throughput(), b.throughput()))
                .orElseThrow();
        double halfRate = Math.max(1, Math.floor(peak.throughput() / 2));
        say(tenants + " tenants: open loop at half of peak, " + halfRate + " requests/s");
        JsonNode half = drive(target, keycloakUrl, users, "open", halfRate, warmup, measure + 5);
        say(String.format(
                Locale.ROOT,
                "  p50 %.2f ms, p99 %.2f ms, errors %d",
                half.get("p50Ms").asDouble(),
                half.get("p99Ms").asDouble(),
                half.get("errors").asLong()));
        return new Report.Scenario(
                tenants, clientsPerTenant, atRest, steps, peak, halfRate, half, Files.readString(scripts.getFirst()));
    }

    /**
     * One pgbench script per logged-in tenant, from the statement log of that tenant's second
     * request (the first one lets every pooled connection pick up the logging setting).
     */
    private List<Path> captureScripts(
            int tenants,
            BenchDatabase db,
            String target,
            String keycloakUrl,
            List<SeededTenant> loggedIn,
            List<String> usernames)
            throws Exception {
        List<String> tokens = new ArrayList<>();
        for (String username : usernames) {
            tokens.add(token(keycloakUrl, username));
        }
        HttpClient http = HttpClient.newHttpClient();
        List<String> log = db.logStatementsDuring(() -> {
            for (int round = 1; round <= 2; round++) {
                for (int i = 0; i < tokens.size(); i++) {
                    db.mark("round " + round + " tenant " + i);
                    get(http, target, tokens.get(i));
                }
            }
            db.mark("done");
        });
        Path directory = Files.createDirectories(workDir.resolve("pgbench-" + tenants));
        List<Path> scripts = new ArrayList<>();
        for (int i = 0; i < loggedIn.size(); i++) {
            String script = SqlCapture.pgbenchScript(
                    log, "round 2 tenant " + i, loggedIn.get(i).id().toString());
            scripts.add(Files.writeString(directory.resolve("tenant-" + i + ".sql"), script));
        }
        say("Captured the endpoint's SQL into " + directory);
        return scripts;
    }

    private static void get(HttpClient http, String target, String token) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(target))
                            .header("Authorization", "Bearer " + token)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        "GET " + target + " answered " + response.statusCode() + ": " + response.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String token(String keycloakUrl, String username) throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=" + KeycloakServer.TEST_CLIENT + "&scope=openid&username="
                + username + "&password=" + PASSWORD;
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(URI.create(
                                    keycloakUrl + "/realms/" + KeycloakServer.REALM + "/protocol/openid-connect/token"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(response.body()).get("access_token").asString();
        }
    }

    /** Runs the load driver in its own JVM and returns its result. */
    private JsonNode drive(
            String target, String keycloakUrl, String users, String mode, double load, long warmupSeconds, long seconds)
            throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = List.of(
                java,
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                LoadDriver.class.getName(),
                target,
                keycloakUrl,
                users,
                PASSWORD,
                mode,
                String.valueOf(load),
                String.valueOf(warmupSeconds),
                String.valueOf(seconds));
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String result = null;
        CpuTime windowStart = null;
        CpuTime window = null;
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.equals(LoadDriver.MEASURE_START)) {
                    windowStart = CpuTime.sample(postmasterPid);
                } else if (line.equals(LoadDriver.MEASURE_END) && windowStart != null) {
                    window = CpuTime.sample(postmasterPid).minus(windowStart);
                } else if (line.startsWith(LoadDriver.RESULT_PREFIX)) {
                    result = line.substring(LoadDriver.RESULT_PREFIX.length());
                }
            }
        }
        if (process.waitFor() != 0 || result == null) {
            throw new IllegalStateException("The load driver failed (exit " + process.exitValue() + ")");
        }
        tools.jackson.databind.node.ObjectNode node = (tools.jackson.databind.node.ObjectNode) JSON.readTree(result);
        if (node.get("rowsPerPage").asInt() != 50) {
            throw new IllegalStateException("The roster page had " + node.get("rowsPerPage") + " rows, not 50");
        }
        if (window != null) {
            // The driver's own CPU is in its result; the app's and PostgreSQL's are sampled here.
            double requests = Math.max(1, node.get("requests").asDouble());
            node.put("appCpuMsPerRequest", window.application() / requests);
            node.put("postgresCpuMsPerRequest", window.postgres() / requests);
        }
        return node;
    }

    private Map<String, String> environment(Pgbench pgbench, BenchDatabase db) throws Exception {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("cores", String.valueOf(Runtime.getRuntime().availableProcessors()));
        environment.put("load average at start", loadAverage());
        environment.put("java", System.getProperty("java.vm.name") + " " + Runtime.version());
        environment.put("postgresql", db.serverVersion());
        environment.put("pgbench", pgbench.version());
        environment.put("commit", git("rev-parse", "--short", "HEAD"));
        environment.put(
                "settings",
                "tenants " + tenantCounts + ", clients per tenant " + clientsPerTenant + ", concurrency "
                        + concurrencies + ", app warm-up " + appWarmup + " s, warm-up " + warmup + " s and measure "
                        + measure
                        + " s per step");
        return environment;
    }

    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private String git(String... args) {
        try {
            List<String> command = new ArrayList<>(List.of("git", "-C", projectDir.toString()));
            command.addAll(Arrays.asList(args));
            Process process = new ProcessBuilder(command).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return process.waitFor() == 0 ? out : "unknown";
        } catch (IOException | InterruptedException e) {
            return "unknown";
        }
    }

    private <T extends AutoCloseable> T keep(T resource) {
        synchronized (started) {
            started.push(resource);
        }
        return resource;
    }

    private void stopAll() {
        synchronized (started) {
            while (!started.isEmpty()) {
                try {
                    started.pop().close();
                } catch (Exception e) {
                    System.err.println("Stopping failed: " + e.getMessage());
                }
            }
        }
    }

    private static List<Integer> ints(String csv) {
        return Arrays.stream(csv.split(","))
                .map(String::trim)
                .map(Integer::parseInt)
                .toList();
    }

    static void say(String message) {
        System.out.println("[bench " + Instant.now().toString().substring(11, 19) + "] " + message);
    }
}
