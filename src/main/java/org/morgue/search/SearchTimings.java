package org.morgue.search;

import java.time.Duration;

/**
 * Where the time of one search went, for benchmarks and logs.
 *
 * @param parse reading the query
 * @param count counting every match with its sources and months
 * @param rank finding the page of hits
 * @param fetch reading the hits' texts from PostgreSQL
 * @param highlight marking the matches in them
 */
public record SearchTimings(Duration parse, Duration count, Duration rank, Duration fetch, Duration highlight) {

	static final SearchTimings NONE = new SearchTimings(Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO,
			Duration.ZERO);

	public Duration total() {
		return parse.plus(count).plus(rank).plus(fetch).plus(highlight);
	}

}
