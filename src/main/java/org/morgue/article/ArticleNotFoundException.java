package org.morgue.article;

import org.morgue.system.NotFoundException;

/**
 * There is no article with the id asked for.
 */
public class ArticleNotFoundException extends NotFoundException {

	private final long articleId;

	public ArticleNotFoundException(long articleId) {
		super("There is no article " + articleId + ".");
		this.articleId = articleId;
	}

	public long articleId() {
		return articleId;
	}

}
