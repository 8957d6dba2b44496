package org.morgue.search;

import java.time.Duration;
import java.util.function.IntConsumer;

import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.stereotype.Component;

/**
 * The changes published for the index that it has not applied yet: each batch of a bulk
 * import, saved or deleted article, and change of tags, notes or entities is a
 * publication in Spring Modulith's event log addressed to the indexer, complete once the
 * indexer has applied it. Read from the log, so it also counts publications delivered
 * again after a restart.
 * <p>
 * Thread-safe.
 */
@Component
public class IndexBacklog {

	/**
	 * How often {@link #await} looks at the log: the log has no way to tell a waiter
	 * itself.
	 */
	private static final Duration CHECK_EVERY = Duration.ofMillis(200);

	/**
	 * Listener ids in the log are the listener methods' names, such as
	 * {@code ...ArticleIndexer.on(...)}.
	 */
	private static final String INDEXER = ArticleIndexer.class.getName() + ".";

	private final EventPublicationRegistry publications;

	IndexBacklog(EventPublicationRegistry publications) {
		this.publications = publications;
	}

	/**
	 * Changes for the index, counted at one moment.
	 *
	 * @param waiting published and not applied yet, being applied, or delivered again
	 * @param failed those the indexer failed on: they stay in the log and are delivered
	 * again when the archive next starts (and the consistency check at start repairs what
	 * they missed)
	 */
	public record Count(int waiting, int failed) {
	}

	/** The changes for the index that wait now, and those that failed. */
	public Count count() {
		int waiting = 0;
		int failed = 0;
		for (TargetEventPublication publication : publications.findIncompletePublications()) {
			if (publication.getTargetIdentifier().getValue().startsWith(INDEXER)) {
				if (publication.getStatus() == EventPublication.Status.FAILED) {
					failed++;
				}
				else {
					waiting++;
				}
			}
		}
		return new Count(waiting, failed);
	}

	/**
	 * Waits until the index has applied every change published for it, but for those that
	 * failed.
	 * @param reportEvery how often to report while waiting
	 * @param waiting told how many changes are left when the wait begins and then every
	 * {@code reportEvery}, as long as any are
	 * @return what is left: none waiting, and the changes that failed
	 * @throws InterruptedException when the waiting thread is interrupted
	 */
	public Count await(Duration reportEvery, IntConsumer waiting) throws InterruptedException {
		Count count = count();
		long reported = System.nanoTime() - reportEvery.toNanos();
		while (count.waiting() > 0) {
			if (System.nanoTime() - reported >= reportEvery.toNanos()) {
				waiting.accept(count.waiting());
				reported = System.nanoTime();
			}
			Thread.sleep(CHECK_EVERY.toMillis());
			count = count();
		}
		return count;
	}

}
