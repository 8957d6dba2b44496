package org.morgue.article;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * What an editor may correct about an article: everything but its text.
 *
 * @param title the headline; never blank
 * @param byline who wrote it, or {@code null}
 * @param source the name of the agency or publication, or {@code null} when unknown
 * @param dateline the dateline, or {@code null}
 * @param publishedDate the publication date, or {@code null} when unknown (never the
 * ingest date)
 * @param publishedTime the publication time in UTC when known; only with a date
 * @param url where the article was published, or {@code null}
 * @param language a BCP 47 language tag such as {@code en}
 */
public record ArticleMetadata(String title, String byline, String source, ArticleDateline dateline,
		LocalDate publishedDate, LocalTime publishedTime, String url, String language) {

	public ArticleMetadata withTitle(String title) {
		return new ArticleMetadata(title, byline, source, dateline, publishedDate, publishedTime, url, language);
	}

}
