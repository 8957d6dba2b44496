package org.morgue.search;

import java.time.Duration;
import java.time.Instant;

/**
 * Where a rebuild of the search index stands.
 *
 * @param state idle (none since start), running, done or failed
 * @param reason why it was started
 * @param done articles indexed so far
 * @param total articles to index (as counted at the start)
 * @param perSecond articles indexed per second so far
 * @param remaining the time left at that rate, or {@code null} when unknown
 * @param error what went wrong, when it failed
 */
public record RebuildProgress(State state, String reason, long done, long total, Instant startedAt,
		Instant finishedAt, double perSecond, Duration remaining, String error) {

	public enum State {

		IDLE, RUNNING, DONE, FAILED

	}

	static RebuildProgress idle() {
		return new RebuildProgress(State.IDLE, null, 0, 0, null, null, 0, null, null);
	}

	/** Percentage done, 0 to 100. */
	public int percent() {
		if (total <= 0) {
			return (state == State.DONE) ? 100 : 0;
		}
		return (int) Math.min(100, done * 100 / total);
	}

	public boolean running() {
		return state == State.RUNNING;
	}

}
