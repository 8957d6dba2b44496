package org.morgue.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.morgue.search.InvalidQueryException;
import org.morgue.search.SearchCriteria;
import org.morgue.search.SearchRequest;
import org.morgue.search.SearchSort;

/**
 * The state of the search page exactly as it stands in the URL: what to search for and
 * which page, and the URLs that change one part of it while keeping the rest, so that
 * every result page can be bookmarked and shared.
 *
 * @param criteria the query and filters, bound from the address as every search is
 * ({@link SearchCriteria})
 * @param page the page as written, counting from 1, or {@code null} for the first
 */
record SearchParameters(SearchCriteria criteria, String page) {

	static final String PATH = "/articles";

	static final int PAGE_SIZE = 20;

	/**
	 * The deepest page offered: deeper pages cost the index more than anyone reads;
	 * narrow the search instead.
	 */
	static final int MAX_PAGE = 500;

	SearchParameters {
		criteria = (criteria != null) ? criteria : SearchCriteria.query("");
		page = blankToNull(page);
	}

	/** The first page of a search. */
	static SearchParameters of(SearchCriteria criteria) {
		return new SearchParameters(criteria, null);
	}

	public String q() {
		return criteria.q();
	}

	public List<String> sources() {
		return criteria.sources();
	}

	public List<String> entities() {
		return criteria.entities();
	}

	public List<String> tags() {
		return criteria.tags();
	}

	public String from() {
		return criteria.from();
	}

	public String to() {
		return criteria.to();
	}

	public String sort() {
		return criteria.sort();
	}

	public String copies() {
		return criteria.copies();
	}

	/**
	 * Whether every copy is listed rather than each group of copies once.
	 * @throws InvalidQueryException when {@code copies} is neither {@code grouped} nor
	 * {@code all}
	 */
	boolean allCopies() {
		return criteria.allCopies();
	}

	/**
	 * The search these parameters ask for.
	 * @throws InvalidQueryException naming the parameter when one cannot be read
	 */
	SearchRequest toRequest() {
		int number = pageNumber();
		return criteria.toRequest(PAGE_SIZE, (number - 1) * PAGE_SIZE, null);
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
		return !q().isBlank();
	}

	public boolean hasDates() {
		return from() != null || to() != null;
	}

	public boolean hasFilters() {
		return criteria.hasFilters();
	}

	boolean hasEntity(String name) {
		return entities().stream().anyMatch(e -> e.equalsIgnoreCase(name));
	}

	String withEntity(String name) {
		return url(criteria.withEntities(adding(entities(), name)), null);
	}

	String withoutEntity(String name) {
		return url(criteria.withEntities(removing(entities(), name)), null);
	}

	boolean hasTag(String name) {
		return tags().stream().anyMatch(t -> t.equalsIgnoreCase(name));
	}

	String withTag(String name) {
		return url(criteria.withTags(adding(tags(), name)), null);
	}

	String withoutTag(String name) {
		return url(criteria.withTags(removing(tags(), name)), null);
	}

	/** A link to the articles with a tag. */
	static String forTag(String name) {
		return url(SearchCriteria.query("").withTags(List.of(name)), null);
	}

	boolean hasSource(String source) {
		return sources().stream().anyMatch(s -> s.equalsIgnoreCase(source));
	}

	/**
	 * Whether the date filter is exactly this span, as the facet and timeline links write
	 * it.
	 */
	boolean hasDates(String from, String to) {
		return Objects.equals(from(), from) && Objects.equals(to(), to);
	}

	/** A link to the articles mentioning an entity. */
	static String forEntity(String name) {
		return url(SearchCriteria.query("").withEntities(List.of(name)), null);
	}

	/** A link to the articles matching a query. */
	static String forQuery(String query) {
		return url(SearchCriteria.query(query), null);
	}

	/** These parameters without the one that could not be read, to start again from. */
	SearchParameters without(String parameter) {
		return switch ((parameter != null) ? parameter : "") {
			case "from", "to" -> of(criteria.withDates(null, null));
			case "sort" -> of(criteria.withSort(null));
			case "copies" -> of(criteria.withCopies(null));
			case "page", "cursor", "size" -> of(criteria);
			default -> this;
		};
	}

	String link() {
		return url(criteria, page);
	}

	String withSource(String source) {
		return url(criteria.withSources(adding(sources(), source)), null);
	}

	String withoutSource(String source) {
		return url(criteria.withSources(removing(sources(), source)), null);
	}

	String withDates(String from, String to) {
		return url(criteria.withDates(from, to), null);
	}

	String withoutDates() {
		return url(criteria.withDates(null, null), null);
	}

	String withSort(SearchSort order) {
		return url(criteria.withSort(order.parameter()), null);
	}

	/**
	 * The same search listing every copy ({@code all}) or each group of copies once, from
	 * the first page: the pages of the one are not those of the other.
	 */
	String withAllCopies(boolean all) {
		return url(criteria.withCopies(all ? SearchCriteria.ALL_COPIES : null), null);
	}

	String atPage(int number) {
		return url(criteria, (number > 1) ? Integer.toString(number) : null);
	}

	private static List<String> adding(List<String> values, String value) {
		List<String> more = new ArrayList<>(values);
		more.add(value);
		return more;
	}

	private static List<String> removing(List<String> values, String value) {
		return values.stream().filter(v -> !v.equalsIgnoreCase(value)).toList();
	}

	/**
	 * A page-relative URL ({@code /articles?...}), every value form-encoded, for
	 * {@code @{...}} in the templates. Form encoding matters: {@code +} is an operator in
	 * queries and must not become a space.
	 */
	private static String url(SearchCriteria criteria, String page) {
		List<String> parameters = new ArrayList<>();
		add(parameters, "q", criteria.q());
		criteria.sources().forEach(source -> add(parameters, "source", source));
		criteria.entities().forEach(entity -> add(parameters, "entity", entity));
		criteria.tags().forEach(tag -> add(parameters, "tag", tag));
		add(parameters, "from", criteria.from());
		add(parameters, "to", criteria.to());
		add(parameters, "sort", criteria.sort());
		add(parameters, "copies", criteria.copies());
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
