package org.morgue.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Where a long piece of work (a backlog, an import) stands, for the people waiting on it:
 * how much is done out of how much, the rate so far and the time left at that rate.
 *
 * @param state idle (none since start), running, done or failed
 * @param reason why it was started
 * @param done items finished so far
 * @param total items to do (as counted at the start)
 * @param perSecond items per second so far
 * @param remaining the time left at that rate, or {@code null} when unknown
 * @param error what went wrong, when it failed
 */
public record WorkProgress(State state, String reason, long done, long total, Instant startedAt, Instant finishedAt,
		double perSecond, Duration remaining, String error) {

	public enum State {

		IDLE, RUNNING, DONE, FAILED

	}

	public static WorkProgress idle() {
		return new WorkProgress(State.IDLE, null, 0, 0, null, null, 0, null, null);
	}

	/** Work under way, with its rate and time left computed from the start. */
	public static WorkProgress running(String reason, Instant startedAt, long done, long total, Clock clock) {
		double seconds = Math.max(0.001, Duration.between(startedAt, clock.instant()).toMillis() / 1000.0);
		double rate = done / seconds;
		Duration remaining = (rate > 0 && total >= done) ? Duration.ofSeconds(Math.round((total - done) / rate)) : null;
		return new WorkProgress(State.RUNNING, reason, done, total, startedAt, null, rate, remaining, null);
	}

	public WorkProgress finished(long done, Clock clock) {
		Instant end = clock.instant();
		double seconds = Math.max(0.001, Duration.between(startedAt, end).toMillis() / 1000.0);
		return new WorkProgress(State.DONE, reason, done, total, startedAt, end, done / seconds, Duration.ZERO, null);
	}

	public WorkProgress failed(long done, String error, Clock clock) {
		return new WorkProgress(State.FAILED, reason, done, total, startedAt, clock.instant(), perSecond, null, error);
	}

	/** Percentage done, 0 to 100. */
	public int percent() {
		if (total <= 0) {
			return (state == State.DONE) ? 100 : 0;
		}
		return (int) Math.min(100, done * 100 / total);
	}

	/**
	 * Done, total, percentage, rate and time left, as a log line says them:
	 * {@code 1,000/4,000 (25%),
	 * 120.5 articles/s, about PT25S left}.
	 */
	public String summary(String items) {
		return "%,d/%,d (%d%%), %.1f %s/s, about %s left".formatted(done, total, percent(), perSecond, items,
				remaining);
	}

	public boolean running() {
		return state == State.RUNNING;
	}

}
