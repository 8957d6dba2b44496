package org.morgue.copies;

import java.util.List;

import org.morgue.article.ArticleDeleted;
import org.morgue.article.ArticleSaved;
import org.morgue.article.ArticlesImported;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Groups articles in the transaction that stores them, so that an article is never stored
 * without its group, and its index document, written after the commit, has it too. A
 * deletion takes the article out of its group before its row goes. With grouping off,
 * articles are stored without a signature, and the backlog job groups them later.
 */
@Component
class CopyListener {

	private final CopyGrouping grouping;

	private final CopiesProperties properties;

	CopyListener(CopyGrouping grouping, CopiesProperties properties) {
		this.grouping = grouping;
		this.properties = properties;
	}

	@EventListener
	void on(ArticleSaved event) {
		if (properties.enabled()) {
			grouping.group(List.of(event.articleId()));
		}
	}

	@EventListener
	void on(ArticlesImported event) {
		if (properties.enabled()) {
			grouping.group(event.articleIds());
		}
	}

	@EventListener
	void on(ArticleDeleted event) {
		grouping.delete(event.articleId());
	}

}
