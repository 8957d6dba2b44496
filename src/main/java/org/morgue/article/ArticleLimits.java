package org.morgue.article;

/**
 * The longest value each of an article's fields may have, in characters (UTF-16 code
 * units, as Java and JSON Schema's {@code maxLength} count them): generous for any
 * newsroom's copy, and bounded, so that no field can hold a whole book or outgrow
 * PostgreSQL's index entries. {@link ArticleService} holds every article it stores or
 * corrects to them, so the API, the pages, the bulk import and the wire formats refuse
 * the same values; the API's description states them as {@code maxLength}. The body is
 * bounded by {@code morgue.ingest.max-body-bytes} instead. No field, the body and the
 * copy as received included, may hold a NUL character.
 */
public final class ArticleLimits {

	/** The headline. */
	public static final int TITLE = 1_000;

	/** Who wrote it. */
	public static final int BYLINE = 500;

	/** The agency or publication's name. */
	public static final int SOURCE = 200;

	/** The dateline as written, and its place. */
	public static final int DATELINE = 500;

	/** Where it was published. */
	public static final int URL = 2_000;

	/** A BCP 47 language tag (RFC 5646 recommends room for 35). */
	public static final int LANGUAGE = 35;

	/** The sign-off and credit lines taken off the end of the copy. */
	public static final int SIGN_OFF = 5_000;

	private ArticleLimits() {
	}

	/**
	 * @throws InvalidArticleException naming the field when the value has a NUL
	 * character, which PostgreSQL's text cannot hold
	 */
	static void noNul(String field, String value) {
		if (value != null && value.indexOf('\0') >= 0) {
			throw new InvalidArticleException(field,
					"The " + field + " contains a NUL character (U+0000), which the archive cannot store.");
		}
	}

	/**
	 * @throws InvalidArticleException naming the first field longer than its limit
	 */
	static void check(ArticleMetadata metadata) {
		check("title", metadata.title(), TITLE);
		check("byline", metadata.byline(), BYLINE);
		check("source", metadata.source(), SOURCE);
		ArticleDateline dateline = metadata.dateline();
		if (dateline != null) {
			check("dateline", dateline.text(), DATELINE);
			check("dateline", dateline.place(), DATELINE);
			check("dateline", dateline.placeDisplay(), DATELINE);
		}
		check("url", metadata.url(), URL);
		check("language", metadata.language(), LANGUAGE);
	}

	/**
	 * @throws InvalidArticleException naming the field when the value is longer than
	 * {@code limit} characters
	 */
	static void check(String field, String value, int limit) {
		noNul(field, value);
		if (value != null && value.length() > limit) {
			throw new InvalidArticleException(field, "The %s is %,d characters long; at most %,d are taken."
				.formatted(field.equals("url") ? "URL" : field, value.length(), limit));
		}
	}

}
