package org.morgue.search;

import java.util.List;

import org.morgue.article.ArticleContent;
import org.morgue.article.ArticleService;
import org.morgue.copies.CopyService;

import org.springframework.stereotype.Service;

/**
 * The articles most like one article, by the distinctive words of its title and body.
 */
@Service
public class RelatedArticles {

	private final SearchBackend backend;

	private final ArticleService articles;

	private final CopyService copies;

	RelatedArticles(SearchBackend backend, ArticleService articles, CopyService copies) {
		this.backend = backend;
		this.articles = articles;
		this.copies = copies;
	}

	/**
	 * Up to {@code count} article ids, best first; none while the index is being built.
	 * Copies of the same story are not related articles: the article page lists them as
	 * copies.
	 */
	public List<Long> of(long articleId, int count) {
		List<ArticleContent> content = articles.contents(List.of(articleId));
		if (content.isEmpty()) {
			return List.of();
		}
		Long group = copies.indexedGroups(List.of(articleId)).get(articleId);
		return backend.related(content.get(0), group, count);
	}

}
