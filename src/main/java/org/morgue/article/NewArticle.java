package org.morgue.article;

import java.util.List;

/**
 * An article to store, as ingest made it from copy or fields.
 *
 * @param metadata title, byline, source, dateline, date, URL and language
 * @param titleDerived whether the title was derived from the lead rather than given
 * @param paragraphs the cleaned body, in order
 * @param signOff sign-off and credit lines taken off the end of the copy, or {@code null}
 * @param rawText the copy exactly as received
 * @param provenance who brought it in and when, for an article restored from an export;
 * {@code null} for a new one
 */
public record NewArticle(ArticleMetadata metadata, boolean titleDerived, List<ArticleParagraph> paragraphs,
		String signOff, String rawText, ArticleProvenance provenance) {

	public NewArticle {
		paragraphs = List.copyOf(paragraphs);
	}

	public NewArticle(ArticleMetadata metadata, boolean titleDerived, List<ArticleParagraph> paragraphs, String signOff,
			String rawText) {
		this(metadata, titleDerived, paragraphs, signOff, rawText, null);
	}

	/**
	 * The cleaned body the article will have: paragraphs and subheads separated by a
	 * blank line.
	 */
	public String body() {
		return ArticleText.join(paragraphs);
	}

}
