package org.morgue.feed;

import java.time.Instant;

/**
 * A feed and how its polling goes.
 *
 * @param location its address, or its folder's path
 * @param source the agency or publication its copy is credited to when a document names
 * none, or {@code null}
 * @param pollingBy the node polling it right now, or {@code null}
 * @param nextPollAt when it is due next (later after failures: it backs off)
 * @param totals what its polls have taken since it was registered
 * @param lastPoll what its last successful poll took
 * @param consecutiveFailures polls that failed since the last that did not
 * @param lastError why the last failed poll, file or item failed, or {@code null}
 */
public record FeedStatus(long id, FeedKind kind, String location, String source, int intervalSeconds, boolean paused,
		String pollingBy, Instant createdAt, String createdBy, Instant lastPollAt, Instant lastSuccessAt,
		Instant nextPollAt, long polls, Counts totals, Counts lastPoll, int consecutiveFailures, String lastError,
		Instant lastErrorAt) {

	/**
	 * In a word: {@code polling}, {@code paused}, {@code failing} (its last poll failed)
	 * or {@code waiting} for its next poll.
	 */
	public String state() {
		if (pollingBy != null) {
			return "polling";
		}
		if (paused) {
			return "paused";
		}
		return (consecutiveFailures > 0) ? "failing" : "waiting";
	}

	/**
	 * Stories taken: new articles, new versions of stories held, duplicates (versions or
	 * texts held already) and items or files that failed.
	 */
	public record Counts(long created, long updated, long duplicates, long failed) {

		Counts plus(Counts other) {
			return new Counts(created + other.created, updated + other.updated, duplicates + other.duplicates,
					failed + other.failed);
		}

		static Counts none() {
			return new Counts(0, 0, 0, 0);
		}

	}

}
