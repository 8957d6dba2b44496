package org.morgue.article;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * A stored article as the rest of the archive sees it (never the JPA entity itself).
 *
 * @param visibility whether readers see it (editors always do)
 */
public record ArticleDetails(long id, String title, boolean titleDerived, String byline, String source,
		ArticleDateline dateline, LocalDate publishedDate, LocalTime publishedTime, Instant ingestedAt, String url,
		String language, List<ArticleParagraph> paragraphs, String signOff, int wordCount, String contentHash,
		int version, String createdBy, Instant createdAt, String updatedBy, Instant updatedAt,
		ArticleVisibility visibility) {

	/** The cleaned body: paragraphs and subheads separated by a blank line. */
	public String body() {
		return ArticleText.join(paragraphs);
	}

	/** The metadata an editor may correct, as it stands now. */
	public ArticleMetadata metadata() {
		return new ArticleMetadata(title, byline, source, dateline, publishedDate, publishedTime, url, language);
	}

}
