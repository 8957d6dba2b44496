package org.morgue.search;

import org.morgue.annotation.ArticleAnnotationsChanged;
import org.morgue.article.ArticleDeleted;
import org.morgue.article.ArticleSaved;
import org.morgue.article.ArticlesImported;
import org.morgue.copies.CopyGroupsChanged;
import org.morgue.ner.ArticleEntitiesChanged;
import org.morgue.tag.ArticleTagsChanged;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Follows articles into the index, after their transaction commits. The events come
 * through Spring Modulith's publication log: one whose indexing did not complete (the
 * process died, the index failed) is delivered again at the next start.
 */
@Component
class ArticleIndexer {

	private static final int BATCH = 500;

	private final SearchBackend index;

	private final IndexedArticles articles;

	ArticleIndexer(SearchBackend index, IndexedArticles articles) {
		this.index = index;
		this.articles = articles;
	}

	@ApplicationModuleListener
	void on(ArticleSaved event) {
		// Deleted since, if missing: its own event removes it.
		articles.load(List.of(event.articleId())).forEach(article -> index.update(article, true));
	}

	/**
	 * A batch of a bulk import, indexed as one: searchable within the index's usual
	 * staleness.
	 */
	@ApplicationModuleListener
	void on(ArticlesImported event) {
		index(event.articleIds());
	}

	/**
	 * Entities found or curated: the documents get the entities' current ids and types.
	 */
	@ApplicationModuleListener
	void on(ArticleEntitiesChanged event) {
		index(event.articleIds());
	}

	/**
	 * Tags added, removed, renamed or merged: the documents get the articles' current
	 * tags.
	 */
	@ApplicationModuleListener
	void on(ArticleTagsChanged event) {
		index(event.articleIds());
	}

	/** Notes written, changed or deleted: the documents get the notes as they now are. */
	@ApplicationModuleListener
	void on(ArticleAnnotationsChanged event) {
		index(event.articleIds());
	}

	/**
	 * Groups of copies joined, split or renamed: the documents get their current group,
	 * in place (a document re-indexed would go to the end of the index, and the copy a
	 * search shows is the first it meets).
	 */
	@ApplicationModuleListener
	void on(CopyGroupsChanged event) {
		List<Long> ids = event.articleIds();
		for (int from = 0; from < ids.size(); from += BATCH) {
			index.setCopyGroups(articles.copyGroups(ids.subList(from, Math.min(ids.size(), from + BATCH))));
		}
	}

	private void index(List<Long> ids) {
		for (int from = 0; from < ids.size(); from += BATCH) {
			articles.load(ids.subList(from, Math.min(ids.size(), from + BATCH)))
				.forEach(article -> index.update(article, false));
		}
	}

	@ApplicationModuleListener
	void on(ArticleDeleted event) {
		index.delete(event.articleId(), true);
	}

}
