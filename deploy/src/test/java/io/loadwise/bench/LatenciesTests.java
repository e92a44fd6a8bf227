package io.loadwise.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LatenciesTests {

    @Test
    void percentiles_are_nearest_rank_over_all_samples_in_milliseconds() {
        Latencies latencies = new Latencies();
        // 1..100 ms, added out of order and beyond the initial capacity's first growth.
        for (int round = 0; round < 50; round++) {
            for (int ms = 100; ms >= 1; ms--) {
                latencies.add(ms * 1_000_000L);
            }
        }

        assertThat(latencies.count()).isEqualTo(5000);
        assertThat(latencies.percentileMillis(50)).isEqualTo(50.0);
        assertThat(latencies.percentileMillis(99)).isEqualTo(99.0);
        assertThat(latencies.percentileMillis(100)).isEqualTo(100.0);
        assertThat(latencies.meanMillis()).isEqualTo(50.5);
    }

    @Test
    void a_single_slow_request_among_a_hundred_is_the_p99_only_when_it_is_above_the_99th() {
        Latencies latencies = new Latencies();
        for (int i = 0; i < 99; i++) {
            latencies.add(2_000_000L);
        }
        latencies.add(500_000_000L);

        assertThat(latencies.percentileMillis(99)).isEqualTo(2.0);
        assertThat(latencies.percentileMillis(99.9)).isEqualTo(500.0);
    }

    @Test
    void no_samples_means_no_figure_rather_than_zero() {
        assertThat(new Latencies().percentileMillis(99)).isNaN();
        assertThatThrownBy(() -> new Latencies().percentileMillis(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
