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
 * @param hiddenUntil until when readers do not see it ({@link Instant#MAX}: until a
 * change), or {@code null} when they do
 */
public record ArticleContent(long id, int version, String title, String body, String byline, String source,
		String datelinePlace, String datelineText, LocalDate publishedDate, LocalTime publishedTime, Instant ingestedAt,
		Instant hiddenUntil) {

	/** Content of an article readers see. */
	public ArticleContent(long id, int version, String title, String body, String byline, String source,
			String datelinePlace, String datelineText, LocalDate publishedDate, LocalTime publishedTime,
			Instant ingestedAt) {
		this(id, version, title, body, byline, source, datelinePlace, datelineText, publishedDate, publishedTime,
				ingestedAt, null);
	}

	/** For the repository: the visibility as stored. */
	ArticleContent(long id, int version, String title, String body, String byline, String source, String datelinePlace,
			String datelineText, LocalDate publishedDate, LocalTime publishedTime, Instant ingestedAt,
			ArticleVisibility.State visibility, Instant embargoedUntil) {
		this(id, version, title, body, byline, source, datelinePlace, datelineText, publishedDate, publishedTime,
				ingestedAt, new ArticleVisibility(visibility, embargoedUntil).hiddenUntil());
	}

	/** Content without the time it was received. */
	public ArticleContent(long id, int version, String title, String body, String byline, String source,
			String datelinePlace, String datelineText, LocalDate publishedDate, LocalTime publishedTime) {
		this(id, version, title, body, byline, source, datelinePlace, datelineText, publishedDate, publishedTime, null);
	}

}
