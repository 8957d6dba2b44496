package org.morgue.search;

import java.util.List;

import org.morgue.article.ArticleContent;
import org.morgue.ner.ArticleEntity;

/**
 * What goes into an article's index document: its content, the entities it mentions, its
 * tags and the notes annotating it.
 */
record IndexedArticle(ArticleContent content, List<ArticleEntity> entities, List<String> tags, List<String> notes) {

	IndexedArticle(ArticleContent content, List<ArticleEntity> entities) {
		this(content, entities, List.of(), List.of());
	}

	IndexedArticle(ArticleContent content, List<ArticleEntity> entities, List<String> tags) {
		this(content, entities, tags, List.of());
	}

	long id() {
		return content.id();
	}

}
