package org.morgue.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stories of Reuters-21578 (the 18 {@code reut2-0NN.sgm} files), cut into paragraphs:
 * the raw material the benchmark corpus is recombined from. The files are research-use
 * only, so they are read from {@code ../shared/data} at run time and never copied into
 * the project.
 * <p>
 * Bodies are hard-wrapped at about 70 characters; a paragraph starts with an indented
 * line (the first one directly after {@code <BODY>} is not indented). Wrapped lines are
 * joined with a space. Each story also keeps its DATE (the day only) and its TOPICS, for
 * the benchmarks that need to know what a story is about and when it ran.
 */
final class ReutersCorpus {

	private static final Pattern STORY = Pattern.compile("<REUTERS[^>]*>(.*?)</REUTERS>", Pattern.DOTALL);

	private static final Pattern TITLE = Pattern.compile("<TITLE>(.*?)</TITLE>", Pattern.DOTALL);

	private static final Pattern BODY = Pattern.compile("<BODY>(.*?)</BODY>", Pattern.DOTALL);

	private static final Pattern DATE = Pattern.compile("<DATE>\\s*(\\d{1,2})-([A-Za-z]{3})-(\\d{4})");

	private static final Pattern TOPICS = Pattern.compile("<TOPICS>(.*?)</TOPICS>", Pattern.DOTALL);

	private static final Pattern TOPIC = Pattern.compile("<D>(.*?)</D>");

	private static final Pattern ENTITY = Pattern.compile("&(#\\d+|lt|gt|amp|quot|apos);");

	private static final Pattern SIGN_OFF = Pattern.compile("(?i)\\s*reuter\\s*$");

	private static final Pattern SPACES = Pattern.compile("[ \\t]+");

	/** Every paragraph of every body, in file order. */
	private final List<String> paragraphs;

	/** For each paragraph, the index of its story. */
	private final int[] storyOfParagraph;

	/** For each story with a body, the index of its first paragraph. */
	private final int[] leadParagraphs;

	/** For each story with a body, its TITLE, or {@code null} when it has none. */
	private final List<String> titles;

	/**
	 * For each story with a body, its DATE's day, or {@code null} when it cannot be read.
	 */
	private final List<LocalDate> dates;

	/** For each story with a body, its TOPICS (often none). */
	private final List<List<String>> topics;

	private ReutersCorpus(List<String> paragraphs, int[] storyOfParagraph, int[] leadParagraphs, List<String> titles,
			List<LocalDate> dates, List<List<String>> topics) {
		this.paragraphs = paragraphs;
		this.storyOfParagraph = storyOfParagraph;
		this.leadParagraphs = leadParagraphs;
		this.titles = titles;
		this.dates = dates;
		this.topics = topics;
	}

	/**
	 * Reads {@code reut2-000.sgm} to {@code reut2-017.sgm} from the directory.
	 * @throws IllegalStateException when a file is missing, with the directory to point
	 * at
	 */
	static ReutersCorpus read(Path directory) {
		List<String> paragraphs = new ArrayList<>(120_000);
		List<Integer> stories = new ArrayList<>(120_000);
		List<Integer> leads = new ArrayList<>(20_000);
		List<String> titles = new ArrayList<>(20_000);
		List<LocalDate> dates = new ArrayList<>(20_000);
		List<List<String>> topics = new ArrayList<>(20_000);
		for (int file = 0; file <= 17; file++) {
			Path path = directory.resolve(String.format("reut2-%03d.sgm", file));
			if (!Files.isRegularFile(path)) {
				throw new IllegalStateException("Reuters-21578 is not at " + directory.toAbsolutePath() + " (missing "
						+ path.getFileName() + "); point -Dbench.reuters= at it");
			}
			String text;
			try {
				// The files are Latin-1 (a few bytes above 127 occur).
				text = Files.readString(path, StandardCharsets.ISO_8859_1);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			Matcher story = STORY.matcher(text);
			while (story.find()) {
				Matcher body = BODY.matcher(story.group(1));
				if (!body.find()) {
					// Briefs and unprocessed items have a title only.
					continue;
				}
				List<String> storyParagraphs = paragraphs(decode(body.group(1)));
				if (storyParagraphs.isEmpty()) {
					continue;
				}
				Matcher title = TITLE.matcher(story.group(1));
				int index = titles.size();
				titles.add(title.find() ? clean(decode(title.group(1))) : null);
				dates.add(date(story.group(1)));
				topics.add(topics(story.group(1)));
				leads.add(paragraphs.size());
				for (String paragraph : storyParagraphs) {
					paragraphs.add(paragraph);
					stories.add(index);
				}
			}
		}
		return new ReutersCorpus(List.copyOf(paragraphs), stories.stream().mapToInt(Integer::intValue).toArray(),
				leads.stream().mapToInt(Integer::intValue).toArray(), titles, dates, topics);
	}

	/** The day of a story's DATE ({@code 26-FEB-1987 15:01:01.79}), or {@code null}. */
	private static LocalDate date(String story) {
		Matcher date = DATE.matcher(story);
		if (!date.find()) {
			return null;
		}
		for (Month month : Month.values()) {
			if (month.name().startsWith(date.group(2).toUpperCase(Locale.ROOT))) {
				int day = Integer.parseInt(date.group(1));
				int year = Integer.parseInt(date.group(3));
				return (day <= month.length(year % 4 == 0)) ? LocalDate.of(year, month, day) : null;
			}
		}
		return null;
	}

	private static List<String> topics(String story) {
		Matcher topics = TOPICS.matcher(story);
		if (!topics.find()) {
			return List.of();
		}
		List<String> found = new ArrayList<>(2);
		Matcher topic = TOPIC.matcher(topics.group(1));
		while (topic.find()) {
			found.add(topic.group(1).strip());
		}
		return List.copyOf(found);
	}

	int paragraphCount() {
		return paragraphs.size();
	}

	int storyCount() {
		return titles.size();
	}

	String paragraph(int index) {
		return paragraphs.get(index);
	}

	int storyOf(int paragraph) {
		return storyOfParagraph[paragraph];
	}

	int leadParagraph(int story) {
		return leadParagraphs[story];
	}

	/** The story's TITLE, or {@code null}. */
	String title(int story) {
		return titles.get(story);
	}

	/** The story's DATE, the day only, or {@code null} when it cannot be read. */
	LocalDate date(int story) {
		return dates.get(story);
	}

	/** The story's TOPICS ({@code earn}, {@code acq}, {@code crude}, ...), often none. */
	List<String> topics(int story) {
		return topics.get(story);
	}

	/** The story's own paragraphs, lead first. */
	List<String> storyParagraphs(int story) {
		int end = (story + 1 < leadParagraphs.length) ? leadParagraphs[story + 1] : paragraphs.size();
		return paragraphs.subList(leadParagraphs[story], end);
	}

	List<String> paragraphs() {
		return paragraphs;
	}

	/** Replaces the SGML entities the files use; control characters are dropped later. */
	static String decode(String text) {
		Matcher entity = ENTITY.matcher(text);
		StringBuilder decoded = new StringBuilder(text.length());
		while (entity.find()) {
			String name = entity.group(1);
			String replacement = switch (name) {
				case "lt" -> "<";
				case "gt" -> ">";
				case "amp" -> "&";
				case "quot" -> "\"";
				case "apos" -> "'";
				default -> String.valueOf((char) Integer.parseInt(name.substring(1)));
			};
			entity.appendReplacement(decoded, Matcher.quoteReplacement(replacement));
		}
		entity.appendTail(decoded);
		return decoded.toString();
	}

	/** Splits a decoded body into paragraphs, without the {@code Reuter} sign-off. */
	static List<String> paragraphs(String body) {
		String text = SIGN_OFF.matcher(withoutControlCharacters(body)).replaceFirst("");
		List<String> paragraphs = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		for (String line : text.split("\n")) {
			boolean indented = line.startsWith(" ") || line.startsWith("\t");
			if (line.isBlank() || indented) {
				add(paragraphs, current);
			}
			if (!line.isBlank()) {
				if (current.length() > 0) {
					current.append(' ');
				}
				current.append(line.strip());
			}
		}
		add(paragraphs, current);
		return paragraphs;
	}

	private static void add(List<String> paragraphs, StringBuilder current) {
		String paragraph = clean(current.toString());
		if (!paragraph.isEmpty()) {
			paragraphs.add(paragraph);
		}
		current.setLength(0);
	}

	private static String clean(String text) {
		return SPACES.matcher(withoutControlCharacters(text).replace('\n', ' ')).replaceAll(" ").strip();
	}

	/**
	 * Drops the wire's control characters (SOH, STX, ETX, SYN, US, DEL, ...) but keeps
	 * line breaks.
	 */
	private static String withoutControlCharacters(String text) {
		StringBuilder kept = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\n' || c == '\t' || (c >= 0x20 && c != 0x7f && !(c >= 0x80 && c < 0xa0))) {
				kept.append(c);
			}
		}
		return kept.toString();
	}

}
