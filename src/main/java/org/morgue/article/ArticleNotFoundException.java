package org.morgue.article;

/**
 * There is no article with the id asked for.
 */
public class ArticleNotFoundException extends RuntimeException {

	private final long articleId;

	public ArticleNotFoundException(long articleId) {
		super("There is no article " + articleId + ".");
		this.articleId = articleId;
	}

	public long articleId() {
		return articleId;
	}

}
