package org.morgue.ingest;

import java.time.DateTimeException;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a dateline at the start of a paragraph: {@code YANGON:}, {@code YANGON (AFP) -},
 * {@code YANGON, Aug 3 (Reuters) -}, {@code NEW YORK, Feb 26 -},
 * {@code WASHINGTON (AP) —}, {@code NAYPYIDAW, Myanmar (AP) —},
 * {@code LONDON, March 3, 2023 (Reuters) -}, {@code KYIV, Ukraine, Aug 3 (Reuters) -},
 * and the older {@code ROME, April 2, Reuter -}. Used by {@link WireCopyParser} and by
 * importers that know the year from elsewhere. Thread-safe and stateless.
 *
 * <p>
 * A place in capitals followed by a separator is what tells a dateline from a sentence
 * such as "NATO said on Monday". A bare {@code PLACE:} or {@code PLACE -} with neither
 * date nor agency is only accepted for a place in capitals of at least three letters that
 * is not a label such as {@code BREAKING:}, so "US: the figures" is not a dateline. A
 * place in normal case ({@code Yangon (AFP) -}, {@code Toronto, Feb 26 -}) is accepted
 * only with a date or an agency, whose shape no sentence has.
 */
final class DatelineParser {

	/**
	 * Month names, full or abbreviated; matched case-insensitively. Shared with the
	 * header date line parser.
	 */
	static final String MONTH = "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
			+ "|sep(?:tember|t)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";

	private static final String MONTH_CI = "(?iu:" + MONTH + ")";

	private static final String PLACE_WORD = "\\p{Lu}[\\p{L}\\p{M}'’.\\-]*(?<!-)";

	private static final String COUNTRY_WORD = "(?!" + MONTH_CI + "\\b)\\p{Lu}[\\p{L}\\p{M}'’.\\-]*(?<!-)";

	private static final String COUNTRY_CONNECTOR = "(?:of|and|the|de|del|da|do|du|la|le|el|al|y)";

	private static final String ORDINAL = "(?:st|nd|rd|th)?";

	private static final Pattern DATELINE = Pattern.compile("^(?<place>(?<city>" + PLACE_WORD + "(?: (?:"
			+ COUNTRY_CONNECTOR + " )?" + PLACE_WORD + "){0,4})" + "(?:\\s?,\\s*" + COUNTRY_WORD + "(?:\\s+(?:"
			+ COUNTRY_CONNECTOR + "\\s+)?" + COUNTRY_WORD + "){0,3})?)" + "(?:(?:\\s?,\\s*|\\s+)(?:(?<m1>" + MONTH_CI
			+ ")\\.?\\s+(?<d1>\\d{1,2})" + ORDINAL + "|(?<d2>\\d{1,2})" + ORDINAL + "\\s+(?<m2>" + MONTH_CI + ")\\.?)"
			+ "(?:,?\\s+(?<year>\\d{4}))?(?!\\d)"
			+ "(?:,\\s*(?<plainAgency>\\p{L}[\\p{L}\\p{M}.&\\- ]{0,38}?)(?=\\s*(?:--|-|—|–)(?:\\s|$)))?,?)?"
			+ "(?:\\s*\\((?<agency>\\p{L}[\\p{L}\\p{M}'’.&\\- ]{0,38})\\))?" + "\\s*(?<sep>--|-|—|–|:)(?=\\s|$)");

	/** Capitalised labels that take a colon like a dateline but are not places. */
	private static final Set<String> NOT_PLACES = Set.of("BREAKING", "UPDATE", "UPDATED", "EXCLUSIVE", "ANALYSIS",
			"URGENT", "FLASH", "BULLETIN", "ALERT", "CORRECTION", "CORRECTED", "CORRECTS", "REFILE", "NOTE",
			"EDITOR'S NOTE", "EDITOR’S NOTE", "ADVISORY", "EMBARGOED", "EMBARGO", "WATCH", "VIDEO", "PHOTO", "PHOTOS",
			"OPINION", "COMMENT", "EDITORIAL", "FACTBOX", "EXPLAINER", "FEATURE", "LIVE", "REVIEW", "INTERVIEW", "FILE",
			"TOPIC");

	/**
	 * Words kept in lower case inside a place name unless they open it ("Rio de Janeiro",
	 * "Port of Spain").
	 */
	private static final Set<String> SMALL_WORDS = Set.of("de", "da", "das", "do", "dos", "du", "des", "del", "della",
			"di", "la", "le", "les", "van", "von", "der", "den", "of", "and", "the", "es", "y", "e", "en", "am", "im",
			"on", "upon", "sur");

	private static final Pattern INITIALISM = Pattern.compile("(?:\\p{Lu}\\.)+");

	private static final Pattern LOWER_CASE = Pattern.compile("\\p{Ll}");

	private static final Pattern LETTER = Pattern.compile("\\p{L}");

	private static final Pattern SPACES = Pattern.compile(" +");

	/**
	 * The dateline at the start of a paragraph.
	 * @param paragraph the text of a paragraph, typically the first of a story
	 * @return the dateline and the remaining text, or empty when the text does not start
	 * with a dateline
	 */
	public Optional<DatelineMatch> parse(String paragraph) {
		if (paragraph == null) {
			return Optional.empty();
		}
		String text = paragraph.strip();
		Matcher m = DATELINE.matcher(text);
		if (!m.lookingAt()) {
			return Optional.empty();
		}
		String rest = text.substring(m.end()).strip();
		String monthText = m.group("m1") != null ? m.group("m1") : m.group("m2");
		String dayText = m.group("d1") != null ? m.group("d1") : m.group("d2");
		String agencyText = m.group("agency");
		String plainAgency = m.group("plainAgency");
		if (plainAgency != null) {
			// "ROME, April 2, Reuter -": only a known agency's name may stand there
			// without brackets
			if (agencyText != null || Agencies.canonical(plainAgency).isEmpty()) {
				return Optional.empty();
			}
			agencyText = plainAgency;
		}
		String city = m.group("city");
		boolean bare = monthText == null && agencyText == null;
		if (bare && !plausibleBarePlace(city)) {
			return Optional.empty();
		}
		MonthDay day = null;
		if (monthText != null) {
			try {
				day = MonthDay.of(monthNumber(monthText), Integer.parseInt(dayText));
			}
			catch (DateTimeException e) {
				return Optional.empty();
			}
		}
		Integer year = m.group("year") == null ? null : Integer.valueOf(m.group("year"));
		String agency = agencyText == null ? null
				: Agencies.canonical(agencyText).orElse(SPACES.matcher(agencyText.strip()).replaceAll(" "));
		String place = m.group("place");
		String written = text.substring(0, m.end()).strip();
		Dateline dateline = new Dateline(written, place, displayForm(place), day, year, agency);
		return Optional.of(new DatelineMatch(dateline, rest));
	}

	/**
	 * The display form of a place written in capitals: {@code "NEW YORK"} gives
	 * {@code "New York"}, {@code "RIO DE JANEIRO"} gives {@code "Rio de Janeiro"},
	 * {@code "ST. LOUIS"} gives {@code "St. Louis"}. Words already in mixed case (such as
	 * the country in {@code "NAYPYIDAW, Myanmar"}) and initialisms such as {@code "U.S."}
	 * are kept as written, as is everything after the first comma.
	 * @param placeAsWritten the place as written in the dateline
	 * @return the place for display
	 */
	public static String displayForm(String placeAsWritten) {
		Objects.requireNonNull(placeAsWritten, "placeAsWritten");
		String place = placeAsWritten.strip();
		int comma = place.indexOf(',');
		String head = comma < 0 ? place : place.substring(0, comma);
		String tail = comma < 0 ? "" : place.substring(comma);
		String[] words = SPACES.split(head.strip());
		List<String> shown = new ArrayList<>(words.length);
		for (int i = 0; i < words.length; i++) {
			shown.add(wordDisplay(words[i], i == 0));
		}
		return String.join(" ", shown) + tail;
	}

	/**
	 * The month number (1-12) of a month name or abbreviation matched by {@link #MONTH}.
	 */
	static int monthNumber(String month) {
		String key = month.strip().toLowerCase(Locale.ROOT).substring(0, 3);
		return "janfebmaraprmayjunjulaugsepoctnovdec".indexOf(key) / 3 + 1;
	}

	private static boolean plausibleBarePlace(String city) {
		return !LOWER_CASE.matcher(city).find() && LETTER.matcher(city).results().count() >= 3
				&& !NOT_PLACES.contains(city);
	}

	private static String wordDisplay(String word, boolean first) {
		if (word.isEmpty() || LOWER_CASE.matcher(word).find() || INITIALISM.matcher(word).matches()) {
			return word;
		}
		String[] segments = word.split("-", -1);
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < segments.length; i++) {
			if (i > 0) {
				out.append('-');
			}
			String lower = segments[i].toLowerCase(Locale.ROOT);
			boolean opening = first && i == 0;
			out.append(!opening && SMALL_WORDS.contains(lower) ? lower : capitalise(segments[i]));
		}
		return out.toString();
	}

	private static String capitalise(String segment) {
		int apostrophe = Math.max(segment.indexOf('\''), segment.indexOf('’'));
		if (apostrophe > 0 && apostrophe < segment.length() - 1) {
			String before = segment.substring(0, apostrophe);
			String after = segment.substring(apostrophe + 1);
			// O'HARE -> O'Hare, but XI'AN -> Xi'an: only a one-letter prefix is an
			// Irish/French elision
			String shownAfter = before.length() == 1 ? capitalise(after) : after.toLowerCase(Locale.ROOT);
			return capitalise(before) + segment.charAt(apostrophe) + shownAfter;
		}
		String lower = segment.toLowerCase(Locale.ROOT);
		if (lower.length() > 3 && lower.startsWith("mc")) {
			return "Mc" + capitalise(segment.substring(2));
		}
		return lower.isEmpty() ? lower : lower.substring(0, 1).toUpperCase(Locale.ROOT) + lower.substring(1);
	}

}
