package io.loadwise.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The load generator, run as its own JVM so its threads, garbage and JIT don't share a heap with
 * the application under test. Logs in as each tenant's coach first (password grant), then sends
 * {@code GET} requests with a random tenant's token each time, in one of two shapes:
 *
 * <ul>
 *   <li>{@code closed}: a fixed number of workers, each sending its next request when the last
 *       answered, which finds the throughput the app sustains at that concurrency;
 *   <li>{@code open}: requests at a fixed rate whether or not earlier ones answered, latency measured
 *       from when each request was due, so a stall shows up in the percentiles instead of silently
 *       lowering the rate (coordinated omission).
 * </ul>
 *
 * <p>Requests go over {@link KeepAliveHttp} connections, one per worker, because the JDK's client
 * costs the shared cores more CPU per request than the application does (the first page, checked
 * before measuring, still goes through the JDK's client).
 *
 * <p>Prints {@value #MEASURE_START} and {@value #MEASURE_END} around the measured window, then one
 * line {@code RESULT <json>} for the orchestrator ({@link RosterBenchmark}).
 *
 * <p>Arguments: {@code url keycloakUrl users password mode concurrencyOrRate warmupSeconds
 * measureSeconds}; {@code users} is a comma-separated list of usernames.
 */
public final class LoadDriver {

    static final String RESULT_PREFIX = "RESULT ";
    /** Printed when the measured window opens and closes, so the caller can sample CPU time then. */
    static final String MEASURE_START = "MEASURE-START", MEASURE_END = "MEASURE-END";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final URI target;
    private final List<String> tokens;
    private final AtomicLong errors = new AtomicLong();

    private LoadDriver(URI target, List<String> tokens) {
        this.target = target;
        this.tokens = tokens;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 8) {
            System.err.println("usage: LoadDriver url keycloakUrl users password closed|open concurrencyOrRate"
                    + " warmupSeconds measureSeconds");
            System.exit(2);
        }
        URI target = URI.create(args[0]);
        List<String> tokens = new ArrayList<>();
        for (String user : args[2].split(",")) {
            tokens.add(token(args[1], user, args[3]));
        }
        LoadDriver driver = new LoadDriver(target, tokens);
        int rows = driver.checkFirstPage();
        String mode = args[4];
        double load = Double.parseDouble(args[5]);
        Duration warmup = Duration.ofSeconds(Long.parseLong(args[6]));
        Duration measure = Duration.ofSeconds(Long.parseLong(args[7]));
        Measurement result = mode.equals("closed")
                ? driver.closedLoop((int) load, warmup, measure)
                : driver.openLoop(load, warmup, measure);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("mode", mode);
        out.put("load", load);
        out.put("rowsPerPage", rows);
        out.put("requests", result.latencies().count());
        out.put("errors", driver.errors.get());
        out.put("seconds", result.seconds());
        out.put("throughput", result.latencies().count() / result.seconds());
        out.put("meanMs", result.latencies().meanMillis());
        out.put("p50Ms", result.latencies().percentileMillis(50));
        out.put("p90Ms", result.latencies().percentileMillis(90));
        out.put("p99Ms", result.latencies().percentileMillis(99));
        out.put("p999Ms", result.latencies().percentileMillis(99.9));
        out.put("maxMs", result.latencies().percentileMillis(100));
        out.put(
                "driverCpuMsPerRequest",
                (cpuAtEnd - cpuAtStart) / 1e6 / Math.max(1, result.latencies().count()));
        System.out.println(RESULT_PREFIX + JSON.writeValueAsString(out));
        System.exit(0);
    }

    record Measurement(Latencies latencies, double seconds) {}

    /** One request per tenant before measuring: every login must see a full page, else the figures mean nothing. */
    private int checkFirstPage() throws IOException, InterruptedException {
        int rows = -1;
        for (String token : tokens) {
            HttpResponse<String> response = http.send(request(token), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        "GET " + target + " answered " + response.statusCode() + ": " + response.body());
            }
            JsonNode items = JSON.readTree(response.body()).get("items");
            rows = rows < 0 ? items.size() : Math.min(rows, items.size());
        }
        return rows;
    }

    private Measurement closedLoop(int workers, Duration warmup, Duration measure) throws InterruptedException {
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long end = measureFrom + measure.toNanos();
        Thread markers = markWindow(measureFrom, end);
        List<Latencies> perWorker = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            Latencies latencies = new Latencies();
            perWorker.add(latencies);
            threads.add(Thread.ofPlatform().name("driver-" + i).start(() -> {
                KeepAliveHttp connection = new KeepAliveHttp(target);
                long now;
                while ((now = System.nanoTime()) < end) {
                    boolean ok = send(connection, randomToken());
                    long done = System.nanoTime();
                    if (ok && now >= measureFrom) {
                        latencies.add(done - now);
                    }
                }
                connection.close();
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        markers.join();
        Latencies all = new Latencies();
        perWorker.forEach(all::addAll);
        return new Measurement(all, measure.toNanos() / 1e9);
    }

    private Measurement openLoop(double perSecond, Duration warmup, Duration measure) throws InterruptedException {
        long interval = (long) (1e9 / perSecond);
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long end = measureFrom + measure.toNanos();
        Thread markers = markWindow(measureFrom, end);
        Latencies latencies = new Latencies();
        ConcurrentLinkedQueue<KeepAliveHttp> idle = new ConcurrentLinkedQueue<>();
        try (ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor()) {
            for (long due = start; due < end; due += interval) {
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                long intended = due;
                requests.execute(() -> {
                    KeepAliveHttp connection = idle.poll();
                    if (connection == null) {
                        connection = new KeepAliveHttp(target);
                    }
                    boolean ok = send(connection, randomToken());
                    idle.add(connection);
                    long done = System.nanoTime();
                    if (ok && intended >= measureFrom) {
                        synchronized (latencies) {
                            latencies.add(done - intended);
                        }
                    }
                });
            }
            requests.shutdown();
            requests.awaitTermination(30, TimeUnit.SECONDS);
        }
        idle.forEach(KeepAliveHttp::close);
        markers.join();
        return new Measurement(latencies, measure.toNanos() / 1e9);
    }

    private static volatile long cpuAtStart, cpuAtEnd;

    private static Thread markWindow(long from, long to) {
        return Thread.ofPlatform().name("driver-window").start(() -> {
            LockSupport.parkNanos(from - System.nanoTime());
            cpuAtStart = processCpuNanos();
            System.out.println(MEASURE_START);
            LockSupport.parkNanos(to - System.nanoTime());
            cpuAtEnd = processCpuNanos();
            System.out.println(MEASURE_END);
        });
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private String randomToken() {
        return tokens.get(ThreadLocalRandom.current().nextInt(tokens.size()));
    }

    private boolean send(KeepAliveHttp connection, String token) {
        try {
            if (connection.get(token) == 200) {
                return true;
            }
        } catch (IOException | RuntimeException e) {
            // Counted below: a failed request is an error, not a latency; the connection reopens.
        }
        errors.incrementAndGet();
        return false;
    }

    private HttpRequest request(String token) {
        return HttpRequest.newBuilder(target)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .timeout(Duration.ofSeconds(10))
                .GET()
                .build();
    }

    private static String token(String keycloakUrl, String username, String password)
            throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=loadwise-test&scope=openid&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(URI.create(keycloakUrl + "/realms/loadwise/protocol/openid-connect/token"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused a token for " + username + ": "
                        + response.statusCode() + " " + response.body());
            }
            return JSON.readTree(response.body()).get("access_token").asString();
        }
    }
}
