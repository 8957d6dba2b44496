package org.morgue.ingest;

/**
 * An article given field by field (the JSON form of the API). Only {@code body} is
 * required; a missing title is derived from the lead and flagged as derived.
 */
public record ArticleInput(String title, String body, String byline, String source, String dateline, String publishedAt,
		String url, String language) {
}
