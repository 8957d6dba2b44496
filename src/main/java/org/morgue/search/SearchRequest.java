package org.morgue.search;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A search as a journalist or client asks it.
 *
 * @param query the query, in the query language (blank for every article)
 * @param sources only articles from these sources (none: all)
 * @param entities only articles mentioning each of these people, organisations or places, by name
 * or alias (none: all)
 * @param tags only articles with each of these tags, in any case (none: all)
 * @param from only articles published on or after this day
 * @param to only articles published on or before this day
 * @param sort the order; {@code null} for relevance with a query, newest first without
 * @param size hits to return
 * @param offset hits to skip (numbered pages); 0 when walking with a cursor
 * @param cursor where the previous page ended ({@link SearchResult#nextCursor()}), or {@code null}
 * @param ingestedAfter only articles the archive received after this instant, or {@code null} for all
 */
public record SearchRequest(String query, List<String> sources, List<String> entities, List<String> tags,
		LocalDate from, LocalDate to, SearchSort sort, int size, int offset, String cursor, Instant ingestedAfter) {

	public SearchRequest {
		sources = (sources != null) ? List.copyOf(sources) : List.of();
		entities = (entities != null) ? List.copyOf(entities) : List.of();
		tags = (tags != null) ? tags.stream().filter(tag -> tag != null && !tag.isBlank()).toList() : List.of();
	}

	/** A search of articles whenever received. */
	public SearchRequest(String query, List<String> sources, List<String> entities, List<String> tags,
			LocalDate from, LocalDate to, SearchSort sort, int size, int offset, String cursor) {
		this(query, sources, entities, tags, from, to, sort, size, offset, cursor, null);
	}

	/** The same search, only of the articles received after this instant. */
	public SearchRequest withIngestedAfter(Instant after) {
		return new SearchRequest(query, sources, entities, tags, from, to, sort, size, offset, cursor, after);
	}

	/** A search without tag filters. */
	public SearchRequest(String query, List<String> sources, List<String> entities, LocalDate from, LocalDate to,
			SearchSort sort, int size, int offset, String cursor) {
		this(query, sources, entities, List.of(), from, to, sort, size, offset, cursor);
	}

	/** A search without entity filters. */
	public SearchRequest(String query, List<String> sources, LocalDate from, LocalDate to, SearchSort sort, int size,
			int offset, String cursor) {
		this(query, sources, List.of(), List.of(), from, to, sort, size, offset, cursor);
	}

	/**
	 * Reads a date parameter: {@code 2022-08-03}, or {@code 2022-08} and {@code 2022} for the first
	 * (or, with {@code end}, the last) day of that month or year.
	 * @return {@code null} for a blank value
	 * @throws InvalidQueryException naming the parameter when the value is not such a date
	 */
	public static LocalDate date(String parameter, String value, boolean end) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String text = value.strip();
		try {
			return switch (text.length()) {
				case 4 -> end ? LocalDate.of(Integer.parseInt(text), 12, 31) : LocalDate.of(Integer.parseInt(text), 1, 1);
				case 7 -> end ? java.time.YearMonth.parse(text).atEndOfMonth() : java.time.YearMonth.parse(text).atDay(1);
				default -> LocalDate.parse(text);
			};
		}
		catch (NumberFormatException | java.time.DateTimeException ex) {
			throw new InvalidQueryException(parameter,
					"'" + text + "' is not a date: write it as 2022-08-03 (or 2022-08, or 2022).");
		}
	}

	public static SearchRequest of(String query) {
		return new SearchRequest(query, List.of(), null, null, null, 20, 0, null);
	}

	/** The order that applies: the one asked for, else relevance for a query and newest without one. */
	public SearchSort effectiveSort() {
		if (sort != null) {
			return sort;
		}
		return (query == null || query.isBlank()) ? SearchSort.NEWEST : SearchSort.RELEVANCE;
	}

}
