package org.morgue.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.morgue.ingest.CopyCorrections;

/**
 * The stories of one Reuters-21578 file ({@code reut2-NNN.sgm}), one {@code <REUTERS>}
 * element at a time, each placed at the line of its start tag. A story is handed over as
 * wire copy, its author, dateline and body as received, so that the byline, the dateline
 * ({@code NEW YORK, Feb 26 -}), the hard wraps, the indented paragraphs and the
 * {@code Reuter} sign-off go through the same parser as pasted copy; the file's
 * {@code TITLE} and {@code DATE} come with it as corrections, and the source is Reuters.
 * <p>
 * {@code <DATE>26-FEB-1987 15:01:01.79</DATE>} becomes {@code 1987-02-26T15:01:01Z}: the
 * corpus does not say in which zone its times are, so they are taken as UTC (hundredths
 * dropped); a date whose time is garbled keeps the day only. SGML character references
 * are decoded, and the wire's control characters ({@code &#2;} start and {@code &#3;} end
 * of text, {@code &#5;}, {@code &#22;}, ...) are dropped; line breaks and tabs are kept.
 * A brief ({@code TYPE="BRIEF"}) has a title and no body, so there is nothing to archive:
 * it is reported as unreadable. An unprocessed story ({@code TYPE="UNPROC"}) has no title
 * either; its text is the copy, and the parser finds or derives the title. Not
 * thread-safe.
 */
final class ReutersSgml implements ImportSource {

	/**
	 * The files are ASCII but for one stray byte (0xFC, line noise inside a story of
	 * reut2-017). ISO-8859-1 maps every byte to one character, so every file reads
	 * without an error and without losing a byte; strict UTF-8 would refuse that file,
	 * and windows-1252 leaves five bytes undefined.
	 */
	private static final Charset CHARSET = StandardCharsets.ISO_8859_1;

	private static final String START_TAG = "<REUTERS";

	private static final String END_TAG = "</REUTERS>";

	private static final int BLOCK_CHARS = 16 * 1024;

	private static final Pattern TEXT_TYPE = Pattern.compile("<TEXT\\s[^>]*?TYPE=\"(\\w+)\"");

	private static final Pattern DATE = Pattern
		.compile("(?i)(\\d{1,2})-(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)-(\\d{4})"
				+ "(?:\\s+(\\d{1,3}):(\\d{2}):(\\d{2}))?");

	private static final String MONTHS = "JANFEBMARAPRMAYJUNJULAUGSEPOCTNOVDEC";

	private static final Pattern REFERENCE = Pattern
		.compile("&(?:#(\\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|(lt|gt|amp|quot|apos));");

	private static final Pattern SPACES = Pattern.compile("\\s+");

	private static final Pattern MARKS = Pattern.compile("^(\\s*)\\*+");

	private final Reader in;

	private final String file;

	private final long maxStoryChars;

	private final long total;

	private final char[] block = new char[BLOCK_CHARS];

	private int position;

	private int limit;

	private long line = 1;

	private boolean ended;

	/** The story being read, from its start tag; held up to the limit only. */
	private final StringBuilder story = new StringBuilder();

	/**
	 * Stories of a stream.
	 * @param file the file name for the items' places
	 * @param maxStoryChars the longest story read, from its start tag to its end tag; a
	 * longer one is reported and skipped
	 * @param total the number of start tags counted with {@link #count(Path)}, or -1 when
	 * unknown
	 */
	public ReutersSgml(InputStream in, String file, long maxStoryChars, long total) {
		this.in = new InputStreamReader(in, CHARSET);
		this.file = file;
		this.maxStoryChars = maxStoryChars;
		this.total = total;
	}

	/** Opens a file, counting its stories first. */
	public static ReutersSgml open(Path path, String file, long maxStoryChars) throws IOException {
		long total = count(path);
		return new ReutersSgml(Files.newInputStream(path), file, maxStoryChars, total);
	}

	/**
	 * The number of {@code <REUTERS} start tags of a file, by a scan of its bytes: its
	 * number of items.
	 */
	public static long count(Path path) throws IOException {
		try (ReutersSgml counter = new ReutersSgml(Files.newInputStream(path), null, 0, -1)) {
			long tags = 0;
			while (counter.findStartTag() >= 0) {
				tags++;
			}
			return tags;
		}
	}

	@Override
	public ImportItem next() throws IOException {
		long start = findStartTag();
		if (start < 0) {
			return null;
		}
		ImportPlace place = new ImportPlace(file, start);
		story.setLength(0);
		story.append(START_TAG);
		boolean tooLong = false;
		int endMatched = 0;
		int startMatched = 0;
		while (true) {
			int c = read();
			if (c < 0) {
				return new ImportItem.Unreadable(place,
						"The story at line " + start + " ends with the file, before its " + END_TAG + " end tag.");
			}
			if (!tooLong) {
				story.append((char) c);
				tooLong = story.length() > maxStoryChars;
			}
			endMatched = advance(END_TAG, endMatched, c);
			startMatched = advance(START_TAG, startMatched, c);
			if (endMatched == END_TAG.length()) {
				break;
			}
			if (startMatched == START_TAG.length() && isTagNameEnd(peek())) {
				// the next story begins: step back so that the next call finds its start
				// tag again
				// (a new block keeps the last characters of the one before for this)
				position -= START_TAG.length();
				return new ImportItem.Unreadable(place,
						"The story at line " + start + " has no " + END_TAG + " end tag before the next story starts.");
			}
		}
		if (tooLong) {
			return new ImportItem.Unreadable(place, "The story at line " + start + " is longer than " + maxStoryChars
					+ " characters, the most one story may hold; it was skipped.");
		}
		return item(place, story.toString());
	}

	@Override
	public long total() {
		return total;
	}

	@Override
	public void close() throws IOException {
		in.close();
	}

	/**
	 * Reads up to the next start tag, past its name.
	 * @return the line of the start tag, or -1 at the end of the file
	 */
	private long findStartTag() throws IOException {
		int matched = 0;
		while (true) {
			int c = read();
			if (c < 0) {
				return -1;
			}
			matched = advance(START_TAG, matched, c);
			if (matched == START_TAG.length() && isTagNameEnd(peek())) {
				return line;
			}
		}
	}

	/**
	 * How much of the tag the text read so far ends with; its only {@code '<'} is its
	 * first character, so a mismatch can only restart the match there.
	 */
	private static int advance(String tag, int matched, int c) {
		if (matched < tag.length() && c == tag.charAt(matched)) {
			return matched + 1;
		}
		return (c == '<') ? 1 : 0;
	}

	private static boolean isTagNameEnd(int c) {
		return c == '>' || c == ' ' || c == '\t' || c == '\r' || c == '\n';
	}

	private int read() throws IOException {
		if (position == limit && !fill()) {
			return -1;
		}
		char c = block[position++];
		if (c == '\n') {
			line++;
		}
		return c;
	}

	private int peek() throws IOException {
		if (position == limit && !fill()) {
			return -1;
		}
		return block[position];
	}

	/**
	 * Reads the next block, keeping the last few characters before it so that a start tag
	 * found at the end of a block can be stepped back over.
	 */
	private boolean fill() throws IOException {
		if (ended) {
			return false;
		}
		int keep = Math.min(limit, START_TAG.length());
		System.arraycopy(block, limit - keep, block, 0, keep);
		int read = in.read(block, keep, block.length - keep);
		if (read < 0) {
			ended = true;
			position = limit = keep;
			return false;
		}
		position = keep;
		limit = keep + read;
		return true;
	}

	private static ImportItem item(ImportPlace place, String story) {
		String type = find(TEXT_TYPE, story, 1);
		String title = element(story, "TITLE");
		String shownTitle = (title != null) ? SPACES.matcher(clean(title)).replaceAll(" ").strip() : null;
		String body = element(story, "BODY");
		String raw;
		if ("UNPROC".equals(type)) {
			raw = clean(unprocessedText(story));
			shownTitle = null;
		}
		else if (body == null) {
			String brief = "BRIEF".equals(type) ? " (a brief: title only)" : "";
			return new ImportItem.Unreadable(place, "The story at line " + place.line() + " has no body" + brief
					+ ((shownTitle != null) ? ": \"" + shownTitle + "\"" : "") + "; there is nothing to archive.");
		}
		else {
			raw = copy(shownTitle, element(story, "AUTHOR"), element(story, "DATELINE"), body);
		}
		if (raw.isBlank()) {
			return new ImportItem.Unreadable(place, "The story at line " + place.line() + " has no text.");
		}
		String date = element(story, "DATE");
		String publishedAt = (date != null) ? publishedAt(clean(date)) : null;
		return new ImportItem.Copy(place, raw,
				new CopyCorrections((shownTitle == null || shownTitle.isEmpty()) ? null : shownTitle, null, "Reuters",
						null, publishedAt, null, null));
	}

	/**
	 * The copy as the wire sent it: the author line, then the dateline running into the
	 * first line of the body ({@code "    NEW YORK, Feb 26 - Acme said ..."}), as in the
	 * printed story.
	 */
	private static String copy(String title, String author, String dateline, String body) {
		StringBuilder copy = new StringBuilder();
		if (title != null && !title.isEmpty()) {
			copy.append(title).append("\n\n");
		}
		if (author != null && !clean(author).isBlank()) {
			copy.append(clean(author).stripTrailing()).append('\n');
		}
		if (dateline != null && !clean(dateline).isBlank()) {
			// commodity desks marked some datelines with asterisks (" ****OSLO, April 2 -
			// ")
			copy.append(MARKS.matcher(clean(dateline).stripTrailing()).replaceFirst("$1")).append(' ');
		}
		copy.append(clean(body));
		return copy.toString();
	}

	/** The text of an unprocessed story: everything inside {@code <TEXT>}. */
	private static String unprocessedText(String story) {
		int open = story.indexOf("<TEXT");
		int start = (open < 0) ? -1 : story.indexOf('>', open);
		int end = story.lastIndexOf("</TEXT>");
		return (start < 0 || end < start) ? "" : story.substring(start + 1, end);
	}

	/**
	 * The text of the first element of that name, still encoded, or {@code null} when
	 * there is none.
	 */
	private static String element(String story, String name) {
		String open = "<" + name + ">";
		int start = story.indexOf(open);
		if (start < 0) {
			return null;
		}
		start += open.length();
		int end = story.indexOf("</" + name + ">", start);
		return story.substring(start, (end < 0) ? story.length() - END_TAG.length() : end);
	}

	/**
	 * {@code 26-FEB-1987 15:01:01.79} as {@code 1987-02-26T15:01:01Z}; the day alone when
	 * the time is garbled.
	 */
	static String publishedAt(String date) {
		Matcher m = DATE.matcher(date);
		if (!m.find()) {
			return null;
		}
		int month = MONTHS.indexOf(m.group(2).toUpperCase(Locale.ROOT)) / 3 + 1;
		LocalDate day;
		try {
			day = LocalDate.of(Integer.parseInt(m.group(3)), month, Integer.parseInt(m.group(1)));
		}
		catch (DateTimeException ex) {
			return null;
		}
		if (m.group(4) == null) {
			return day.toString();
		}
		try {
			LocalTime time = LocalTime.of(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
					Integer.parseInt(m.group(6)));
			return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(LocalDateTime.of(day, time).atOffset(ZoneOffset.UTC));
		}
		catch (DateTimeException ex) {
			return day.toString();
		}
	}

	/**
	 * Decodes character references and drops control characters other than line breaks
	 * and tabs, whether they came as references ({@code &#3;}) or as bytes.
	 */
	static String clean(String text) {
		Matcher m = REFERENCE.matcher(text);
		StringBuilder out = new StringBuilder(text.length());
		int last = 0;
		while (m.find()) {
			keepPrintable(text, last, m.start(), out);
			String replacement;
			if (m.group(3) != null) {
				replacement = switch (m.group(3)) {
					case "lt" -> "<";
					case "gt" -> ">";
					case "amp" -> "&";
					case "quot" -> "\"";
					default -> "'";
				};
			}
			else {
				int code = (m.group(1) != null) ? Integer.parseInt(m.group(1)) : Integer.parseInt(m.group(2), 16);
				replacement = Character.isValidCodePoint(code) ? Character.toString(code) : "";
			}
			keepPrintable(replacement, 0, replacement.length(), out);
			last = m.end();
		}
		keepPrintable(text, last, text.length(), out);
		return out.toString();
	}

	private static void keepPrintable(String text, int from, int to, StringBuilder out) {
		for (int i = from; i < to; i++) {
			char c = text.charAt(i);
			if (c == '\n' || c == '\r' || c == '\t' || !Character.isISOControl(c)) {
				out.append(c);
			}
		}
	}

	private static String find(Pattern pattern, String text, int group) {
		Matcher m = pattern.matcher(text);
		return m.find() ? m.group(group) : null;
	}

}
