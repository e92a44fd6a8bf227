package io.loadwise.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PgbenchTests {

    private static final String OUTPUT = """
            pgbench (15.18 (Debian 15.18-0+deb12u1), server 17.6)
            transaction type: multiple scripts
            scaling factor: 1
            query mode: prepared
            number of clients: 4
            number of threads: 4
            maximum number of tries: 1
            duration: 15 s
            number of transactions actually processed: 30061
            number of failed transactions: 0 (0.000%)
            latency average = 1.996 ms
            initial connection time = 11.024 ms
            tps = 2004.012345 (without initial connection time)
            SQL script 1: /tmp/tenant-0.sql
             - weight: 1 (targets 10.0% of total)
            """;

    @Test
    void reads_throughput_latency_and_failures_from_pgbench_output() {
        Pgbench.Result result = Pgbench.parse(OUTPUT);

        assertThat(result.tps()).isEqualTo(2004.012345);
        assertThat(result.latencyAverageMs()).isEqualTo(1.996);
        assertThat(result.transactions()).isEqualTo(30061);
        assertThat(result.failed()).isZero();
    }

    @Test
    void output_without_a_throughput_is_an_error_that_shows_the_output() {
        assertThatThrownBy(() -> Pgbench.parse("pgbench: error: connection refused"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("connection refused");
    }
}
