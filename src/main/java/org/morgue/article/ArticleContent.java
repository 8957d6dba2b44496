package org.morgue.article;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * What other modules read to index or analyse an article: its text and the metadata
 * searched on, without the raw copy.
 *
 * @param datelinePlace the dateline place for display
 * @param ingestedAt when the archive received it, or {@code null} when not known
 */
public record ArticleContent(long id, int version, String title, String body, String byline, String source,
		String datelinePlace, String datelineText, LocalDate publishedDate, LocalTime publishedTime,
		Instant ingestedAt) {

	/** Content without the time it was received. */
	public ArticleContent(long id, int version, String title, String body, String byline, String source,
			String datelinePlace, String datelineText, LocalDate publishedDate, LocalTime publishedTime) {
		this(id, version, title, body, byline, source, datelinePlace, datelineText, publishedDate, publishedTime, null);
	}

}
