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

	/** How a subhead starts a paragraph in the editable form of a text. */
	public static final String SUBHEAD_MARK = "## ";

	private static final Pattern BLANK_LINES = Pattern.compile("\\n[ \\t\\u00A0]*\\n\\s*");

	/**
	 * The text as an editor corrects it: paragraphs separated by a blank line, a subhead
	 * starting with {@value #SUBHEAD_MARK}.
	 */
	public static String editable(List<ArticleParagraph> paragraphs) {
		return String.join(PARAGRAPH_SEPARATOR,
				paragraphs.stream().map(p -> p.subhead() ? SUBHEAD_MARK + p.text() : p.text()).toList());
	}

	/**
	 * Reads the {@link #editable} form back: paragraphs separated by blank lines (a
	 * single line break inside a paragraph becomes a space), a paragraph starting with
	 * {@value #SUBHEAD_MARK} a subhead.
	 * @return the paragraphs, none of them blank (an empty list for a blank text)
	 */
	public static List<ArticleParagraph> fromEditable(String text) {
		String unified = text.replace("\r\n", "\n").replace('\r', '\n').strip();
		List<ArticleParagraph> paragraphs = new ArrayList<>();
		for (String block : BLANK_LINES.split(unified)) {
			String paragraph = block.strip().replaceAll("\\s*\\n\\s*", " ");
			if (paragraph.startsWith(SUBHEAD_MARK.strip())
					&& (paragraph.length() == 2 || Character.isWhitespace(paragraph.charAt(2)))) {
				String subhead = paragraph.substring(2).strip();
				if (!subhead.isEmpty()) {
					paragraphs.add(ArticleParagraph.subhead(subhead));
				}
			}
			else if (!paragraph.isEmpty()) {
				paragraphs.add(ArticleParagraph.paragraph(paragraph));
			}
		}
		return List.copyOf(paragraphs);
	}

	/** Words in a body, as the archive counts them. */
	public static int wordCount(String body) {
		return (int) WORD.matcher(body).results().count();
	}

	/**
	 * The hash that identifies copy: the same story with different line breaks, spacing,
	 * letter case or typographic quotes and dashes is the same copy.
	 */
	public static String contentHash(String body) {
		String normalised = Normalizer.normalize(body, Normalizer.Form.NFKC);
		// One pass for what used to be four regular expressions: quotes, dashes, runs of
		// whitespace.
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
