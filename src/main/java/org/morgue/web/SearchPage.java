package org.morgue.web;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.morgue.article.ArticleSummary;
import org.morgue.copies.CopyCount;
import org.morgue.search.FacetCount;
import org.morgue.search.SearchHit;
import org.morgue.search.SearchRequest;
import org.morgue.search.SearchResult;
import org.morgue.search.SearchSort;

/**
 * Everything the search page shows for one search: the rows, the counts, the facets and
 * the chart, each value a link that keeps the rest of the search.
 *
 * @param total how many articles match, every copy counted
 * @param stories how many results the matches make with each group of copies counted once
 * @param allCopies whether every copy is listed, rather than each group once
 * @param page the page shown, counting from 1
 * @param pages how many pages the listed results fill (the pager goes no further than
 * {@link SearchParameters#MAX_PAGE})
 * @param months the month facet, empty unless the chart is drawn month by month
 * @param people the people most mentioned among the matches (likewise organisations and
 * places)
 * @param tags the tags most given to the matches
 * @param timeline the chart of matches over time, or {@code null} when no match has a
 * date
 * @param pager the numbered pages, each keeping the search, up to the deepest that can be
 * shown
 */
record SearchPage(SearchParameters parameters, long total, long stories, boolean allCopies, int page, int pages,
		List<Row> rows, List<Chip> chips, List<FacetValue> sources, List<FacetValue> years, List<FacetValue> months,
		List<FacetValue> people, List<FacetValue> organisations, List<FacetValue> places, List<FacetValue> tags,
		Timeline timeline, List<SortOption> sortOptions, Pager pager, boolean indexAvailable) {

	static SearchPage of(SearchParameters parameters, SearchRequest request, SearchResult result,
			List<ArticleSummary> summaries) {
		int page = parameters.pageNumber();
		boolean allCopies = request.allCopies();
		long listed = allCopies ? result.total() : result.stories();
		int pages = (int) Math.min(Integer.MAX_VALUE,
				(listed + SearchParameters.PAGE_SIZE - 1) / SearchParameters.PAGE_SIZE);
		Timeline timeline = Timeline.of(result, parameters, request.from(), request.to());
		boolean monthly = timeline != null && timeline.monthly();
		return new SearchPage(parameters, result.total(), result.stories(), allCopies, page, pages,
				rows(result.hits(), summaries), chips(parameters, request.from(), request.to()),
				sources(parameters, result.facet(SearchResult.SOURCE)),
				years(parameters, result.facet(SearchResult.YEAR)),
				monthly ? months(parameters, result.facet(SearchResult.MONTH)) : List.of(),
				entities(parameters, result.facet(SearchResult.PERSON)),
				entities(parameters, result.facet(SearchResult.ORGANIZATION)),
				entities(parameters, result.facet(SearchResult.LOCATION)),
				tags(parameters, result.facet(SearchResult.TAG)), timeline,
				sortOptions(parameters, request.effectiveSort()),
				Pager.numbered(page, Math.min(pages, SearchParameters.MAX_PAGE), parameters::atPage),
				result.indexAvailable());
	}

	/**
	 * "1 article", "1,204 articles", or when copies are grouped into fewer results, "3
	 * articles, shown as 1 story — copies grouped".
	 */
	public String count() {
		String articles = String.format(Locale.ENGLISH, "%,d %s", total, (total == 1) ? "article" : "articles");
		if (allCopies || stories >= total) {
			return articles;
		}
		return String.format(Locale.ENGLISH, "%s, shown as %,d %s — copies grouped", articles, stories,
				(stories == 1) ? "story" : "stories");
	}

	/** The link that lists every copy, or groups them again. */
	public String copiesSwitchLink() {
		return parameters.withAllCopies(!allCopies);
	}

	public String copiesSwitchLabel() {
		return allCopies ? "Group copies" : "Show every copy";
	}

	/** Whether the page asked for lies past the last page of matches. */
	public boolean beyondLastPage() {
		return total > 0 && page > pages;
	}

	public boolean hasFacets() {
		return !sources.isEmpty() || !years.isEmpty() || !people.isEmpty() || !organisations.isEmpty()
				|| !places.isEmpty() || !tags.isEmpty();
	}

	private static List<Row> rows(List<SearchHit> hits, List<ArticleSummary> summaries) {
		Map<Long, SearchHit> byId = hits.stream()
			.collect(Collectors.toMap(SearchHit::id, Function.identity(), (a, b) -> a));
		return summaries.stream().map(summary -> new Row(summary, byId.get(summary.id()))).toList();
	}

	private static List<Chip> chips(SearchParameters parameters, LocalDate from, LocalDate to) {
		List<Chip> chips = new ArrayList<>();
		parameters.sources()
			.forEach(source -> chips.add(new Chip("Source: " + source, parameters.withoutSource(source))));
		parameters.entities()
			.forEach(entity -> chips.add(new Chip("Mentions: " + entity, parameters.withoutEntity(entity))));
		parameters.tags().forEach(tag -> chips.add(new Chip("Tag: " + tag, parameters.withoutTag(tag))));
		if (parameters.hasDates()) {
			chips.add(new Chip(SearchDates.span(from, to), parameters.withoutDates()));
		}
		return chips;
	}

	private static List<FacetValue> sources(SearchParameters parameters, List<FacetCount> facet) {
		return facet.stream().map(value -> {
			boolean selected = parameters.hasSource(value.value());
			return new FacetValue(value.value(), value.count(),
					selected ? parameters.withoutSource(value.value()) : parameters.withSource(value.value()),
					selected);
		}).toList();
	}

	private static List<FacetValue> entities(SearchParameters parameters, List<FacetCount> facet) {
		return facet.stream().map(value -> {
			boolean selected = parameters.hasEntity(value.value());
			return new FacetValue(value.value(), value.count(),
					selected ? parameters.withoutEntity(value.value()) : parameters.withEntity(value.value()),
					selected);
		}).toList();
	}

	private static List<FacetValue> tags(SearchParameters parameters, List<FacetCount> facet) {
		return facet.stream().map(value -> {
			boolean selected = parameters.hasTag(value.value());
			return new FacetValue(value.value(), value.count(),
					selected ? parameters.withoutTag(value.value()) : parameters.withTag(value.value()), selected);
		}).toList();
	}

	private static List<FacetValue> years(SearchParameters parameters, List<FacetCount> facet) {
		return facet.stream().map(value -> {
			boolean selected = parameters.hasDates(value.value(), value.value());
			return new FacetValue(value.value(), value.count(),
					selected ? parameters.withoutDates() : parameters.withDates(value.value(), value.value()),
					selected);
		}).toList();
	}

	private static List<FacetValue> months(SearchParameters parameters, List<FacetCount> facet) {
		List<FacetValue> months = new ArrayList<>();
		for (FacetCount value : facet) {
			String label;
			try {
				label = SearchDates.month(YearMonth.parse(value.value()));
			}
			catch (DateTimeParseException ex) {
				continue;
			}
			boolean selected = parameters.hasDates(value.value(), value.value());
			months.add(new FacetValue(label, value.count(),
					selected ? parameters.withoutDates() : parameters.withDates(value.value(), value.value()),
					selected));
		}
		return months;
	}

	/**
	 * The orders on offer; relevance only for a query, since without one every article
	 * matches alike.
	 */
	private static List<SortOption> sortOptions(SearchParameters parameters, SearchSort current) {
		return List.of(SearchSort.values())
			.stream()
			.filter(order -> order != SearchSort.RELEVANCE || parameters.hasQuery())
			.map(order -> new SortOption(order.parameter(), parameters.withSort(order), order == current))
			.toList();
	}

	/** A result: the article's row from PostgreSQL and its highlights from the index. */
	record Row(ArticleSummary article, SearchHit hit) {

		/**
		 * The title with the matched words marked: escaped HTML with {@code <mark>} only.
		 */
		public String titleHtml() {
			return hit.titleHtml();
		}

		/**
		 * Passages of the body with the matched words marked: escaped HTML with
		 * {@code <mark>} only.
		 */
		public List<String> snippetsHtml() {
			return hit.snippetsHtml();
		}

		/** Whether the article's story has other copies. */
		public boolean hasCopies() {
			return hit != null && hit.copies().count() > 1;
		}

		/** "3 copies: Reuters, Gulf News, The Hindu". */
		public String copiesLabel() {
			CopyCount copies = hit.copies();
			String label = copies.count() + " copies";
			return copies.sources().isEmpty() ? label : label + ": " + String.join(", ", copies.sources());
		}

		/** The copies section of the article's page. */
		public String copiesLink() {
			return "/articles/" + article.id() + "#copies";
		}

	}

	/** A filter in force, and the link that removes it and keeps the rest. */
	record Chip(String label, String removeLink) {
	}

	/**
	 * A facet value with its count over all matches; its link narrows to it, or widens
	 * again if chosen.
	 */
	record FacetValue(String label, long count, String link, boolean selected) {
	}

	record SortOption(String name, String link, boolean current) {
	}

}
