package org.morgue.alert;

import java.util.List;

import org.morgue.search.InvalidQueryException;
import org.morgue.search.SearchRequest;
import org.morgue.search.SearchSort;

/**
 * A search as the search page has it in its address, kept as written so that running it again gives
 * what its owner saw.
 *
 * @param q the query, in the query language (blank for every article)
 * @param sources the chosen sources
 * @param entities the chosen people, organisations and places, by name
 * @param tags the chosen tags
 * @param from the start of the date filter ({@code 2022}, {@code 2022-08} or a day), or {@code null}
 * @param to the end of the date filter, or {@code null}
 * @param sort {@code relevance}, {@code newest}, {@code oldest}, or {@code null} for the default
 */
public record SavedQuery(String q, List<String> sources, List<String> entities, List<String> tags, String from,
		String to, String sort) {

	public SavedQuery {
		q = (q != null) ? q.strip() : "";
		sources = clean(sources);
		entities = clean(entities);
		tags = clean(tags);
		from = blankToNull(from);
		to = blankToNull(to);
		sort = blankToNull(sort);
	}

	/**
	 * The search to run, a page of {@code size} hits.
	 * @throws InvalidQueryException naming the part that cannot be read
	 */
	public SearchRequest toRequest(int size) {
		return new SearchRequest(q, sources, entities, tags, SearchRequest.date("from", from, false),
				SearchRequest.date("to", to, true), SearchSort.of(sort), size, 0, null);
	}

	private static List<String> clean(List<String> values) {
		return (values != null) ? values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).distinct().toList()
				: List.of();
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
