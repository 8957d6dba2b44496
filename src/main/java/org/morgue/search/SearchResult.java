package org.morgue.search;

import java.util.List;
import java.util.Map;

/**
 * What a search found: the exact number of matches, this page of hits (ids and
 * highlights; the articles themselves come from PostgreSQL), counts over all matches, and
 * where the next page starts.
 *
 * @param total how many articles match, every copy counted
 * @param stories how many results a listing that groups copies has: the matches with each
 * group of republished copies counted once (the listing has {@code total} with every copy
 * shown)
 * @param facets counted over articles, every copy counted: for each facet
 * ({@code source}, {@code year}, {@code month}, {@code person}, {@code organization},
 * {@code location}, {@code tag}) its values with counts: sources, entities (by name) and
 * tags most frequent first, years and months in time order
 * @param nextCursor pass as {@link SearchRequest#cursor()} for the next page;
 * {@code null} on the last
 * @param indexAvailable false while the very first index is being built (nothing can be
 * found yet)
 * @param timings where the time went
 */
public record SearchResult(long total, long stories, List<SearchHit> hits, Map<String, List<FacetCount>> facets,
		String nextCursor, boolean indexAvailable, SearchTimings timings) {

	public static final String SOURCE = "source";

	public static final String YEAR = "year";

	public static final String MONTH = "month";

	public static final String PERSON = "person";

	public static final String ORGANIZATION = "organization";

	public static final String LOCATION = "location";

	public static final String TAG = "tag";

	static SearchResult unavailable() {
		return new SearchResult(0, 0, List.of(), Map.of(), null, false, SearchTimings.NONE);
	}

	public List<FacetCount> facet(String name) {
		return facets.getOrDefault(name, List.of());
	}

}
