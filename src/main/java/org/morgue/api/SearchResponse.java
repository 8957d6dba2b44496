package org.morgue.api;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.media.Schema;
import org.morgue.article.ArticleSummary;
import org.morgue.copies.CopyCount;
import org.morgue.search.FacetCount;
import org.morgue.search.SearchCriteria;
import org.morgue.search.SearchHit;
import org.morgue.search.SearchResult;

/**
 * A page of search results.
 */
@Schema(name = "SearchResults")
record SearchResponse(
		@Schema(description = "Exact number of matching articles, every copy of a story counted") long total,
		@Schema(description = "Exact number of results when copies are grouped: the matching articles, each group of republished copies counted once") long stories,
		@Schema(description = "grouped (each group of copies listed once, by its first matching copy received) or all (every copy listed)") String copies,
		List<Hit> hits,
		@Schema(description = "Counts of matching articles, every copy counted: source, person, organization, location and tag (by count), year and month (in time order)") Map<String, List<FacetCount>> facets,
		@Schema(description = "Pass as 'cursor' for the next page; null on the last",
				nullable = true) String nextCursor) {

	static SearchResponse of(SearchResult result, boolean allCopies, List<ArticleSummary> rows) {
		Map<Long, ArticleSummary> byId = rows.stream()
			.collect(Collectors.toMap(ArticleSummary::id, Function.identity()));
		List<Hit> hits = result.hits()
			.stream()
			.filter(hit -> byId.containsKey(hit.id()))
			.map(hit -> Hit.of(hit, byId.get(hit.id())))
			.toList();
		return new SearchResponse(result.total(), result.stories(),
				allCopies ? SearchCriteria.ALL_COPIES : SearchCriteria.GROUPED_COPIES, hits, result.facets(),
				result.nextCursor());
	}

	@Schema(name = "SearchHit")
	record Hit(long id, String title,
			@Schema(description = "The title as HTML: escaped, with matches in <mark>") String titleHighlighted,
			String source, String byline, @Schema(description = "The dateline place for display") String dateline,
			@Schema(description = "Publication date; null when unknown") String publishedAt,
			@Schema(description = "Passages of the body as HTML: escaped, with matches in <mark>") List<String> snippets,
			@Schema(description = "Its group of republished copies: how many (this one included) and their sources") HitCopies copies,
			String self) {

		static Hit of(SearchHit hit, ArticleSummary article) {
			return new Hit(article.id(), article.title(), hit.titleHtml(), article.source(), article.byline(),
					article.datelinePlace(),
					(article.publishedDate() != null) ? article.publishedDate().toString() : null, hit.snippetsHtml(),
					HitCopies.of(hit.copies(), article.id()), "/api/v1/articles/" + article.id());
		}

	}

	@Schema(name = "SearchHitCopies")
	record HitCopies(long group, int count, List<String> sources, String href) {

		static HitCopies of(CopyCount copies, long articleId) {
			return new HitCopies(copies.group(), copies.count(), copies.sources(),
					"/api/v1/articles/" + articleId + "/copies");
		}

	}

}
