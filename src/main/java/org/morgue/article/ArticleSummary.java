package org.morgue.article;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An article as it appears in a list: enough to recognise it, without its text.
 */
public record ArticleSummary(long id, String title, boolean titleDerived, String byline, String source,
		String datelinePlace, LocalDate publishedDate, Instant ingestedAt, int wordCount) {
}
