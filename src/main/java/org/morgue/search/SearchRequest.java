package org.morgue.search;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A search the index can run: what {@link SearchCriteria} says, read and checked, and
 * which page of hits. An instance is always valid; everything a reader can get wrong is
 * refused on construction.
 *
 * @param query the query, in the query language (blank for every article)
 * @param sources only articles from these sources (none: all)
 * @param entities only articles mentioning each of these people, organisations or places,
 * by name or alias (none: all)
 * @param tags only articles with each of these tags, in any case (none: all)
 * @param from only articles published on or after this day
 * @param to only articles published on or before this day
 * @param sort the order; {@code null} for relevance with a query, newest first without
 * @param size hits to return, 1 to {@link #MAX_SIZE}
 * @param offset hits to skip (numbered pages); 0 when walking with a cursor
 * @param cursor where the previous page ended ({@link SearchResult#nextCursor()}), or
 * {@code null}
 * @param ingestedAfter only articles the archive received after this instant, or
 * {@code null} for all
 * @param allCopies list every copy of a story; else each group of copies once, by its
 * first matching copy received
 */
public record SearchRequest(String query, List<String> sources, List<String> entities, List<String> tags,
		LocalDate from, LocalDate to, SearchSort sort, int size, int offset, String cursor, Instant ingestedAfter,
		boolean allCopies) {

	/** The most hits one page may ask for. */
	public static final int MAX_SIZE = 100;

	/**
	 * @throws InvalidQueryException when the size, the offset or the date range cannot be
	 * searched
	 */
	public SearchRequest {
		if (size < 1 || size > MAX_SIZE) {
			throw new InvalidQueryException("size", "'size' must be between 1 and " + MAX_SIZE + ".");
		}
		if (offset < 0) {
			throw new InvalidQueryException("page", "Pages count from the first.");
		}
		if (from != null && to != null && from.isAfter(to)) {
			throw new InvalidQueryException("from", "The date range ends before it starts.");
		}
		query = (query != null) ? query : "";
		sources = (sources != null) ? List.copyOf(sources) : List.of();
		entities = (entities != null) ? List.copyOf(entities) : List.of();
		tags = (tags != null) ? List.copyOf(tags) : List.of();
	}

	/** The first page of every article matching a query, in the default order. */
	public static SearchRequest of(String query) {
		return SearchCriteria.query(query).toRequest(20, 0, null);
	}

	/** The same search, only of the articles received after this instant. */
	public SearchRequest withIngestedAfter(Instant after) {
		return new SearchRequest(query, sources, entities, tags, from, to, sort, size, offset, cursor, after,
				allCopies);
	}

	/**
	 * The same search without its source filter, for counting the sources a reader could
	 * add.
	 */
	SearchRequest withoutSources() {
		return new SearchRequest(query, List.of(), entities, tags, from, to, sort, size, offset, cursor, ingestedAfter,
				allCopies);
	}

	/**
	 * The order that applies: the one asked for, else relevance for a query and newest
	 * without one.
	 */
	public SearchSort effectiveSort() {
		if (sort != null) {
			return sort;
		}
		return query.isBlank() ? SearchSort.NEWEST : SearchSort.RELEVANCE;
	}

}
