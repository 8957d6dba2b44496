package org.morgue.article;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How a body is stored, counted and recognised when the same copy comes in again.
 */
public final class ArticleText {

	static final String PARAGRAPH_SEPARATOR = "\n\n";

	private static final Pattern WHITESPACE = Pattern.compile("\\s+");

	private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’.,-][\\p{L}\\p{N}]+)*");

	private ArticleText() {
	}

	static String join(List<ArticleParagraph> paragraphs) {
		return String.join(PARAGRAPH_SEPARATOR, paragraphs.stream().map(ArticleParagraph::text).toList());
	}

	static List<ArticleParagraph> split(String body, int[] subheadIndexes) {
		String[] texts = body.split(PARAGRAPH_SEPARATOR, -1);
		List<ArticleParagraph> paragraphs = new ArrayList<>(texts.length);
		for (String text : texts) {
			paragraphs.add(ArticleParagraph.paragraph(text));
		}
		for (int index : subheadIndexes) {
			if (index >= 0 && index < paragraphs.size()) {
				paragraphs.set(index, ArticleParagraph.subhead(texts[index]));
			}
		}
		return List.copyOf(paragraphs);
	}

	static int[] subheadIndexes(List<ArticleParagraph> paragraphs) {
		return java.util.stream.IntStream.range(0, paragraphs.size())
			.filter(i -> paragraphs.get(i).subhead())
			.toArray();
	}

	/** Words in a body, as the archive counts them. */
	public static int wordCount(String body) {
		return (int) WORD.matcher(body).results().count();
	}

	/**
	 * The hash that identifies copy: the same story with different line breaks, spacing, letter case
	 * or typographic quotes and dashes is the same copy.
	 */
	public static String contentHash(String body) {
		String normalised = Normalizer.normalize(body, Normalizer.Form.NFKC)
			.replaceAll("[‘’‚‛′`]", "'")
			.replaceAll("[“”„‟″«»]", "\"")
			.replaceAll("[‐‑‒–—―]", "-");
		normalised = WHITESPACE.matcher(normalised).replaceAll(" ").strip().toLowerCase(Locale.ROOT);
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(normalised.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

}
