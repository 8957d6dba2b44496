package org.morgue.ner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Typical news articles for the speed measurement: the bodies of Reuters-21578 stories of
 * 300 to 500 words, with their wrapped lines joined into one paragraph a line as Morgue
 * stores them. The files are research-use only, so they are read from
 * {@code ../shared/data} at run time.
 */
final class NewsArticles {

	private static final Pattern BODY = Pattern.compile("<BODY>(.*?)</BODY>", Pattern.DOTALL);

	private static final Pattern ENTITY = Pattern.compile("&(#\\d+|lt|gt|amp|quot|apos);");

	private static final Pattern SIGN_OFF = Pattern.compile("(?i)\\s*reuter\\s*$");

	private NewsArticles() {
	}

	/**
	 * @throws IllegalStateException when a file is missing, with the property that points
	 * at them
	 */
	static List<String> read(Path directory, int minWords, int maxWords) {
		List<String> articles = new ArrayList<>();
		for (int file = 0; file <= 17; file++) {
			Path path = directory.resolve(String.format("reut2-%03d.sgm", file));
			if (!Files.isRegularFile(path)) {
				throw new IllegalStateException("Reuters-21578 is not at " + directory.toAbsolutePath() + " (missing "
						+ path.getFileName() + "); point -Dner.reuters= at it");
			}
			String sgml;
			try {
				sgml = Files.readString(path, StandardCharsets.ISO_8859_1);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			Matcher body = BODY.matcher(sgml);
			while (body.find()) {
				String text = paragraphs(unescape(SIGN_OFF.matcher(body.group(1)).replaceAll("")));
				int words = text.isBlank() ? 0 : text.strip().split("\\s+").length;
				if (words >= minWords && words <= maxWords) {
					articles.add(text);
				}
			}
		}
		return articles;
	}

	/** A paragraph starts at an indented line; wrapped lines are joined with a space. */
	private static String paragraphs(String body) {
		StringBuilder text = new StringBuilder();
		for (String line : body.split("\n")) {
			if (line.isBlank()) {
				continue;
			}
			if (text.length() > 0) {
				text.append(Character.isWhitespace(line.charAt(0)) ? '\n' : ' ');
			}
			text.append(line.strip());
		}
		return text.toString();
	}

	private static String unescape(String text) {
		Matcher entity = ENTITY.matcher(text);
		StringBuilder out = new StringBuilder();
		while (entity.find()) {
			String name = entity.group(1);
			String replacement = switch (name) {
				case "lt" -> "<";
				case "gt" -> ">";
				case "amp" -> "&";
				case "quot" -> "\"";
				case "apos" -> "'";
				default -> {
					int code = Integer.parseInt(name.substring(1));
					yield (code < 32) ? " " : String.valueOf((char) code);
				}
			};
			entity.appendReplacement(out, Matcher.quoteReplacement(replacement));
		}
		entity.appendTail(out);
		return out.toString();
	}

}
