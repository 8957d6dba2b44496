package org.morgue.search;

import org.morgue.article.ArticleContent;
import org.morgue.article.ArticleDeleted;
import org.morgue.article.ArticleSaved;
import org.morgue.article.ArticleService;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Follows articles into the index, after their transaction commits. The events come through Spring
 * Modulith's publication log: one whose indexing did not complete (the process died, the index
 * failed) is delivered again at the next start.
 */
@Component
class ArticleIndexer {

	private final ArticleIndex index;

	private final ArticleService articles;

	ArticleIndexer(ArticleIndex index, ArticleService articles) {
		this.index = index;
		this.articles = articles;
	}

	@ApplicationModuleListener
	void on(ArticleSaved event) {
		List<ArticleContent> content = articles.contents(List.of(event.articleId()));
		if (content.isEmpty()) {
			// Deleted since; its own event removes it.
			return;
		}
		index.update(content.get(0), true);
	}

	@ApplicationModuleListener
	void on(ArticleDeleted event) {
		index.delete(event.articleId(), true);
	}

}
