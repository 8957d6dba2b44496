package org.morgue.article;

/**
 * A text correction would make an article the copy of another: the archive stores each
 * copy once.
 */
public class DuplicateArticleTextException extends RuntimeException {

	private final long otherArticleId;

	public DuplicateArticleTextException(long articleId, long otherArticleId) {
		super("Article " + otherArticleId + " already has exactly this text, so article " + articleId
				+ " cannot be given it: the archive stores each copy once.");
		this.otherArticleId = otherArticleId;
	}

	public long otherArticleId() {
		return otherArticleId;
	}

}
