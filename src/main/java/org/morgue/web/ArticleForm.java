package org.morgue.web;

import java.util.List;

import org.morgue.article.ArticleDetails;
import org.morgue.article.ArticleParagraph;
import org.morgue.article.ArticleText;
import org.morgue.ingest.CopyCorrections;
import org.morgue.ingest.ParsedCopy;
import org.morgue.ingest.PublicationDate;

/**
 * The metadata fields of the paste and correction forms, as typed, and on the correction
 * form the text (paragraphs separated by a blank line, subheads starting with "## ").
 */
record ArticleForm(String raw, String title, String byline, String source, String dateline, String publishedAt,
		String url, String language, Integer version, Boolean checked, String text) {

	static ArticleForm empty() {
		return new ArticleForm("", null, null, null, null, null, null, null, null, false, null);
	}

	static ArticleForm of(String raw, ParsedCopy parsed) {
		return new ArticleForm(raw, parsed.title(), parsed.byline(), parsed.source(),
				(parsed.dateline() != null) ? parsed.dateline().text() : null,
				(parsed.publishedDate() != null) ? parsed.publishedDate().toString() : null, null, "en", null, true,
				null);
	}

	static ArticleForm of(String raw, ArticleDetails article) {
		return new ArticleForm(raw, article.title(), article.byline(), article.source(),
				(article.dateline() != null) ? article.dateline().text() : null,
				PublicationDate.format(article.publishedDate(), article.publishedTime()), article.url(),
				article.language(), article.version(), true, ArticleText.editable(article.paragraphs()));
	}

	/**
	 * Whether the editor has seen what the parser found, so that the fields are theirs to
	 * keep or clear.
	 */
	boolean wasChecked() {
		return Boolean.TRUE.equals(checked);
	}

	/** Every field as the editor left it: a blank field removes the value. */
	CopyCorrections corrections() {
		return new CopyCorrections(blankIfNull(title), blankIfNull(byline), blankIfNull(source), blankIfNull(dateline),
				blankIfNull(publishedAt), blankIfNull(url), blankIfNull(language));
	}

	/** The corrected text, or {@code null} when the form has no text field. */
	List<ArticleParagraph> paragraphs() {
		return (text != null) ? ArticleText.fromEditable(text) : null;
	}

	private static String blankIfNull(String value) {
		return (value != null) ? value : "";
	}

}
