package io.loadwise.bench;

import io.loadwise.testsupport.PostgresServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * pgbench, the ceiling: the captured SQL straight against PostgreSQL, as the app role (so row level
 * security applies as it does for the app), from as many connections as the load driver has
 * workers, each transaction picking one of the tenants' scripts at random like the driver picks a
 * tenant's login.
 */
final class Pgbench {

    private static final Pattern TPS =
            Pattern.compile("^tps = ([0-9.]+) \\(without initial connection time\\)", Pattern.MULTILINE);
    private static final Pattern LATENCY = Pattern.compile("^latency average = ([0-9.]+) ms", Pattern.MULTILINE);
    private static final Pattern FAILED = Pattern.compile("^number of failed transactions: (\\d+)", Pattern.MULTILINE);
    private static final Pattern PROCESSED =
            Pattern.compile("^number of transactions actually processed: (\\d+)", Pattern.MULTILINE);

    record Result(double tps, double latencyAverageMs, long transactions, long failed) {}

    private final String executable;

    private Pgbench(String executable) {
        this.executable = executable;
    }

    /** The pgbench on the PATH (or {@code PGBENCH}), with its version line; empty when there is none. */
    static Optional<Pgbench> find() {
        String executable = Optional.ofNullable(System.getenv("PGBENCH")).orElse("pgbench");
        try {
            Process process = new ProcessBuilder(executable, "--version")
                    .redirectErrorStream(true)
                    .start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0 && out.contains("pgbench")) {
                return Optional.of(new Pgbench(executable));
            }
        } catch (IOException e) {
            // Not installed: the caller says what to do.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }

    String version() throws IOException, InterruptedException {
        Process process = new ProcessBuilder(executable, "--version")
                .redirectErrorStream(true)
                .start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return out.strip();
    }

    Result run(int port, List<Path> scripts, int clients, int seconds) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                executable,
                "--no-vacuum",
                // The app's driver prepares statements on the server after a few executions as well.
                "--protocol=prepared",
                "--client=" + clients,
                "--jobs=" + clients,
                "--time=" + seconds,
                "--host=localhost",
                "--port=" + port,
                "--username=" + PostgresServer.APP));
        scripts.forEach(script -> command.add("--file=" + script + "@1"));
        command.add(PostgresServer.DATABASE);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", PostgresServer.APP_PASSWORD);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(seconds + 60L, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("pgbench failed (" + String.join(" ", command) + "):\n" + out);
        }
        return parse(out);
    }

    static Result parse(String output) {
        return new Result(
                number(TPS, output, "tps"),
                number(LATENCY, output, "latency average"),
                (long) number(PROCESSED, output, "transactions processed"),
                FAILED.matcher(output).find() ? (long) number(FAILED, output, "failed") : 0);
    }

    private static double number(Pattern pattern, String output, String what) {
        Matcher matcher = pattern.matcher(output);
        if (!matcher.find()) {
            throw new IllegalStateException("No " + what + " in pgbench's output:\n" + output);
        }
        return Double.parseDouble(matcher.group(1));
    }
}
