package io.loadwise.bench;

import java.util.Arrays;

/**
 * Latencies of one measurement in nanoseconds, kept whole (a few hundred thousand samples at most)
 * so percentiles are exact rather than bucketed.
 */
final class Latencies {

    private long[] samples = new long[4096];
    private int size;

    void add(long nanos) {
        if (size == samples.length) {
            samples = Arrays.copyOf(samples, size * 2);
        }
        samples[size++] = nanos;
    }

    void addAll(Latencies other) {
        for (int i = 0; i < other.size; i++) {
            add(other.samples[i]);
        }
    }

    /** These samples without the first {@code n} (e.g. a warm-up). */
    Latencies withoutFirst(int n) {
        Latencies rest = new Latencies();
        for (int i = Math.min(n, size); i < size; i++) {
            rest.add(samples[i]);
        }
        return rest;
    }

    int count() {
        return size;
    }

    /**
     * The nearest-rank percentile: the smallest sample that at least {@code percent}% of all samples
     * are less than or equal to.
     *
     * @return milliseconds, or NaN when there are no samples
     */
    double percentileMillis(double percent) {
        if (percent <= 0 || percent > 100) {
            throw new IllegalArgumentException("percent must be in (0, 100], was " + percent);
        }
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(samples, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100.0 * size);
        return sorted[Math.max(rank, 1) - 1] / 1_000_000.0;
    }

    double meanMillis() {
        if (size == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = 0; i < size; i++) {
            sum += samples[i];
        }
        return sum / size / 1_000_000.0;
    }
}
