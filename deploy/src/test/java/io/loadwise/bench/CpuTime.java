package io.loadwise.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time used by the benchmark's processes, from {@code /proc} (Linux). On a shared machine
 * throughput says as much about the neighbours as about the code; CPU milliseconds per request
 * say what a request costs whatever else runs.
 *
 * <p>A sample holds, in milliseconds: this JVM (the application, plus an idle Kafka broker), the
 * children it has waited for (the load driver or pgbench of a finished step) and PostgreSQL (the
 * postmaster with the backends it has reaped, plus its live backends).
 */
record CpuTime(double application, double finishedChildren, double postgres) {

    private static final double MS_PER_TICK = 10; // USER_HZ is 100 on every Linux we run on

    static CpuTime sample(long postmasterPid) {
        long[] self = ticks(ProcessHandle.current().pid());
        long[] postmaster = ticks(postmasterPid);
        long backends = ProcessHandle.of(postmasterPid).stream()
                .flatMap(ProcessHandle::children)
                .mapToLong(child -> {
                    long[] t = ticks(child.pid());
                    return t[0] + t[1];
                })
                .sum();
        return new CpuTime(
                (self[0] + self[1]) * MS_PER_TICK,
                (self[2] + self[3]) * MS_PER_TICK,
                (postmaster[0] + postmaster[1] + postmaster[2] + postmaster[3] + backends) * MS_PER_TICK);
    }

    CpuTime minus(CpuTime earlier) {
        return new CpuTime(
                application - earlier.application,
                finishedChildren - earlier.finishedChildren,
                postgres - earlier.postgres);
    }

    /** utime, stime, cutime, cstime in clock ticks; zeros when the process is gone or there is no /proc. */
    static long[] ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return ticksOf(stat);
        } catch (IOException | RuntimeException e) {
            return new long[4];
        }
    }

    /** Fields 14 to 17 of a {@code /proc/<pid>/stat} line; the command name may hold spaces and parentheses. */
    static long[] ticksOf(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // fields[0] is the state, field 3 of the line; utime is field 14.
        return new long[] {
            Long.parseLong(fields[11]),
            Long.parseLong(fields[12]),
            Long.parseLong(fields[13]),
            Long.parseLong(fields[14])
        };
    }
}
