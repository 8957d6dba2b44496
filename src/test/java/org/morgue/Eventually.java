package org.morgue;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Asks again until an answer satisfies a condition: for what the archive does after a
 * request returns (indexing follows the commit).
 */
public final class Eventually {

	// Generous: a loaded machine (CI on 2 cores) can take seconds to index or tag; a test
	// that
	// passes waits only as long as the archive needs.
	private static final Duration PATIENCE = Duration.ofSeconds(20);

	private Eventually() {
	}

	public static <T> T until(Supplier<T> ask, Predicate<T> condition) {
		return until(ask, condition, PATIENCE);
	}

	/**
	 * With more patience: for entity extraction, whose first run in a JVM waits for the
	 * tagger's models to load.
	 */
	public static <T> T until(Supplier<T> ask, Predicate<T> condition, Duration patience) {
		long deadline = System.nanoTime() + patience.toNanos();
		T last = ask.get();
		while (!condition.test(last) && System.nanoTime() < deadline) {
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			last = ask.get();
		}
		assertThat(condition.test(last)).as("condition not met within %s; last answer: %s", patience, last).isTrue();
		return last;
	}

}
