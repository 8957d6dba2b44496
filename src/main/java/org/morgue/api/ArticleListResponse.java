package org.morgue.api;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.morgue.article.ArticleSummary;

import org.springframework.data.domain.Page;

/**
 * A page of articles.
 */
@Schema(name = "ArticleList")
record ArticleListResponse(List<Item> items,
		@Schema(description = "This page's number, from 0") int page, int size, long totalItems, int totalPages,
		@Schema(description = "The next page, or null on the last", nullable = true) String next) {

	static ArticleListResponse of(Page<ArticleSummary> page, String sort) {
		String next = page.hasNext() ? "/api/v1/articles?page=" + (page.getNumber() + 1) + "&size=" + page.getSize()
				+ "&sort=" + sort : null;
		return new ArticleListResponse(page.getContent().stream().map(Item::of).toList(), page.getNumber(),
				page.getSize(), page.getTotalElements(), page.getTotalPages(), next);
	}

	@Schema(name = "ArticleListItem")
	record Item(long id, String title, boolean titleDerived, String byline, String source,
			@Schema(description = "The dateline place for display") String dateline,
			@Schema(description = "Publication date; null when unknown") String publishedAt, Instant ingestedAt,
			int wordCount, String self) {

		static Item of(ArticleSummary article) {
			return new Item(article.id(), article.title(), article.titleDerived(), article.byline(), article.source(),
					article.datelinePlace(), (article.publishedDate() != null) ? article.publishedDate().toString() : null,
					article.ingestedAt(), article.wordCount(), "/api/v1/articles/" + article.id());
		}

	}

}
