package org.morgue.ner;

import org.morgue.article.ArticleDeleted;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Lowers the article counts of the entities an article mentions when it is deleted, in
 * the deleting transaction, before its mentions go with it (on delete cascade): the
 * deletion and the counts commit or roll back together.
 */
@Component
class ArticleDeletions {

	private final EntityStore store;

	ArticleDeletions(EntityStore store) {
		this.store = store;
	}

	@EventListener
	void on(ArticleDeleted event) {
		// An analysis replacing the article's mentions holds this lock until it commits:
		// count what it
		// left. One that takes the lock after the deletion fails on the missing article,
		// storing nothing.
		store.lockArticle(event.articleId());
		store.uncountArticle(event.articleId());
	}

}
