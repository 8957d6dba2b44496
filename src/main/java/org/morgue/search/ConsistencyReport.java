package org.morgue.search;

import java.time.Duration;
import java.time.Instant;

/**
 * The outcome of comparing the search index with PostgreSQL, after repairing what
 * differed.
 *
 * @param articles articles in PostgreSQL
 * @param missing articles that were not in the index (now indexed)
 * @param stale articles indexed at an older version (now re-indexed)
 * @param extra documents of articles no longer in PostgreSQL (now removed)
 */
public record ConsistencyReport(long articles, long missing, long stale, long extra, Instant checkedAt, Duration took) {

	public boolean wasConsistent() {
		return missing == 0 && stale == 0 && extra == 0;
	}

}
