package org.morgue.search;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.function.Function;

import io.swagger.v3.oas.annotations.Parameter;

import org.springframework.util.StringUtils;

/**
 * What to search for, as a reader or a client writes it: the query and its filters, as
 * text. It is the one form a search takes wherever it comes from: read from the
 * parameters of an address ({@code ?q=&source=&entity=&tag=&from=&to=&sort=},
 * {@link #fromParameters}) for every handler that takes one (the API, the search page,
 * every form that carries a search along), and kept as JSON by a saved search (the
 * component names). A filter added here reaches every entry point at once;
 * {@link #toRequest} is the only way from it to a {@link SearchRequest}.
 *
 * @param q the query, in the query language; blank for every article
 * @param sources only articles from these sources ({@code source=}, repeatable)
 * @param entities only articles mentioning each of these people, organisations or places,
 * by name or alias ({@code entity=}, repeatable)
 * @param tags only articles with each of these tags, in any case ({@code tag=},
 * repeatable)
 * @param from only articles published on or after this day: {@code 2022-08-03},
 * {@code 2022-08} or {@code 2022}
 * @param to only articles published on or before this day, written the same way
 * @param sort {@code relevance}, {@code newest} or {@code oldest}; {@code null} for the
 * default
 * @param copies {@code grouped} (the default: each group of republished copies listed
 * once) or {@code all} (every copy)
 */
public record SearchCriteria(
		@Parameter(description = "The query: words, OR, -word, \"phrase\", prefix*, fields") String q,
		@Parameter(name = "source", description = "Only these sources (repeatable)") List<String> sources,
		@Parameter(name = "entity",
				description = "Only articles mentioning each of these people, organisations or places, by name or alias (repeatable)") List<String> entities,
		@Parameter(name = "tag",
				description = "Only articles with each of these tags, in any case (repeatable)") List<String> tags,
		@Parameter(description = "Published on or after (2022-08-03, 2022-08 or 2022)") String from,
		@Parameter(description = "Published on or before (2022-08-03, 2022-08 or 2022)") String to,
		@Parameter(description = "relevance (default with q), newest (default without), oldest") String sort,
		@Parameter(
				description = "grouped (default: republished copies of one story listed once, with their count) or all (every copy)") String copies) {

	/** The value of {@code copies} that lists every copy. */
	public static final String ALL_COPIES = "all";

	/** The value of {@code copies} that lists each group once. */
	public static final String GROUPED_COPIES = "grouped";

	/** Values trimmed; blank ones and repeats dropped. */
	public SearchCriteria {
		q = (q != null) ? q.strip() : "";
		sources = clean(sources);
		entities = clean(entities);
		tags = clean(tags);
		from = blankToNull(from);
		to = blankToNull(to);
		sort = blankToNull(sort);
		copies = blankToNull(copies);
	}

	/**
	 * The search an address asks for, by its parameter names: {@code q}, {@code source},
	 * {@code entity} and {@code tag} (each repeatable), {@code from}, {@code to},
	 * {@code sort} and {@code copies}. Other parameters, path variables and headers play
	 * no part.
	 * @param parameters the values of a parameter, or {@code null} when it is absent
	 */
	public static SearchCriteria fromParameters(Function<String, String[]> parameters) {
		return new SearchCriteria(first(parameters.apply("q")), all(parameters.apply("source")),
				all(parameters.apply("entity")), all(parameters.apply("tag")), first(parameters.apply("from")),
				first(parameters.apply("to")), first(parameters.apply("sort")), first(parameters.apply("copies")));
	}

	private static String first(String[] values) {
		return (values != null && values.length > 0) ? values[0] : null;
	}

	private static List<String> all(String[] values) {
		return (values != null) ? List.of(values) : List.of();
	}

	/** Every article matching a query, in the default order. */
	public static SearchCriteria query(String q) {
		return new SearchCriteria(q, List.of(), List.of(), List.of(), null, null, null, null);
	}

	/**
	 * The search to run: a page of {@code size} hits after skipping {@code offset}, or
	 * after {@code cursor}.
	 * @throws InvalidQueryException naming the parameter that cannot be read
	 * ({@code from}, {@code to}, {@code sort}, {@code size}, {@code page}, ...)
	 */
	public SearchRequest toRequest(int size, int offset, String cursor) {
		return new SearchRequest(q, sources, entities, tags, date("from", from, false), date("to", to, true),
				SearchSort.of(sort), size, offset, cursor, null, allCopies());
	}

	/**
	 * Whether every copy is listed rather than each group once.
	 * @throws InvalidQueryException when {@code copies} is neither {@code grouped} nor
	 * {@code all}
	 */
	public boolean allCopies() {
		if (copies == null || copies.equalsIgnoreCase(GROUPED_COPIES)) {
			return false;
		}
		if (copies.equalsIgnoreCase(ALL_COPIES)) {
			return true;
		}
		throw new InvalidQueryException("copies",
				"'copies' is 'grouped' (each story once) or 'all' (every copy), not '" + copies + "'.");
	}

	/** Whether it narrows by anything but the query. */
	public boolean hasFilters() {
		return !sources.isEmpty() || !entities.isEmpty() || !tags.isEmpty() || from != null || to != null;
	}

	public SearchCriteria withQuery(String q) {
		return new SearchCriteria(q, sources, entities, tags, from, to, sort, copies);
	}

	public SearchCriteria withSources(List<String> sources) {
		return new SearchCriteria(q, sources, entities, tags, from, to, sort, copies);
	}

	public SearchCriteria withEntities(List<String> entities) {
		return new SearchCriteria(q, sources, entities, tags, from, to, sort, copies);
	}

	public SearchCriteria withTags(List<String> tags) {
		return new SearchCriteria(q, sources, entities, tags, from, to, sort, copies);
	}

	/** The same search over these days, as written ({@code null} for open ends). */
	public SearchCriteria withDates(String from, String to) {
		return new SearchCriteria(q, sources, entities, tags, from, to, sort, copies);
	}

	public SearchCriteria withCopies(String copies) {
		return new SearchCriteria(q, sources, entities, tags, from, to, sort, copies);
	}

	public SearchCriteria withSort(String sort) {
		return new SearchCriteria(q, sources, entities, tags, from, to, sort, copies);
	}

	/**
	 * Reads a date parameter: {@code 2022-08-03}, or {@code 2022-08} and {@code 2022} for
	 * the first (or, with {@code end}, the last) day of that month or year.
	 * @return {@code null} for a blank value
	 * @throws InvalidQueryException naming the parameter when the value is not such a
	 * date
	 */
	static LocalDate date(String parameter, String value, boolean end) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String text = value.strip();
		try {
			return switch (text.length()) {
				case 4 ->
					end ? LocalDate.of(Integer.parseInt(text), 12, 31) : LocalDate.of(Integer.parseInt(text), 1, 1);
				case 7 -> end ? YearMonth.parse(text).atEndOfMonth() : YearMonth.parse(text).atDay(1);
				default -> LocalDate.parse(text);
			};
		}
		catch (NumberFormatException | DateTimeException ex) {
			throw new InvalidQueryException(parameter,
					"'" + text + "' is not a date: write it as 2022-08-03 (or 2022-08, or 2022).");
		}
	}

	private static List<String> clean(List<String> values) {
		return (values != null) ? values.stream().filter(StringUtils::hasText).map(String::strip).distinct().toList()
				: List.of();
	}

	private static String blankToNull(String value) {
		return StringUtils.hasText(value) ? value.strip() : null;
	}

}
