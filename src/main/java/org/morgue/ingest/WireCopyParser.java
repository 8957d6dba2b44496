package org.morgue.ingest;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses raw wire copy as pasted or uploaded by an editor: finds the headline, byline,
 * date and dateline, undoes hard wraps, keeps a story that was pasted twice only once,
 * moves sign-offs and credits out of the body, marks crossheads and derives a title when
 * there is no headline. Thread-safe and stateless.
 *
 * <p>
 * The parser never fails on odd text: whatever it cannot recognise stays in the body, and
 * what it changed is explained in {@link ParsedCopy#notes()}.
 */
final class WireCopyParser {

	static final String NOTE_EMPTY = "The copy is empty.";
	static final String NOTE_NO_STORY = "No story text was found after the header.";
	static final String NOTE_PASTED_TWICE = "The story was pasted twice; it is kept once.";
	static final String NOTE_TITLE_DERIVED = "No headline: the title was derived from the lead.";
	static final String NOTE_SIGN_OFF = "Sign-off and credit lines were moved out of the body.";

	/** A headline is at most this long; longer first lines are story text. */
	private static final int HEADLINE_MAX_WORDS = 20;

	private static final int HEADLINE_MAX_CHARS = 200;

	private static final int CROSSHEAD_MAX_WORDS = 8;

	private static final int CROSSHEAD_MAX_CHARS = 70;

	/**
	 * A repeated tail shorter than this is only dropped when it repeats the whole story.
	 */
	private static final int MIN_REPEATED_PARAGRAPHS = 3;

	/**
	 * Wire services wrap at 60-80 columns; a line longer than this was not hard-wrapped.
	 */
	private static final int WRAPPED_LINE_MAX_CHARS = 100;

	/** A sign-off wrapped inside the last paragraph spans at most this many lines. */
	private static final int MAX_SIGN_OFF_LINES = 6;

	/** Credits name a handful of people; a longer bracketed paragraph is story text. */
	private static final int SIGN_OFF_MAX_CHARS = 300;

	private static final int TITLE_MIN_WORDS = 6;

	private static final int TITLE_MAX_CHARS = 100;

	private static final Pattern LINE_BREAK = Pattern.compile("\\r\\n?");

	private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]|\\x{FEFF}");

	private static final Pattern SPACE_RUN = Pattern.compile("[ \\t]+");

	private static final Pattern WHITESPACE = Pattern.compile("\\s+");

	private static final Pattern LETTER = Pattern.compile("\\p{L}");

	private static final Pattern LOWER_CASE = Pattern.compile("\\p{Ll}");

	/**
	 * A line ends a sentence: final punctuation, possibly inside closing quotes or
	 * brackets, or a closing quote.
	 */
	private static final Pattern SENTENCE_END = Pattern.compile("(?:[.!?:][\"'”’)\\]»]*+|[\"”’»])$");

	/**
	 * Columns of a table: two gaps of three or more spaces inside a line, or one wider
	 * gap.
	 */
	private static final Pattern COLUMN_GAPS = Pattern.compile("\\S {3,}\\S.*\\S {3,}\\S|\\S {6,}\\S");

	// the look-behinds make trailing-run patterns start only at the start of the run,
	// keeping find() linear
	private static final Pattern CLOSERS = Pattern.compile("(?<![\"'”’)\\]»])[\"'”’)\\]»]+$");

	private static final String MONTH = "(?iu:" + DatelineParser.MONTH + ")";

	private static final String WEEKDAY = "(?iu:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\\.?,?\\s+)?";

	private static final String DATE_LABEL = "(?iu:(?:published|updated|posted|dated?)\\s*:?\\s*)?";

	private static final String TIME = "(?:\\s*[,|\\-–—]?\\s*(?iu:at\\s+)?\\d{1,2}[:.]\\d{2}"
			+ "(?iu:\\s*[ap]\\.?m\\.?)?" + "(?:\\s*\\(?[A-Z]{2,5}\\)?)?)?";

	private static final Pattern DATE_DAY_MONTH_YEAR = Pattern.compile("^" + DATE_LABEL + WEEKDAY
			+ "(?<day>\\d{1,2})(?:st|nd|rd|th)?\\s+(?<month>" + MONTH + ")\\.?,?\\s+(?<year>\\d{4})" + TIME + "$");

	private static final Pattern DATE_MONTH_DAY_YEAR = Pattern.compile("^" + DATE_LABEL + WEEKDAY + "(?<month>" + MONTH
			+ ")\\.?\\s+(?<day>\\d{1,2})(?:st|nd|rd|th)?,?\\s+(?<year>\\d{4})" + TIME + "$");

	private static final Pattern DATE_ISO = Pattern
		.compile("^" + DATE_LABEL + "(?<year>\\d{4})-(?<month>\\d{2})-(?<day>\\d{2})"
				+ "(?:[T ]\\d{2}:\\d{2}(?::\\d{2})?(?:Z|[+-]\\d{2}:?\\d{2})?)?$");

	/**
	 * An agency alone as a sign-off: "Reuter", "REUTER", "-- AFP", "(AFP)",
	 * "AFP/Reuters".
	 */
	private static final Pattern AGENCY_SIGN_OFF = Pattern
		.compile("^(?:[-–—]{1,2}\\s*)?\\(?\\s*(?<names>\\p{L}[\\p{L} .&/,\\-]{0,60}?)\\s*\\)?$");

	private static final Pattern AGENCY_LIST_SEPARATOR = Pattern.compile("\\s*(?:[/,&]|\\band\\b)\\s*");

	/** AFP's desk slug at the end of a story, e.g. "bur-jfx/ser". */
	private static final Pattern AFP_SLUG = Pattern.compile("^[a-z]{2,6}(?:-[a-z]{2,6})*(?:/[a-z]{2,6})+$");

	private static final Pattern CREDITS_IN_BRACKETS = Pattern
		.compile("(?iu)^\\((?:additional\\s+)?(?:reporting|writing|written|editing|edited|compiled|compiling|research"
				+ "|translation|translated|graphics|produced|contributing|with)\\b.*\\)$");

	private static final Pattern CREDITS_BARE = Pattern
		.compile("(?iu)^(?:additional\\s+)?(?:reporting|writing|editing|compiled|compiling)\\s+by\\s+\\S.{0,200}$");

	/**
	 * "((jane.doe@thomsonreuters.com; +44 20 7542 0000))", an address in brackets, or an
	 * address alone.
	 */
	private static final Pattern CONTACT = Pattern
		.compile("^\\(\\(.*\\)\\)$|^\\(.*@.*\\)$|^[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+$");

	private static final Pattern COPYRIGHT = Pattern.compile("(?iu)^(?:\\(c\\)|©|copyright\\b).{0,200}$");

	private static final Pattern COPYRIGHT_CONFIRMED = Pattern
		.compile("(?iu)^(?:\\(c\\)|©)|\\b(?:19|20)\\d{2}\\b|rights reserved");

	private static final Pattern RIGHTS_RESERVED = Pattern.compile("(?iu)^all rights reserved\\.?$");

	private static final Pattern NON_NAME = Pattern.compile("[^\\p{L}\\-]+");

	/**
	 * Reuters' sign-off of the 1980s on a line of its own. A sentence names the agency
	 * "Reuters" and ends in a full stop, so this line ends the copy even below a list or
	 * a table, whose last line ends no sentence.
	 */
	private static final Pattern OLD_REUTERS_SIGN_OFF = Pattern.compile("^(?:Reuter|REUTER)$");

	/** "... said the company. Reuter" with the sign-off run into the last line. */
	private static final Pattern TRAILING_REUTER = Pattern
		.compile("^(?<text>.*[.!?][\"'”’)\\]]*)\\s+(?<signOff>REUTERS?|Reuters?)$");

	private static final Pattern CLAUSE_BREAK = Pattern.compile("[,;:](?=\\s|$)|\\s+-{1,2}\\s+|\\s*[—–]\\s*");

	private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("(?<![\\s.,;:\\-–—])[\\s.,;:\\-–—]+$");

	private static final Pattern PUNCTUATION_BEFORE_CLOSERS = Pattern.compile("(?<![.,;:])[.,;:]+([\"'”’»]+)$");

	private static final Pattern SENTENCE_BREAK = Pattern.compile("[.!?][\"'”’)\\]»]*+(?=\\s+[\\p{Lu}\\d\"'“‘(]|$)");

	private static final Pattern OPENERS = Pattern.compile("^[\"'“‘(]+");

	private static final Pattern INITIALISM = Pattern.compile("(?:\\p{L}\\.)*\\p{L}");

	/** "... EXPORTS TO U.S." ends in an abbreviation, not a full stop. */
	private static final Pattern INITIALISM_AT_END = Pattern.compile("(?:^|\\s)(?:\\p{Lu}\\.){2,}$");

	private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)*");

	private static final Set<String> ABBREVIATIONS = Set.of("mr", "mrs", "ms", "dr", "st", "gen", "sen", "rep", "gov",
			"lt", "col", "capt", "sgt", "prof", "jr", "sr", "inc", "co", "corp", "ltd", "no", "vs", "jan", "feb", "mar",
			"apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft", "adm", "maj", "cpl", "pres",
			"rev", "hon", "messrs", "approx", "est", "sens", "reps", "govs", "gens", "dept", "univ", "assn", "bros",
			"ave", "blvd");

	private final DatelineParser datelines = new DatelineParser();

	private final BylineParser bylines = new BylineParser();

	/** Creates a parser; it holds no state between calls. */
	public WireCopyParser() {
	}

	/**
	 * Parses raw copy.
	 * @param raw the text as pasted or uploaded
	 * @return what was found; blank text gives a {@link ParsedCopy} with an empty body
	 * @throws NullPointerException when {@code raw} is {@code null}
	 */
	public ParsedCopy parse(String raw) {
		Objects.requireNonNull(raw, "raw");
		List<List<Line>> blocks = blocks(normalise(raw));
		if (blocks.isEmpty()) {
			return new ParsedCopy(null, false, null, null, null, null, List.of(), null, List.of(NOTE_EMPTY));
		}
		List<String> notes = new ArrayList<>();
		Header header = readHeader(blocks);
		List<Raw> story = storyParagraphs(blocks, header);

		List<String> signOff = takeSignOff(story);
		boolean repeated = false;
		// again after each drop: a story pasted twice may itself have been pasted twice
		while (dropRepeat(story, text -> isHeaderLike(text, header))) {
			repeated = true;
		}
		if (repeated) {
			notes.add(NOTE_PASTED_TWICE);
		}
		for (String line : takeSignOff(story)) {
			if (!signOff.contains(line)) {
				signOff.add(0, line);
			}
		}

		Dateline dateline = null;
		if (!story.isEmpty()) {
			Optional<DatelineMatch> match = datelines.parse(story.get(0).text());
			if (match.isPresent()) {
				dateline = match.get().dateline();
				if (match.get().rest().isEmpty()) {
					story.remove(0);
				}
				else {
					story.set(0, Raw.of(List.of(match.get().rest())));
				}
			}
		}

		List<Paragraph> paragraphs = markCrossheads(story);
		String title = header.headline();
		boolean titleDerived = false;
		if (title == null && !paragraphs.isEmpty()) {
			title = titleFromStory(paragraphs);
			titleDerived = true;
			notes.add(NOTE_TITLE_DERIVED);
		}
		if (paragraphs.isEmpty()) {
			notes.add(NOTE_NO_STORY);
		}
		if (!signOff.isEmpty()) {
			notes.add(NOTE_SIGN_OFF);
		}

		LocalDate publishedDate = header.date() != null ? header.date() : dateFromDateline(dateline);
		if (publishedDate == null && dateline != null && dateline.day() != null) {
			notes
				.add("The dateline gives " + dateline.text() + " but no year, so the publication date was left empty.");
		}
		String source = header.byline() != null && header.byline().source() != null ? header.byline().source()
				: dateline != null && dateline.agency() != null ? dateline.agency() : signOffAgency(signOff);
		return new ParsedCopy(title, titleDerived, header.byline() == null ? null : header.byline().byline(), source,
				dateline, publishedDate, paragraphs, signOff.isEmpty() ? null : String.join("\n", signOff), notes);
	}

	// ---- text and paragraphs
	// ----------------------------------------------------------------------------------

	private static String normalise(String raw) {
		return CONTROL.matcher(LINE_BREAK.matcher(raw).replaceAll("\n")).replaceAll("");
	}

	/** Runs of non-blank lines; a blank line always separates paragraphs. */
	private static List<List<Line>> blocks(String text) {
		List<List<Line>> blocks = new ArrayList<>();
		List<Line> current = new ArrayList<>();
		for (String line : text.split("\n", -1)) {
			String trimmed = line.stripTrailing();
			if (trimmed.isBlank()) {
				if (!current.isEmpty()) {
					blocks.add(current);
					current = new ArrayList<>();
				}
			}
			else {
				current.add(Line.of(trimmed));
			}
		}
		if (!current.isEmpty()) {
			blocks.add(current);
		}
		return blocks;
	}

	private List<Raw> storyParagraphs(List<List<Line>> blocks, Header header) {
		boolean singleBlock = blocks.size() == 1;
		List<Raw> story = new ArrayList<>();
		for (int b = header.block(); b < blocks.size(); b++) {
			List<Line> block = blocks.get(b);
			int from = b == header.block() ? header.line() : 0;
			if (from < block.size()) {
				story.addAll(splitBlock(block.subList(from, block.size()), singleBlock));
			}
		}
		return story;
	}

	/**
	 * Splits a run of non-blank lines into paragraphs. Byline and date lines stand alone
	 * so that a header repeated before a second copy of the story can be recognised.
	 */
	private List<Raw> splitBlock(List<Line> lines, boolean wholeText) {
		int base = lines.stream().mapToInt(Line::indent).min().orElse(0);
		List<Raw> paragraphs = new ArrayList<>();
		List<Line> run = new ArrayList<>();
		for (Line line : lines) {
			if (isBylineOrDate(line.text())) {
				paragraphs.addAll(splitRun(run, base, wholeText));
				run = new ArrayList<>();
				paragraphs.add(Raw.of(List.of(line.text())));
			}
			else {
				run.add(line);
			}
		}
		paragraphs.addAll(splitRun(run, base, wholeText));
		return paragraphs;
	}

	/**
	 * The paragraphs of a text without blank lines, its hard wraps undone as pasted
	 * copy's are: an indented line starts a paragraph and the lines after it join it;
	 * without indentation a short line ending a sentence ends one. Lines that were not
	 * machine-wrapped (one paragraph a line) stay one paragraph each.
	 * @param text lines separated by {@code \n}
	 * @return the paragraphs' texts, whitespace collapsed
	 */
	static List<String> unwrap(String text) {
		List<Line> lines = text.lines().filter(line -> !line.isBlank()).map(Line::of).toList();
		int base = lines.stream().mapToInt(Line::indent).min().orElse(0);
		return splitRun(lines, base, true).stream().map(Raw::text).filter(paragraph -> !paragraph.isEmpty()).toList();
	}

	private static List<Raw> splitRun(List<Line> run, int base, boolean wholeText) {
		List<Raw> paragraphs = new ArrayList<>();
		if (run.isEmpty()) {
			return paragraphs;
		}
		if (!isHardWrapped(run, base)) {
			run.forEach(line -> paragraphs.add(Raw.of(List.of(line.text()))));
			return paragraphs;
		}
		boolean indentation = run.stream().skip(1).anyMatch(line -> line.indentedFrom(base));
		int widest = run.stream().mapToInt(line -> line.text().length()).max().orElse(0);
		List<String> current = new ArrayList<>();
		for (int i = 0; i < run.size(); i++) {
			Line line = run.get(i);
			boolean alone = standsApart(run, i);
			boolean breakBefore = i > 0 && (line.indentedFrom(base) || alone || standsApart(run, i - 1));
			if (breakBefore && !current.isEmpty()) {
				paragraphs.add(Raw.of(current));
				current = new ArrayList<>();
			}
			current.add(line.text());
			// With no blank lines and no indentation, a short line ending a sentence is
			// the only paragraph signal left.
			boolean shortLastLine = wholeText && !indentation && line.text().length() < widest * 3 / 4
					&& SENTENCE_END.matcher(line.text()).find();
			if (shortLastLine && i < run.size() - 1) {
				paragraphs.add(Raw.of(current));
				current = new ArrayList<>();
			}
		}
		if (!current.isEmpty()) {
			paragraphs.add(Raw.of(current));
		}
		return paragraphs;
	}

	/**
	 * Table rows are never joined, and a sign-off line set off by its own indentation
	 * (Reuters' {@code " Reuter"} under an indented table) is not part of the paragraph
	 * above it.
	 */
	private static boolean standsApart(List<Line> run, int i) {
		Line line = run.get(i);
		if (COLUMN_GAPS.matcher(line.text()).find()) {
			return true;
		}
		return i == run.size() - 1 && i > 0 && line.indent() != run.get(i - 1).indent()
				&& agencySignOff(collapse(line.text())).isPresent();
	}

	/**
	 * Whether lines were wrapped by a machine rather than being one paragraph each: the
	 * lines that continue onto a non-indented next line are short and mostly stop
	 * mid-sentence. Copy with one paragraph per line (the usual paste) has long lines
	 * that each end a sentence.
	 */
	private static boolean isHardWrapped(List<Line> lines, int base) {
		int wraps = 0;
		int sentenceEnds = 0;
		boolean brokenSentence = false;
		for (int i = 0; i < lines.size() - 1; i++) {
			if (lines.get(i + 1).indentedFrom(base)) {
				continue;
			}
			String text = lines.get(i).text();
			if (text.length() > WRAPPED_LINE_MAX_CHARS) {
				return false;
			}
			wraps++;
			if (SENTENCE_END.matcher(text).find()) {
				sentenceEnds++;
			}
			else if (WHITESPACE.split(text.strip()).length > CROSSHEAD_MAX_WORDS) {
				// a long line stopping mid-sentence is a wrap; in one-paragraph-per-line
				// copy only headings do that
				brokenSentence = true;
			}
		}
		return wraps > 0 && (brokenSentence || sentenceEnds * 2 < wraps);
	}

	// ---- header
	// -------------------------------------------------------------------------------------------------

	private Header readHeader(List<List<Line>> blocks) {
		String headline = null;
		Byline byline = null;
		LocalDate date = null;
		int b = 0;
		int l = 0;
		scan: while (b < blocks.size()) {
			List<Line> block = blocks.get(b);
			while (l < block.size()) {
				String text = collapse(block.get(l).text());
				Optional<Byline> parsedByline = bylines.parse(text);
				Optional<LocalDate> parsedDate = standaloneDate(text);
				if (parsedByline.isPresent()) {
					byline = byline == null ? parsedByline.get() : withSource(byline, parsedByline.get());
				}
				else if (parsedDate.isPresent()) {
					// the first date is the publication date; a later one is usually
					// "Updated ..."
					date = date == null ? parsedDate.get() : date;
				}
				else if (headline == null && (isHeadlineShape(text) && standsAlone(blocks, b, l)
						|| isHeadlineAboveDateline(blocks, b, l, text))) {
					headline = text;
				}
				else {
					break scan;
				}
				l++;
			}
			b++;
			l = 0;
		}
		return new Header(headline, byline, date, b, l);
	}

	/**
	 * "By Jane Doe" followed by "By AFP": the first names the author, a later one may
	 * name the agency.
	 */
	private static Byline withSource(Byline first, Byline later) {
		return first.source() == null && later.source() != null ? new Byline(first.byline(), later.source()) : first;
	}

	private boolean isHeadlineShape(String text) {
		return isHeadlineLength(text) && datelines.parse(text).filter(WireCopyParser::startsStory).isEmpty();
	}

	private boolean isHeadlineLength(String text) {
		return WHITESPACE.split(text).length <= HEADLINE_MAX_WORDS && text.length() <= HEADLINE_MAX_CHARS
				&& (!text.endsWith(".") || INITIALISM_AT_END.matcher(text).find()) && LETTER.matcher(text).find()
				&& bylines.parse(text).isEmpty() && !looksLikeDate(text);
	}

	/**
	 * A line alone above a paragraph that opens with a dateline is the headline even when
	 * it reads like a dateline itself ("WIDGET LEVY TO END MAY 1 - OFFICIALS", "MARKET
	 * VIEW - Widget makers") or ends in a stray full stop: the story starts at the
	 * dateline below it. Byline and date lines may come between.
	 */
	private boolean isHeadlineAboveDateline(List<List<Line>> blocks, int b, int l, String text) {
		if (l != 0 || blocks.get(b).size() != 1) {
			return false;
		}
		boolean fullStop = text.endsWith(".") && !text.endsWith("..") && datelines.parse(text).isEmpty();
		if (!isHeadlineLength(fullStop ? text.substring(0, text.length() - 1) : text)) {
			return false;
		}
		for (int next = b + 1; next < blocks.size(); next++) {
			for (Line line : blocks.get(next)) {
				String candidate = collapse(line.text());
				if (!isBylineOrDate(candidate)) {
					return datelines.parse(candidate).filter(WireCopyParser::startsStory).isPresent();
				}
			}
		}
		return false;
	}

	/**
	 * Whether a dateline-shaped line opens the story rather than being a headline in
	 * capitals such as "SUGAR QUOTA IMPORTS DETAILED -- USDA".
	 */
	private static boolean startsStory(DatelineMatch match) {
		Dateline dateline = match.dateline();
		return dateline.day() != null || dateline.agency() != null || match.rest().isEmpty()
				|| LOWER_CASE.matcher(match.rest()).find();
	}

	/**
	 * A headline is a line of its own, not the first line of a hard-wrapped paragraph,
	 * and text follows it.
	 */
	private boolean standsAlone(List<List<Line>> blocks, int b, int l) {
		List<Line> block = blocks.get(b);
		if (l == block.size() - 1) {
			return b < blocks.size() - 1;
		}
		Line line = block.get(l);
		Line next = block.get(l + 1);
		if (isBylineOrDate(next.text()) || next.indent() - line.indent() >= 2) {
			return true;
		}
		boolean allCaps = !LOWER_CASE.matcher(line.text()).find() && LOWER_CASE.matcher(next.text()).find();
		// Judge the lines after the candidate: if they are one paragraph per line, so is
		// the candidate.
		List<Line> rest = block.subList(l + 1, block.size());
		int base = rest.stream().mapToInt(Line::indent).min().orElse(0);
		return allCaps || !isHardWrapped(rest, base);
	}

	private boolean isBylineOrDate(String text) {
		String line = collapse(text);
		return bylines.parse(line).isPresent() || standaloneDate(line).isPresent();
	}

	private boolean isHeaderLike(String text, Header header) {
		return isBylineOrDate(text)
				|| header.headline() != null && comparable(text).equals(comparable(header.headline()));
	}

	private static boolean looksLikeDate(String text) {
		return DATE_DAY_MONTH_YEAR.matcher(text).matches() || DATE_MONTH_DAY_YEAR.matcher(text).matches()
				|| DATE_ISO.matcher(text).matches();
	}

	private static Optional<LocalDate> standaloneDate(String text) {
		for (Pattern pattern : List.of(DATE_DAY_MONTH_YEAR, DATE_MONTH_DAY_YEAR, DATE_ISO)) {
			Matcher m = pattern.matcher(text);
			if (m.matches()) {
				String month = m.group("month");
				int monthNumber = Character.isDigit(month.charAt(0)) ? Integer.parseInt(month)
						: DatelineParser.monthNumber(month);
				try {
					return Optional.of(LocalDate.of(Integer.parseInt(m.group("year")), monthNumber,
							Integer.parseInt(m.group("day"))));
				}
				catch (DateTimeException e) {
					return Optional.empty();
				}
			}
		}
		return Optional.empty();
	}

	private static LocalDate dateFromDateline(Dateline dateline) {
		if (dateline == null || dateline.year() == null || dateline.day() == null) {
			return null;
		}
		MonthDay day = dateline.day();
		try {
			return LocalDate.of(dateline.year(), day.getMonthValue(), day.getDayOfMonth());
		}
		catch (DateTimeException e) {
			return null;
		}
	}

	// ---- repeats
	// --------------------------------------------------------------------------------------------------

	/**
	 * Drops a second copy of the story: a tail, after any repeated header lines, that
	 * repeats the story from its first paragraph and is at least
	 * {@value #MIN_REPEATED_PARAGRAPHS} paragraphs long or as long as the story.
	 * @return whether a repeat was dropped
	 */
	private static boolean dropRepeat(List<Raw> story, Predicate<String> headerLike) {
		int n = story.size();
		List<String> keys = story.stream().map(p -> comparable(p.text())).toList();
		// storyAt[i]: the first paragraph at or after i that is not a header line
		int[] storyAt = new int[n + 1];
		storyAt[n] = n;
		for (int i = n - 1; i >= 0; i--) {
			storyAt[i] = headerLike.test(story.get(i).text()) ? storyAt[i + 1] : i;
		}
		for (int i = 1; i < n; i++) {
			int start = storyAt[i];
			int tail = n - start;
			if (tail == 0 || tail < MIN_REPEATED_PARAGRAPHS && tail < i) {
				continue;
			}
			// the ends first: cheap to refute, and most candidates fail there
			boolean endsMatch = keys.get(start).equals(keys.get(0)) && keys.get(n - 1).equals(keys.get(tail - 1));
			if (endsMatch && keys.subList(start, n).equals(keys.subList(0, tail))) {
				story.subList(i, n).clear();
				return true;
			}
		}
		return false;
	}

	// ---- sign-off
	// ---------------------------------------------------------------------------------------------

	/**
	 * Removes sign-off and credit lines from the end of the story and returns them in
	 * order.
	 */
	private static List<String> takeSignOff(List<Raw> story) {
		List<String> taken = new ArrayList<>();
		while (!story.isEmpty()) {
			int last = story.size() - 1;
			Raw paragraph = story.get(last);
			// line by line first: credits, contact and copyright lines keep their own
			// lines in the sign-off
			Optional<SignOffSplit> split = splitSignOffLines(paragraph);
			if (split.isPresent()) {
				taken.add(0, split.get().signOff().text());
				story.set(last, split.get().story());
				continue;
			}
			if (isSignOffLine(paragraph.text())) {
				taken.add(0, paragraph.text());
				story.remove(last);
				continue;
			}
			Matcher trailing = TRAILING_REUTER.matcher(paragraph.text());
			if (trailing.matches()) {
				taken.add(0, trailing.group("signOff"));
				story.set(last, Raw.of(List.of(trailing.group("text"))));
			}
			break;
		}
		return taken;
	}

	/**
	 * The last lines of a paragraph that form a sign-off (possibly wrapped over several
	 * lines) after a finished sentence or after another sign-off line, or Reuters' old
	 * sign-off after any line; lines without blank lines between them were joined into
	 * one paragraph.
	 */
	private static Optional<SignOffSplit> splitSignOffLines(Raw paragraph) {
		List<String> lines = paragraph.lines();
		for (int k = lines.size() - 1; k >= Math.max(1, lines.size() - MAX_SIGN_OFF_LINES); k--) {
			Raw tail = Raw.of(lines.subList(k, lines.size()));
			String previous = collapse(lines.get(k - 1));
			boolean lastLine = k == lines.size() - 1;
			if (isSignOffLine(tail.text()) && (SENTENCE_END.matcher(previous).find() || isSignOffLine(previous)
					|| lastLine && OLD_REUTERS_SIGN_OFF.matcher(tail.text()).matches())) {
				return Optional.of(new SignOffSplit(Raw.of(lines.subList(0, k)), tail));
			}
		}
		return Optional.empty();
	}

	private static boolean isSignOffLine(String text) {
		if (text.length() > SIGN_OFF_MAX_CHARS) {
			return false;
		}
		if (agencySignOff(text).isPresent()) {
			return true;
		}
		if (COPYRIGHT.matcher(text).matches()) {
			return COPYRIGHT_CONFIRMED.matcher(text).find() || WHITESPACE.split(text).length <= 5;
		}
		return AFP_SLUG.matcher(text).matches() || CREDITS_IN_BRACKETS.matcher(text).matches()
				|| CREDITS_BARE.matcher(text).matches() || CONTACT.matcher(text).matches()
				|| RIGHTS_RESERVED.matcher(text).matches();
	}

	/**
	 * The first agency of a line consisting only of agency names, e.g. "-- AFP" or
	 * "(AFP)".
	 */
	private static Optional<String> agencySignOff(String text) {
		Matcher m = AGENCY_SIGN_OFF.matcher(text);
		if (!m.matches()) {
			return Optional.empty();
		}
		String first = null;
		for (String name : AGENCY_LIST_SEPARATOR.split(m.group("names"))) {
			Optional<String> agency = Agencies.canonical(name);
			if (agency.isEmpty()) {
				return Optional.empty();
			}
			first = first == null ? agency.get() : first;
		}
		return Optional.ofNullable(first);
	}

	private static String signOffAgency(List<String> signOff) {
		for (String line : signOff) {
			Optional<String> agency = agencySignOff(line);
			if (agency.isPresent()) {
				return agency.get();
			}
		}
		for (String line : signOff) {
			if (COPYRIGHT.matcher(line).matches()) {
				Optional<String> agency = agencyNamedIn(line);
				if (agency.isPresent()) {
					return agency.get();
				}
			}
		}
		return null;
	}

	/**
	 * The first agency named in a short line, trying three-word names before shorter
	 * ones.
	 */
	private static Optional<String> agencyNamedIn(String line) {
		String[] words = NON_NAME.split(line);
		for (int i = 0; i < words.length; i++) {
			for (int length = Math.min(3, words.length - i); length >= 1; length--) {
				Optional<String> agency = Agencies.canonical(String.join(" ", List.of(words).subList(i, i + length)));
				if (agency.isPresent()) {
					return agency;
				}
			}
		}
		return Optional.empty();
	}

	// ---- crossheads and title
	// -------------------------------------------------------------------------------------

	private static List<Paragraph> markCrossheads(List<Raw> story) {
		List<Paragraph> paragraphs = new ArrayList<>(story.size());
		for (int i = 0; i < story.size(); i++) {
			String text = story.get(i).text();
			// between two full paragraphs: a short line among short lines belongs to a
			// list or a table
			boolean subhead = i > 0 && i < story.size() - 1 && isCrossheadShape(story.get(i))
					&& isFullParagraph(story.get(i - 1)) && isFullParagraph(story.get(i + 1));
			paragraphs.add(new Paragraph(text, subhead));
		}
		return paragraphs;
	}

	private static boolean isCrossheadShape(Raw paragraph) {
		String text = paragraph.text();
		// two figures make a line of a results table ("Net 1.28 billion dlrs vs 551.7
		// mln"), not a heading
		if (isTableRow(paragraph) || text.length() > CROSSHEAD_MAX_CHARS
				|| WHITESPACE.split(text).length > CROSSHEAD_MAX_WORDS || !LETTER.matcher(text).find()
				|| NUMBER.matcher(text).results().count() > 1) {
			return false;
		}
		String unquoted = CLOSERS.matcher(text).replaceFirst("");
		return !unquoted.isEmpty() && ".,;:".indexOf(unquoted.charAt(unquoted.length() - 1)) < 0;
	}

	/** Longer than any crosshead and not part of a table. */
	private static boolean isFullParagraph(Raw paragraph) {
		String text = paragraph.text();
		return !isTableRow(paragraph)
				&& (text.length() > CROSSHEAD_MAX_CHARS || WHITESPACE.split(text).length > CROSSHEAD_MAX_WORDS);
	}

	private static boolean isTableRow(Raw paragraph) {
		return paragraph.lines().stream().anyMatch(line -> COLUMN_GAPS.matcher(line).find());
	}

	/** The title from the first paragraph that yields one with a letter in it. */
	private static String titleFromStory(List<Paragraph> paragraphs) {
		for (Paragraph paragraph : paragraphs) {
			String title = deriveTitle(paragraph.text());
			if (LETTER.matcher(title).find()) {
				return title;
			}
		}
		return shorten(paragraphs.get(0).text());
	}

	/**
	 * A title for a story without headline, derived from its lead: the first sentence,
	 * cut at its first comma, semicolon, colon or dash when that leaves at least
	 * {@value #TITLE_MIN_WORDS} words, otherwise shortened at a word boundary to at most
	 * {@value #TITLE_MAX_CHARS} characters ending in "…"; no trailing punctuation.
	 * @param lead the first story paragraph, without its dateline
	 * @return the title; empty only when the lead is blank
	 */
	public static String deriveTitle(String lead) {
		String sentence = firstSentence(comparable(lead));
		Matcher clause = CLAUSE_BREAK.matcher(sentence);
		if (clause.find()) {
			String cut = sentence.substring(0, clause.start()).strip();
			if (WHITESPACE.split(cut).length >= TITLE_MIN_WORDS && cut.length() <= HEADLINE_MAX_CHARS) {
				return withoutTrailingPunctuation(cut);
			}
		}
		return shorten(sentence);
	}

	private static String firstSentence(String text) {
		Matcher m = SENTENCE_BREAK.matcher(text);
		while (m.find()) {
			String last = text.substring(text.lastIndexOf(' ', m.start() - 1) + 1, m.start());
			String bare = OPENERS.matcher(last).replaceFirst("");
			boolean abbreviation = text.charAt(m.start()) == '.'
					&& (ABBREVIATIONS.contains(bare.toLowerCase(Locale.ROOT))
							|| INITIALISM.matcher(bare).matches() && bare.length() > 1 && bare.contains(".")
							|| bare.length() == 1 && Character.isUpperCase(bare.charAt(0)));
			if (!abbreviation) {
				return text.substring(0, m.end()).strip();
			}
		}
		return text.strip();
	}

	private static String shorten(String text) {
		String clean = withoutTrailingPunctuation(text);
		if (clean.length() <= TITLE_MAX_CHARS) {
			return clean;
		}
		int cut = clean.lastIndexOf(' ', TITLE_MAX_CHARS - 1);
		String head = cut > 0 ? clean.substring(0, cut) : clean.substring(0, TITLE_MAX_CHARS - 1);
		return withoutTrailingPunctuation(head) + "…";
	}

	private static String withoutTrailingPunctuation(String text) {
		String stripped = PUNCTUATION_BEFORE_CLOSERS.matcher(text.strip()).replaceFirst("$1");
		return TRAILING_PUNCTUATION.matcher(stripped).replaceFirst("");
	}

	// ---- helpers
	// --------------------------------------------------------------------------------------------------

	private static String collapse(String text) {
		return SPACE_RUN.matcher(text).replaceAll(" ").strip();
	}

	/** Paragraphs compare equal when they differ only in whitespace. */
	private static String comparable(String text) {
		return WHITESPACE.matcher(text).replaceAll(" ").strip();
	}

	/** A non-blank line without its indentation; a tab counts as four spaces. */
	private record Line(String text, int indent) {

		static Line of(String line) {
			int indent = 0;
			int i = 0;
			while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
				indent += line.charAt(i) == '\t' ? 4 : 1;
				i++;
			}
			return new Line(line.substring(i), indent);
		}

		/**
		 * Two or more columns deeper than the block marks a new paragraph in
		 * Reuters-style copy.
		 */
		boolean indentedFrom(int base) {
			return indent - base >= 2;
		}
	}

	/**
	 * A paragraph before cleaning, with its source lines so that sign-off lines can be
	 * split off.
	 */
	private record Raw(List<String> lines, String text) {

		static Raw of(List<String> lines) {
			return new Raw(List.copyOf(lines), collapse(String.join(" ", lines)));
		}
	}

	/** A last paragraph whose final lines are a sign-off. */
	private record SignOffSplit(Raw story, Raw signOff) {
	}

	/** The header lines found before the story, and where the story starts. */
	private record Header(String headline, Byline byline, LocalDate date, int block, int line) {
	}

}
