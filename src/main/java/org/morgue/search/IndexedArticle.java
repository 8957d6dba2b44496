package org.morgue.search;

import java.util.List;

import org.morgue.article.ArticleContent;
import org.morgue.ner.ArticleEntity;

/**
 * What goes into an article's index document: its content and the entities it mentions.
 */
record IndexedArticle(ArticleContent content, List<ArticleEntity> entities) {

	long id() {
		return content.id();
	}

}
