package org.morgue.story;

import org.morgue.article.ArticleDetails;

/**
 * What became of a version received.
 *
 * @param article the story's article as it stands now
 */
public record StoryReceipt(Outcome outcome, ArticleDetails article) {

	public enum Outcome {

		/** The first version of a story: a new article. */
		CREATED,

		/** A newer version: the article now has its text and status. */
		UPDATED,

		/**
		 * An older version than the one in the article, arriving late: kept in the list
		 * only.
		 */
		OLDER,

		/**
		 * A version already received (or, for a new story, a text the archive has
		 * already).
		 */
		DUPLICATE

	}

	/** Whether anything new was stored. */
	public boolean stored() {
		return outcome == Outcome.CREATED || outcome == Outcome.UPDATED || outcome == Outcome.OLDER;
	}

}
