package org.morgue.intake;

import org.morgue.article.ArticleDetails;

/**
 * What became of one story of a document taken in.
 *
 * @param outcome created, updated, older, duplicate or failed
 * @param article the story's article as it stands now, or {@code null} when it failed
 * @param guid the provider's id of the story, or {@code null} when it has none
 * @param version the provider's version as written, or {@code null}
 * @param error why it failed, or {@code null}
 */
public record IntakeItem(Outcome outcome, ArticleDetails article, String guid, String version, String error) {

	public enum Outcome {

		/** A new story: a new article. */
		CREATED,

		/** A newer version of a story the archive has: the article now shows it. */
		UPDATED,

		/** An older version arriving late: listed with the story's versions only. */
		OLDER,

		/** A version (or a text) the archive already has: nothing new. */
		DUPLICATE,

		/**
		 * Not taken, for the reason given (an entry whose page could not be fetched,
		 * say).
		 */
		FAILED

	}

	static IntakeItem failed(String guid, String error) {
		return new IntakeItem(Outcome.FAILED, null, guid, null, error);
	}

}
