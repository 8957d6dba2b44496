package org.morgue.article;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * What other modules read to index or analyse an article: its text and the metadata searched on,
 * without the raw copy.
 *
 * @param datelinePlace the dateline place for display
 */
public record ArticleContent(long id, int version, String title, String body, String byline, String source,
		String datelinePlace, String datelineText, LocalDate publishedDate, LocalTime publishedTime) {
}
