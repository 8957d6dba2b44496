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
		String normalised = Normalizer.normalize(body, Normalizer.Form.NFKC);
		// One pass for what used to be four regular expressions: quotes, dashes, runs of whitespace.
		StringBuilder text = new StringBuilder(normalised.length());
		boolean space = false;
		for (int i = 0; i < normalised.length(); i++) {
			char c = normalised.charAt(i);
			if (c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r') {
				space = true;
				continue;
			}
			if (space) {
				text.append(' ');
				space = false;
			}
			text.append(switch (c) {
				case '‘', '’', '‚', '‛', '′', '`' -> '\'';
				case '“', '”', '„', '‟', '″', '«', '»' -> '"';
				case '‐', '‑', '‒', '–', '—', '―' -> '-';
				default -> c;
			});
		}
		normalised = text.toString().strip().toLowerCase(Locale.ROOT);
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(normalised.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

}
