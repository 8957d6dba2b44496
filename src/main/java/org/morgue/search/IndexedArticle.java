package org.morgue.search;

import java.util.List;

import org.morgue.article.ArticleContent;
import org.morgue.ner.ArticleEntity;

/**
 * What goes into an article's index document: its content, the entities it mentions, its
 * tags, the notes annotating it and its group of copies ({@code copyGroup}, 0 when it has
 * none).
 */
record IndexedArticle(ArticleContent content, List<ArticleEntity> entities, List<String> tags, List<String> notes,
		long copyGroup) {

	IndexedArticle(ArticleContent content, List<ArticleEntity> entities) {
		this(content, entities, List.of(), List.of(), 0);
	}

	IndexedArticle(ArticleContent content, List<ArticleEntity> entities, List<String> tags) {
		this(content, entities, tags, List.of(), 0);
	}

	long id() {
		return content.id();
	}

}
