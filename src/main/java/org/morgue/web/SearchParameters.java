package org.morgue.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.morgue.search.InvalidQueryException;
import org.morgue.search.SearchRequest;
import org.morgue.search.SearchSort;

import org.springframework.util.StringUtils;

/**
 * The state of the search page exactly as it stands in the URL, and the URLs that change one part of
 * it while keeping the rest, so that every result page can be bookmarked and shared.
 *
 * @param q the query as typed
 * @param sources the chosen sources ({@code source=}, repeatable)
 * @param entities the chosen people, organisations and places, by name ({@code entity=}, repeatable)
 * @param tags the chosen tags ({@code tag=}, repeatable)
 * @param from the start of the date filter as written ({@code 2022}, {@code 2022-08} or a day)
 * @param to the end of the date filter as written
 * @param sort the order as written, or {@code null} for the default
 * @param page the page as written, counting from 1, or {@code null} for the first
 */
record SearchParameters(String q, List<String> sources, List<String> entities, List<String> tags, String from,
		String to, String sort, String page) {

	static final String PATH = "/articles";

	static final int PAGE_SIZE = 20;

	/** The deepest page offered: deeper pages cost the index more than anyone reads; narrow the search instead. */
	static final int MAX_PAGE = 500;

	/** Parameters without tags. */
	SearchParameters(String q, List<String> sources, List<String> entities, String from, String to, String sort,
			String page) {
		this(q, sources, entities, List.of(), from, to, sort, page);
	}

	SearchParameters {
		q = (q != null) ? q : "";
		sources = (sources != null) ? sources.stream().filter(StringUtils::hasText).map(String::strip).distinct().toList()
				: List.of();
		entities = (entities != null)
				? entities.stream().filter(StringUtils::hasText).map(String::strip).distinct().toList() : List.of();
		tags = (tags != null) ? tags.stream().filter(StringUtils::hasText).map(String::strip).distinct().toList()
				: List.of();
		from = blankToNull(from);
		to = blankToNull(to);
		sort = blankToNull(sort);
		page = blankToNull(page);
	}

	/**
	 * The search these parameters ask for.
	 * @throws InvalidQueryException naming the parameter when one cannot be read
	 */
	SearchRequest toRequest() {
		int number = pageNumber();
		return new SearchRequest(q, sources, entities, tags, SearchRequest.date("from", from, false), SearchRequest.date("to", to, true),
				SearchSort.of(sort), PAGE_SIZE, (number - 1) * PAGE_SIZE, null);
	}

	/**
	 * The page asked for, counting from 1.
	 * @throws InvalidQueryException when {@code page} is not a page number
	 */
	int pageNumber() {
		if (page == null) {
			return 1;
		}
		int number;
		try {
			number = Integer.parseInt(page.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidQueryException("page", "'" + page + "' is not a page number: pages are numbered from 1.");
		}
		if (number < 1) {
			throw new InvalidQueryException("page", "Pages are numbered from 1.");
		}
		if (number > MAX_PAGE) {
			throw new InvalidQueryException("page", "Only the first " + MAX_PAGE
					+ " pages can be shown. Narrow the search with sources or dates, or walk every hit with the API.");
		}
		return number;
	}

	public boolean hasQuery() {
		return !q.isBlank();
	}

	public boolean hasDates() {
		return from != null || to != null;
	}

	public boolean hasFilters() {
		return !sources.isEmpty() || !entities.isEmpty() || !tags.isEmpty() || hasDates();
	}

	boolean hasEntity(String name) {
		return entities.stream().anyMatch(e -> e.equalsIgnoreCase(name));
	}

	String withEntity(String name) {
		List<String> more = new ArrayList<>(entities);
		more.add(name);
		return url(q, sources, more, tags, from, to, sort, null);
	}

	String withoutEntity(String name) {
		return url(q, sources, entities.stream().filter(e -> !e.equalsIgnoreCase(name)).toList(), tags, from, to, sort,
				null);
	}

	boolean hasTag(String name) {
		return tags.stream().anyMatch(t -> t.equalsIgnoreCase(name));
	}

	String withTag(String name) {
		List<String> more = new ArrayList<>(tags);
		more.add(name);
		return url(q, sources, entities, more, from, to, sort, null);
	}

	String withoutTag(String name) {
		return url(q, sources, entities, tags.stream().filter(t -> !t.equalsIgnoreCase(name)).toList(), from, to, sort,
				null);
	}

	/** A link to the articles with a tag. */
	static String forTag(String name) {
		return url(null, List.of(), List.of(), List.of(name), null, null, null, null);
	}

	boolean hasSource(String source) {
		return sources.stream().anyMatch(s -> s.equalsIgnoreCase(source));
	}

	/** Whether the date filter is exactly this span, as the facet and timeline links write it. */
	boolean hasDates(String from, String to) {
		return Objects.equals(this.from, from) && Objects.equals(this.to, to);
	}

	/** A link to the articles mentioning an entity. */
	static String forEntity(String name) {
		return url(null, List.of(), List.of(name), List.of(), null, null, null, null);
	}

	/** These parameters without the one that could not be read, to start again from. */
	SearchParameters without(String parameter) {
		return switch ((parameter != null) ? parameter : "") {
			case "from", "to" -> new SearchParameters(q, sources, entities, tags, null, null, sort, null);
			case "sort" -> new SearchParameters(q, sources, entities, tags, from, to, null, null);
			case "page", "cursor", "size" -> new SearchParameters(q, sources, entities, tags, from, to, sort, null);
			default -> this;
		};
	}

	String link() {
		return url(q, sources, entities, tags, from, to, sort, page);
	}

	String withSource(String source) {
		List<String> more = new ArrayList<>(sources);
		more.add(source);
		return url(q, more, entities, tags, from, to, sort, null);
	}

	String withoutSource(String source) {
		return url(q, sources.stream().filter(s -> !s.equalsIgnoreCase(source)).toList(), entities, tags, from, to, sort,
				null);
	}

	String withDates(String from, String to) {
		return url(q, sources, entities, tags, from, to, sort, null);
	}

	String withoutDates() {
		return url(q, sources, entities, tags, null, null, sort, null);
	}

	String withSort(SearchSort order) {
		return url(q, sources, entities, tags, from, to, order.parameter(), null);
	}

	String atPage(int number) {
		return url(q, sources, entities, tags, from, to, sort, (number > 1) ? Integer.toString(number) : null);
	}

	/**
	 * A page-relative URL ({@code /articles?...}), every value form-encoded, for {@code @{...}} in the
	 * templates. Form encoding matters: {@code +} is an operator in queries and must not become a space.
	 */
	private static String url(String q, List<String> sources, List<String> entities, List<String> tags, String from,
			String to, String sort, String page) {
		List<String> parameters = new ArrayList<>();
		add(parameters, "q", q);
		sources.forEach(source -> add(parameters, "source", source));
		entities.forEach(entity -> add(parameters, "entity", entity));
		tags.forEach(tag -> add(parameters, "tag", tag));
		add(parameters, "from", from);
		add(parameters, "to", to);
		add(parameters, "sort", sort);
		add(parameters, "page", page);
		return parameters.isEmpty() ? PATH : PATH + "?" + String.join("&", parameters);
	}

	private static void add(List<String> parameters, String name, String value) {
		if (value != null && !value.isBlank()) {
			parameters.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
		}
	}

	private static String blankToNull(String value) {
		return (value != null && !value.isBlank()) ? value.strip() : null;
	}

}
