package org.morgue.bench;

import java.util.Arrays;

/**
 * Latencies of one series of queries, in nanoseconds, and their percentiles (nearest
 * rank). Thread-safe for recording from several client threads.
 */
final class Latencies {

	private long[] values = new long[256];

	private int size;

	private long totalHits;

	synchronized void add(long nanos, long hits) {
		if (size == values.length) {
			values = Arrays.copyOf(values, size * 2);
		}
		values[size++] = nanos;
		totalHits += hits;
	}

	synchronized int count() {
		return size;
	}

	synchronized double meanHits() {
		return (size == 0) ? 0 : (double) totalHits / size;
	}

	/** The value below which {@code fraction} of the latencies lie, in milliseconds. */
	synchronized double percentileMillis(double fraction) {
		if (size == 0) {
			return Double.NaN;
		}
		long[] sorted = Arrays.copyOf(values, size);
		Arrays.sort(sorted);
		int rank = (int) Math.ceil(fraction * size);
		return sorted[Math.max(0, Math.min(size - 1, rank - 1))] / 1e6;
	}

	synchronized double meanMillis() {
		if (size == 0) {
			return Double.NaN;
		}
		double sum = 0;
		for (int i = 0; i < size; i++) {
			sum += values[i];
		}
		return sum / size / 1e6;
	}

	synchronized double maxMillis() {
		return percentileMillis(1.0);
	}

}
