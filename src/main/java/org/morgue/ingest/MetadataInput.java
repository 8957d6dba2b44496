package org.morgue.ingest;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

import org.morgue.article.ArticleDateline;
import org.morgue.article.ArticleMetadata;
import org.morgue.article.InvalidArticleException;

/**
 * Reads the metadata fields editors and clients type (a dateline, a URL, a language), the
 * same way for pasted copy, JSON and corrections, with an error that names the field.
 */
public final class MetadataInput {

	private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*");

	private static final DatelineParser DATELINES = new DatelineParser();

	private MetadataInput() {
	}

	/**
	 * Applies corrections to metadata: for each field {@code null} keeps what is there, a
	 * blank value removes it, any other value replaces it.
	 * @throws InvalidArticleException naming the field when a value is invalid or the
	 * title is cleared
	 */
	public static ArticleMetadata apply(ArticleMetadata current, CopyCorrections changes) {
		PublicationDate date = (changes.publishedAt() != null)
				? PublicationDate.parse("publishedAt", changes.publishedAt())
				: new PublicationDate(current.publishedDate(), current.publishedTime());
		String title = (changes.title() != null) ? text(changes.title()) : current.title();
		if (title == null) {
			throw new InvalidArticleException("title", "The title cannot be empty.");
		}
		return new ArticleMetadata(title, (changes.byline() != null) ? text(changes.byline()) : current.byline(),
				(changes.source() != null) ? text(changes.source()) : current.source(),
				(changes.dateline() != null) ? dateline(changes.dateline()) : current.dateline(),
				(date != null) ? date.date() : null, (date != null) ? date.time() : null,
				(changes.url() != null) ? url("url", changes.url()) : current.url(),
				(changes.language() != null) ? language("language", changes.language(), IngestService.DEFAULT_LANGUAGE)
						: current.language());
	}

	/** The trimmed text, or {@code null} when blank. */
	public static String text(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	/**
	 * A dateline typed by an editor: either a whole dateline as wire copy writes it
	 * ({@code YANGON (AFP) -}) or just the place ({@code YANGON}, {@code Yangon}).
	 * @return the dateline, or {@code null} when blank
	 */
	public static ArticleDateline dateline(String value) {
		String text = text(value);
		if (text == null) {
			return null;
		}
		return DATELINES.parse(text + " x")
			.filter(match -> match.rest().equals("x"))
			.map(match -> new ArticleDateline(match.dateline().text(), match.dateline().place(),
					match.dateline().placeDisplay()))
			.orElseGet(() -> new ArticleDateline(text, text,
					writtenInCapitals(text) ? DatelineParser.displayForm(text) : text));
	}

	/**
	 * Whether a place is written as datelines write it, the city in capitals
	 * ({@code YANGON}, {@code GROSSETO, Italy}).
	 */
	private static boolean writtenInCapitals(String place) {
		int comma = place.indexOf(',');
		String city = (comma < 0) ? place : place.substring(0, comma);
		return city.equals(city.toUpperCase(Locale.ROOT));
	}

	/**
	 * An absolute http or https URL.
	 * @return the URL, or {@code null} when blank
	 */
	public static String url(String field, String value) {
		String text = text(value);
		if (text == null) {
			return null;
		}
		try {
			URI uri = new URI(text);
			if (uri.getScheme() != null && uri.getHost() != null
					&& (uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"))) {
				return text;
			}
		}
		catch (URISyntaxException ex) {
			// reported below
		}
		throw new InvalidArticleException(field,
				"'" + text + "' is not a web address: give a full http:// or https:// URL.");
	}

	/**
	 * A BCP 47 language tag such as {@code en} or {@code pt-BR}.
	 * @return the tag, or {@code defaultLanguage} when blank
	 */
	public static String language(String field, String value, String defaultLanguage) {
		String text = text(value);
		if (text == null) {
			return defaultLanguage;
		}
		if (!LANGUAGE_TAG.matcher(text).matches()) {
			throw new InvalidArticleException(field,
					"'" + text + "' is not a language tag: use a code such as en, fr or pt-BR.");
		}
		return Locale.forLanguageTag(text).toLanguageTag();
	}

}
