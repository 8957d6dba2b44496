package org.morgue.article;

/**
 * Someone changed the article since the version the caller edited; saving would overwrite
 * their change.
 */
public class ArticleVersionConflictException extends RuntimeException {

	private final long articleId;

	private final int currentVersion;

	public ArticleVersionConflictException(long articleId, int expectedVersion, int currentVersion) {
		super("Article " + articleId + " was changed by someone else: you edited version " + expectedVersion
				+ " but it is now at version " + currentVersion + ". Reload it and apply your change again.");
		this.articleId = articleId;
		this.currentVersion = currentVersion;
	}

	public long articleId() {
		return articleId;
	}

	public int currentVersion() {
		return currentVersion;
	}

}
