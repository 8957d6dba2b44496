package org.morgue.bench;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.morgue.article.ArticleText;

/**
 * A corpus with ground truth for grouping republished wire copy: Reuters-21578 stories
 * (read at run time, see {@link ReutersCorpus}), some of them republished by other
 * outlets with the edits such copies get, plus stories that share a template but not a
 * story, and the rest of Reuters as background.
 * <ul>
 * <li>{@link Kind#ORIGINAL}: a prose Reuters story of at least 80 words, not earnings,
 * not a dividend notice, not a table; source {@code Reuters}, its own TITLE and DATE.
 * <li>{@link Kind#COPY}: 1 to 6 per original, credited to one of {@link #OUTLETS}, dated
 * the original's day to 3 days later, each with its own headline and at least one edit to
 * the body ({@link Edit}). Copies share the original's story label.
 * <li>{@link Kind#FORMULAIC}: the Reuters earnings tables, dividend notices and payout
 * announcements, and from them about as many new items as there are copies, with other
 * companies, numbers and dates, published within 3 days of their template: as many
 * formulaic items in all as there are copies, and at least half as many new ones as
 * copies. Every formulaic item is its own story: grouping two of them is a false link.
 * <li>{@link Kind#BACKGROUND}: every other Reuters story with a body; no label.
 * </ul>
 * Bodies are unique as the archive sees them ({@link ArticleText#contentHash}): an item
 * whose body equals an earlier one is dropped. The same arguments give the same corpus.
 * Items are in order of publication.
 */
final class CopiesCorpus {

	/** What an item is, for the ground truth. */
	enum Kind {

		ORIGINAL, COPY, FORMULAIC, BACKGROUND

	}

	/** The edits a copy can get; every copy gets a headline and at least one other. */
	enum Edit {

		/** Its own headline: other case, words dropped or reordered, a prefix. */
		HEADLINE,
		/** The ending cut: the lead and 40 to 100% of the words, by whole paragraphs. */
		CUT,
		/** A paragraph of local colour added, made from templates. */
		LOCAL_PARAGRAPH,
		/**
		 * Abbreviations spelt out, US for U.S., quotes changed, sometimes says for said.
		 */
		HOUSE_STYLE,
		/** About one word in 150 misspelt: letters swapped, dropped or doubled. */
		TYPOS

	}

	/**
	 * One item of the corpus.
	 *
	 * @param key unique in the corpus
	 * @param story the ground truth: items with the same label are copies of one story;
	 * {@code null} for background
	 */
	record Item(String key, String title, List<String> paragraphs, String source, LocalDate publishedDate, String story,
			Kind kind) {

		/** The paragraphs as the archive joins them. */
		String body() {
			return String.join("\n\n", paragraphs);
		}

	}

	/**
	 * An outlet that republishes wire copy, with what its local paragraphs talk about.
	 */
	record Outlet(String name, Region region) {
	}

	/** Where an outlet is: the names, places and institutions of its local paragraphs. */
	enum Region {

		SINGAPORE("Singapore", "Singapore", "the Straits Times Index", "Singapore dollars",
				List.of("Tan", "Lim", "Lee", "Ng", "Goh", "Wong", "Chua", "Teo"),
				List.of("Wei Ming", "Siew Ling", "Kok Leong", "Mei Hua", "Boon Heng", "Hui Min")),
		MALAYSIA("Malaysia", "Kuala Lumpur", "the Kuala Lumpur Composite Index", "ringgit",
				List.of("Abdullah", "Ismail", "Rahman", "Chong", "Yusof", "Hamid", "Ong"),
				List.of("Ahmad", "Nurul", "Azman", "Siti", "Kamal", "Farah")),
		GULF("the United Arab Emirates", "Dubai", "the Dubai Financial Market index", "dirhams",
				List.of("Al Mansouri", "Al Suwaidi", "Al Marri", "Al Falasi", "Al Nuaimi", "Al Shamsi"),
				List.of("Ahmed", "Khalid", "Fatima", "Saeed", "Mariam", "Rashid")),
		PAKISTAN("Pakistan", "Karachi", "the Karachi Stock Exchange index", "rupees",
				List.of("Qureshi", "Khan", "Siddiqui", "Malik", "Chaudhry", "Hussain", "Shah"),
				List.of("Imran", "Ayesha", "Tariq", "Nadia", "Farooq", "Sana")),
		INDIA("India", "Mumbai", "the Bombay Stock Exchange index", "rupees",
				List.of("Iyer", "Natarajan", "Sharma", "Mehta", "Rao", "Gupta", "Menon", "Patel"),
				List.of("Ramesh", "Priya", "Suresh", "Anjali", "Vikram", "Lakshmi")),
		BANGLADESH("Bangladesh", "Dhaka", "the Dhaka Stock Exchange index", "taka",
				List.of("Rahman", "Hossain", "Chowdhury", "Islam", "Ahmed", "Karim"),
				List.of("Mahmud", "Shirin", "Anisur", "Nasreen", "Habib", "Rokeya")),
		THAILAND("Thailand", "Bangkok", "the SET index", "baht",
				List.of("Srisuk", "Chaiyaporn", "Wongsawat", "Boonmee", "Rattanakul", "Somboon"),
				List.of("Somchai", "Suda", "Prasert", "Malee", "Anan", "Kanya")),
		INDONESIA("Indonesia", "Jakarta", "the Jakarta Composite Index", "rupiah",
				List.of("Santoso", "Wijaya", "Hartono", "Siregar", "Nugroho", "Halim"),
				List.of("Budi", "Dewi", "Agus", "Sri", "Hendra", "Ratna")),
		KENYA("Kenya", "Nairobi", "the Nairobi Stock Exchange index", "shillings",
				List.of("Otieno", "Kamau", "Mwangi", "Odhiambo", "Wanjiru", "Kiprono"),
				List.of("Peter", "Grace", "Joseph", "Esther", "David", "Mary")),
		SOUTH_AFRICA("South Africa", "Johannesburg", "the Johannesburg all-share index", "rand",
				List.of("Naidoo", "van der Merwe", "Dlamini", "Botha", "Mokoena", "Pillay"),
				List.of("Johan", "Thandi", "Pieter", "Lerato", "Sipho", "Anel")),
		SAUDI("Saudi Arabia", "Riyadh", "the Tadawul index", "riyals",
				List.of("Al Otaibi", "Al Qahtani", "Al Ghamdi", "Al Harbi", "Al Zahrani", "Al Dossary"),
				List.of("Abdulaziz", "Faisal", "Nora", "Turki", "Huda", "Saud")),
		QATAR("Qatar", "Doha", "the Doha Securities Market index", "riyals",
				List.of("Al Thani", "Al Kuwari", "Al Sulaiti", "Al Mohannadi", "Al Emadi"),
				List.of("Hamad", "Jassim", "Aisha", "Nasser", "Moza", "Ali"));

		final String country;

		final String city;

		final String market;

		final String currency;

		final List<String> surnames;

		final List<String> firstNames;

		Region(String country, String city, String market, String currency, List<String> surnames,
				List<String> firstNames) {
			this.country = country;
			this.city = city;
			this.market = market;
			this.currency = currency;
			this.surnames = surnames;
			this.firstNames = firstNames;
		}

	}

	/**
	 * The outlets copies are credited to; invented reuse, the names are just names here.
	 */
	static final List<Outlet> OUTLETS = List.of(new Outlet("The Straits Times", Region.SINGAPORE),
			new Outlet("The Business Times", Region.SINGAPORE), new Outlet("New Straits Times", Region.MALAYSIA),
			new Outlet("The Star", Region.MALAYSIA), new Outlet("Gulf News", Region.GULF),
			new Outlet("Khaleej Times", Region.GULF), new Outlet("Dawn", Region.PAKISTAN),
			new Outlet("Business Recorder", Region.PAKISTAN), new Outlet("The Hindu", Region.INDIA),
			new Outlet("The Economic Times", Region.INDIA), new Outlet("The Daily Star", Region.BANGLADESH),
			new Outlet("Bangkok Post", Region.THAILAND), new Outlet("The Jakarta Post", Region.INDONESIA),
			new Outlet("Daily Nation", Region.KENYA), new Outlet("Business Day", Region.SOUTH_AFRICA),
			new Outlet("Arab News", Region.SAUDI), new Outlet("Gulf Times", Region.QATAR),
			new Outlet("The Peninsula", Region.QATAR));

	static final String REUTERS = "Reuters";

	/** When a story's DATE cannot be read and no story before it had one. */
	private static final LocalDate FIRST_DAY = LocalDate.of(1987, 2, 26);

	private static final int MINIMUM_WORDS = 80;

	private static final Pattern WORD = Pattern.compile("\\S+");

	/**
	 * A ticker in a TITLE, {@code <ACT>}; a name in angle brackets that starts a TITLE
	 * ({@code <ACME TOOL> OPENS PLANT}) is the company's.
	 */
	private static final Pattern TICKER = Pattern.compile("(?<=\\S)\\s*<[A-Z.]{1,6}>");

	/** A company Reuters marks as such, {@code <Acme Tool Holdings Ltd>}. */
	private static final Pattern MARKED_NAME = Pattern.compile("<([^<>]+)>");

	/** A line of an earnings table or a dividend notice. */
	private static final Pattern TABLE_LINE = Pattern.compile(
			"(?i)^(oper |primary |fully diluted |)(shr|shrs|net|revs|revenues|sales|qtly div|div|annual div|pay|payable|record|avg shrs|loss|profit|year|nine mths|six mths|qtr|assets|deposits|loans|note)\\b");

	private static final Pattern DIVIDEND_TITLE = Pattern
		.compile("\\b(DIV|DIVS|DIVIDEND|DIVIDENDS|PAYOUT|DISTRIBUTION)\\b");

	private final List<Item> items;

	private final Map<String, Set<Edit>> edits;

	private CopiesCorpus(List<Item> items, Map<String, Set<Edit>> edits) {
		this.items = items;
		this.edits = edits;
	}

	/**
	 * Builds the corpus from the Reuters-21578 files in the directory.
	 * @param originals how many Reuters stories get copies
	 * @throws IllegalArgumentException when Reuters has fewer suitable stories
	 */
	static CopiesCorpus generate(Path reutersDirectory, int originals, long seed) {
		return generate(ReutersCorpus.read(reutersDirectory), originals, seed);
	}

	static CopiesCorpus generate(ReutersCorpus reuters, int originals, long seed) {
		Random random = new Random(seed);
		Set<String> hashes = new HashSet<>(reuters.storyCount() * 3);
		// Reuters itself first, so that a copy never displaces a story.
		List<Integer> stories = new ArrayList<>(reuters.storyCount());
		List<LocalDate> dates = new ArrayList<>(reuters.storyCount());
		List<Integer> candidates = new ArrayList<>();
		List<Integer> templates = new ArrayList<>();
		LocalDate last = FIRST_DAY;
		for (int story = 0; story < reuters.storyCount(); story++) {
			List<String> paragraphs = reuters.storyParagraphs(story);
			if (!hashes.add(ArticleText.contentHash(String.join("\n\n", paragraphs)))) {
				continue;
			}
			last = (reuters.date(story) != null) ? reuters.date(story) : last;
			stories.add(story);
			dates.add(last);
			if (formulaic(reuters.title(story), paragraphs)) {
				templates.add(story);
			}
			else if (originalCandidate(reuters.title(story), reuters.topics(story), paragraphs)) {
				candidates.add(story);
			}
		}
		if (candidates.size() < originals) {
			throw new IllegalArgumentException(
					"Reuters has " + candidates.size() + " stories that can be originals, not " + originals);
		}
		Collections.shuffle(candidates, random);
		Set<Integer> chosen = new HashSet<>(candidates.subList(0, originals));
		Set<Integer> formulaic = new HashSet<>(templates);
		List<Item> items = new ArrayList<>(stories.size() * 3 / 2);
		Map<Integer, Item> originalItems = new LinkedHashMap<>();
		Map<Integer, Item> templateItems = new LinkedHashMap<>();
		for (int i = 0; i < stories.size(); i++) {
			int story = stories.get(i);
			String key = "r" + story;
			List<String> paragraphs = reuters.storyParagraphs(story);
			String title = (reuters.title(story) != null) ? reuters.title(story) : headlineFrom(paragraphs.get(0));
			Item item;
			if (chosen.contains(story)) {
				item = new Item(key, title, paragraphs, REUTERS, dates.get(i), "story-" + key, Kind.ORIGINAL);
				originalItems.put(story, item);
			}
			else if (formulaic.contains(story)) {
				item = new Item(key, title, paragraphs, REUTERS, dates.get(i), "formulaic-" + key, Kind.FORMULAIC);
				templateItems.put(story, item);
			}
			else {
				item = new Item(key, title, paragraphs, REUTERS, dates.get(i), null, Kind.BACKGROUND);
			}
			items.add(item);
		}
		Map<String, Set<Edit>> edits = new HashMap<>();
		int copies = 0;
		for (Map.Entry<Integer, Item> original : originalItems.entrySet()) {
			List<Outlet> outlets = new ArrayList<>(OUTLETS);
			Collections.shuffle(outlets, random);
			int count = 1 + random.nextInt(6);
			for (int n = 1; n <= count; n++) {
				Set<Edit> applied = EnumSet.noneOf(Edit.class);
				Item copy = copy(original.getValue(), original.getValue().key() + "-c" + n, outlets.get(n - 1),
						reuters.topics(original.getKey()), random, applied);
				if (hashes.add(ArticleText.contentHash(copy.body()))) {
					items.add(copy);
					edits.put(copy.key(), Collections.unmodifiableSet(applied));
					copies++;
				}
			}
		}
		List<Item> shuffledTemplates = new ArrayList<>(templateItems.values());
		Collections.shuffle(shuffledTemplates, random);
		Map<String, Integer> variantsOf = new HashMap<>();
		int variants = 0;
		// Round after round over the templates, until there are as many formulaic items
		// as copies, and at least half as many new ones.
		int wanted = Math.max(copies - shuffledTemplates.size(), copies / 2);
		for (int round = 0; variants < wanted && !shuffledTemplates.isEmpty() && round < 20; round++) {
			for (int t = 0; t < shuffledTemplates.size() && variants < wanted; t++) {
				Item template = shuffledTemplates.get(t);
				int count = 2 + random.nextInt(4);
				for (int n = 0; n < count && variants < wanted; n++) {
					int number = variantsOf.merge(template.key(), 1, Integer::sum);
					Item variant = variant(template, template.key() + "-f" + number, random);
					if (anotherStory(template, variant) && hashes.add(ArticleText.contentHash(variant.body()))) {
						items.add(variant);
						variants++;
					}
				}
			}
		}
		// In order of publication; within a day, Reuters order, then the copies.
		List<Item> ordered = new ArrayList<>(items);
		ordered.sort(Comparator.comparing(Item::publishedDate));
		return new CopiesCorpus(List.copyOf(ordered), edits);
	}

	List<Item> items() {
		return items;
	}

	/** The edits a copy got; none for any other item. */
	Set<Edit> edits(String key) {
		return edits.getOrDefault(key, Set.of());
	}

	/** Items per kind, every kind present. */
	Map<Kind, Long> counts() {
		Map<Kind, Long> counts = new EnumMap<>(Kind.class);
		for (Kind kind : Kind.values()) {
			counts.put(kind, 0L);
		}
		for (Item item : items) {
			counts.merge(item.kind(), 1L, Long::sum);
		}
		return counts;
	}

	/**
	 * Whether a Reuters story is one of the wire's formulaic items: an earnings table, a
	 * dividend notice ({@code Qtly div 9 cts vs 9 cts prior / Pay April 30 / Record
	 * April 10}), or a short payout announcement.
	 */
	static boolean formulaic(String title, List<String> paragraphs) {
		int tableLines = 0;
		for (String paragraph : paragraphs) {
			if (TABLE_LINE.matcher(paragraph).find() && words(paragraph) <= 16) {
				tableLines++;
			}
		}
		if (tableLines >= 2 && tableLines * 2 >= paragraphs.size()) {
			return true;
		}
		return title != null && DIVIDEND_TITLE.matcher(title).find() && words(paragraphs) <= 150;
	}

	/**
	 * Whether a Reuters story can be an original: a title, at least 80 words, not
	 * earnings or dividends, and mostly prose (sentences, not figures).
	 */
	static boolean originalCandidate(String title, List<String> topics, List<String> paragraphs) {
		if (title == null || title.isBlank() || topics.contains("earn") || DIVIDEND_TITLE.matcher(title).find()) {
			return false;
		}
		int words = 0;
		int proseWords = 0;
		int figures = 0;
		for (String paragraph : paragraphs) {
			String[] tokens = paragraph.split("\\s+");
			words += tokens.length;
			if (tokens.length >= 8 && paragraph.matches("(?s).*[.?!\"')]$")) {
				proseWords += tokens.length;
			}
			for (String token : tokens) {
				if (token.chars().anyMatch(Character::isDigit)) {
					figures++;
				}
			}
		}
		return words >= MINIMUM_WORDS && proseWords >= 0.8 * words && figures <= 0.12 * words;
	}

	private static String headlineFrom(String lead) {
		String[] words = lead.split("\\s+");
		return String.join(" ", List.of(words).subList(0, Math.min(10, words.length)));
	}

	// Copies

	private static Item copy(Item original, String key, Outlet outlet, List<String> topics, Random random,
			Set<Edit> applied) {
		boolean houseStyle = random.nextDouble() < 0.5;
		List<String> paragraphs = new ArrayList<>(original.paragraphs());
		if (random.nextDouble() < 0.55) {
			paragraphs = cut(paragraphs, random);
			if (!paragraphs.equals(original.paragraphs())) {
				applied.add(Edit.CUT);
			}
		}
		if (random.nextDouble() < 0.4) {
			String local = localParagraph(outlet, topics, random);
			// After the lead, or at the end.
			paragraphs.add((paragraphs.size() > 1 && random.nextBoolean()) ? 1 : paragraphs.size(), local);
			applied.add(Edit.LOCAL_PARAGRAPH);
		}
		if (houseStyle) {
			boolean says = random.nextDouble() < 0.35;
			boolean singleQuotes = random.nextBoolean();
			List<String> styled = new ArrayList<>(paragraphs.size());
			for (String paragraph : paragraphs) {
				styled.add(houseStyle(paragraph, says, singleQuotes));
			}
			if (!styled.equals(paragraphs)) {
				applied.add(Edit.HOUSE_STYLE);
			}
			paragraphs = styled;
		}
		boolean unchanged = ArticleText.contentHash(String.join("\n\n", paragraphs))
			.equals(ArticleText.contentHash(original.body()));
		if (random.nextDouble() < 0.4 || unchanged) {
			// Typos also when nothing else changed the body as the archive sees it.
			paragraphs = typos(paragraphs, random);
			applied.add(Edit.TYPOS);
		}
		applied.add(Edit.HEADLINE);
		LocalDate date = original.publishedDate().plusDays(random.nextInt(4));
		return new Item(key, headline(original.title(), houseStyle, random), List.copyOf(paragraphs), outlet.name(),
				date, original.story(), Kind.COPY);
	}

	/**
	 * The lead and whole paragraphs after it up to 40 to 100% of the words; half the time
	 * without the last sentence of the last paragraph kept, when it has more than one.
	 */
	static List<String> cut(List<String> paragraphs, Random random) {
		int total = words(paragraphs);
		double share = 0.4 + 0.6 * random.nextDouble();
		List<String> kept = new ArrayList<>();
		kept.add(paragraphs.get(0));
		int words = words(paragraphs.get(0));
		for (int i = 1; i < paragraphs.size(); i++) {
			words += words(paragraphs.get(i));
			if (words > share * total) {
				break;
			}
			kept.add(paragraphs.get(i));
		}
		if (kept.size() > 1 && random.nextBoolean()) {
			String last = kept.get(kept.size() - 1);
			int end = lastSentenceStart(last);
			if (end > 0) {
				kept.set(kept.size() - 1, last.substring(0, end).strip());
			}
		}
		return kept;
	}

	/** Where the last sentence of a paragraph starts, or -1 when it has one sentence. */
	private static int lastSentenceStart(String paragraph) {
		Matcher boundary = Pattern.compile("[.?!][\"']?\\s+(?=[A-Z\"])").matcher(paragraph);
		int start = -1;
		while (boundary.find()) {
			if (boundary.end() < paragraph.length() - 1) {
				start = boundary.end();
			}
		}
		return start;
	}

	/** Reuters abbreviations spelt out, and the words they are spelt out to. */
	private static final String[][] ABBREVIATIONS = { { "mln", "million" }, { "bln", "billion" }, { "pct", "per cent" },
			{ "dlrs", "dollars" }, { "dlr", "dollar" }, { "cts", "cents" }, { "shr", "share" }, { "shrs", "shares" },
			{ "qtr", "quarter" }, { "qtly", "quarterly" }, { "mths", "months" }, { "yr", "year" },
			{ "revs", "revenues" }, { "avg", "average" }, { "govt", "government" }, { "Sen.", "Senator" },
			{ "Sens.", "Senators" }, { "Rep.", "Representative" }, { "Gov.", "Governor" }, { "Dept", "Department" },
			{ "U.S.", "US" }, { "U.K.", "UK" }, { "U.N.", "UN" }, { "E.C.", "EC" } };

	private static final Pattern[] ABBREVIATION_PATTERNS = new Pattern[ABBREVIATIONS.length];

	static {
		for (int i = 0; i < ABBREVIATIONS.length; i++) {
			String word = ABBREVIATIONS[i][0];
			boolean dotted = word.endsWith(".");
			ABBREVIATION_PATTERNS[i] = Pattern.compile("\\b" + Pattern.quote(word) + (dotted ? "" : "\\b"),
					dotted ? 0 : Pattern.CASE_INSENSITIVE);
		}
	}

	/** Words that start a sentence after an abbreviation ending one (in the U.S. The). */
	private static final Pattern SENTENCE_AFTER = Pattern
		.compile("\\s+(The|It|He|She|They|But|In|A|This|That|We|Its|Their|There|On|At)\\b");

	/**
	 * A paragraph in an outlet's house style: abbreviations spelt out, {@code US} for
	 * {@code U.S.}, company names without Reuters' angle brackets, double quotes as
	 * single or typographic ones, and, when asked, {@code says} for {@code said}.
	 */
	static String houseStyle(String text, boolean says, boolean singleQuotes) {
		String styled = MARKED_NAME.matcher(text).replaceAll("$1");
		for (int i = 0; i < ABBREVIATIONS.length; i++) {
			Matcher matcher = ABBREVIATION_PATTERNS[i].matcher(styled);
			StringBuilder out = new StringBuilder(styled.length() + 16);
			String word = ABBREVIATIONS[i][0];
			String replacement = ABBREVIATIONS[i][1];
			while (matcher.find()) {
				String found = matcher.group();
				String spelt = word.endsWith(".") ? replacement : sameCase(found, replacement);
				if (word.endsWith(".") && (matcher.end() == styled.length()
						|| SENTENCE_AFTER.matcher(styled).region(matcher.end(), styled.length()).lookingAt())) {
					// The abbreviation's full stop ended the sentence too.
					spelt += ".";
				}
				matcher.appendReplacement(out, Matcher.quoteReplacement(spelt));
			}
			matcher.appendTail(out);
			styled = out.toString();
		}
		if (says) {
			styled = styled.replaceAll("\\bsaid\\b", "says");
		}
		StringBuilder quoted = new StringBuilder(styled.length());
		boolean open = true;
		for (int i = 0; i < styled.length(); i++) {
			char c = styled.charAt(i);
			if (c == '"') {
				quoted.append(singleQuotes ? (open ? '\u2018' : '\u2019') : (open ? '\u201C' : '\u201D'));
				open = !open;
			}
			else {
				quoted.append(c);
			}
		}
		return quoted.toString();
	}

	private static String sameCase(String found, String replacement) {
		if (found.length() > 1 && found.equals(found.toUpperCase(Locale.ROOT))
				&& !found.equals(found.toLowerCase(Locale.ROOT))) {
			return replacement.toUpperCase(Locale.ROOT);
		}
		if (Character.isUpperCase(found.charAt(0))) {
			return Character.toUpperCase(replacement.charAt(0)) + replacement.substring(1);
		}
		return replacement;
	}

	private static final Pattern LONG_WORD = Pattern.compile("\\b[A-Za-z]{4,}\\b");

	/**
	 * About one word in 150 of four letters or more misspelt (two letters swapped, one
	 * dropped or doubled); at least one.
	 */
	static List<String> typos(List<String> paragraphs, Random random) {
		List<String> misspelt = new ArrayList<>(paragraphs.size());
		int typos = 0;
		for (String paragraph : paragraphs) {
			Matcher word = LONG_WORD.matcher(paragraph);
			StringBuilder out = new StringBuilder(paragraph.length());
			while (word.find()) {
				String replacement = word.group();
				if (random.nextInt(150) == 0) {
					replacement = typo(replacement, random);
					typos++;
				}
				word.appendReplacement(out, replacement);
			}
			word.appendTail(out);
			misspelt.add(out.toString());
		}
		if (typos == 0) {
			// One typo at least, in a random long word.
			for (int attempt = 0; attempt < 20; attempt++) {
				int index = random.nextInt(misspelt.size());
				Matcher word = LONG_WORD.matcher(misspelt.get(index));
				List<int[]> words = new ArrayList<>();
				while (word.find()) {
					words.add(new int[] { word.start(), word.end() });
				}
				if (!words.isEmpty()) {
					int[] chosen = words.get(random.nextInt(words.size()));
					String paragraph = misspelt.get(index);
					misspelt.set(index, paragraph.substring(0, chosen[0])
							+ typo(paragraph.substring(chosen[0], chosen[1]), random) + paragraph.substring(chosen[1]));
					break;
				}
			}
		}
		return misspelt;
	}

	private static String typo(String word, Random random) {
		int at = 1 + random.nextInt(word.length() - 2);
		return switch (random.nextInt(3)) {
			case 0 -> (word.charAt(at) == word.charAt(at + 1)) ? word.substring(0, at) + word.substring(at + 1)
					: word.substring(0, at) + word.charAt(at + 1) + word.charAt(at) + word.substring(at + 2);
			case 1 -> word.substring(0, at) + word.substring(at + 1);
			default -> word.substring(0, at) + word.charAt(at) + word.substring(at);
		};
	}

	private static final List<String> PREFIXES = List.of("UPDATE 1-", "UPDATE 2-", "RPT-", "WRAPUP 1-", "Business: ",
			"World: ", "Markets: ", "Economy: ", "Wire: ");

	private static final Set<String> SMALL_WORDS = Set.of("a", "an", "the", "to", "of", "in", "on", "for", "and", "at",
			"by", "with", "from", "as", "vs", "or");

	private static final Set<String> ACRONYMS = Set.of("US", "UK", "EC", "OPEC", "GATT", "IMF", "USDA", "FED", "GNP",
			"GDP", "CPI", "SEC", "FDIC", "FCC", "FTC", "ICO", "ICCO", "EEC", "UN", "USSR", "NYSE", "IBM", "AT&T", "GM",
			"GE", "CBT", "LME", "OECD", "CFTC", "FRB", "BP");

	private static final Pattern SAYS = Pattern.compile("^(.+?)\\s+(SAYS|SAY|SEES|SEE)\\s+(.+)$");

	/**
	 * An outlet's headline for a Reuters TITLE: without the ticker mostly, in another
	 * case, sometimes with words dropped or the speaker moved to the end, sometimes with
	 * a prefix. Never the TITLE itself.
	 */
	static String headline(String title, boolean houseStyle, Random random) {
		String headline = title;
		if (random.nextDouble() < 0.85) {
			headline = TICKER.matcher(headline).replaceAll(" ").strip();
		}
		headline = MARKED_NAME.matcher(headline).replaceAll("$1");
		if (houseStyle) {
			headline = houseStyle(headline, false, true);
		}
		Matcher says = SAYS.matcher(headline);
		if (random.nextDouble() < 0.3 && says.matches()) {
			headline = says.group(3) + ", " + says.group(1) + " " + says.group(2);
		}
		List<String> words = new ArrayList<>(List.of(headline.split("\\s+")));
		if (words.size() > 4 && random.nextDouble() < 0.35) {
			List<Integer> small = new ArrayList<>();
			for (int i = 1; i < words.size(); i++) {
				if (SMALL_WORDS.contains(words.get(i).toLowerCase(Locale.ROOT))) {
					small.add(i);
				}
			}
			words.remove((int) (small.isEmpty() ? (words.size() - 1) : small.get(random.nextInt(small.size()))));
		}
		double style = random.nextDouble();
		for (int i = 0; i < words.size(); i++) {
			String word = words.get(i);
			if (style < 0.15 || ACRONYMS.contains(word) || word.contains(".") || word.contains("<")) {
				// Kept in capitals: the whole headline, or an acronym.
				continue;
			}
			String lower = word.toLowerCase(Locale.ROOT);
			boolean capital = (i == 0) || (style < 0.55 && !SMALL_WORDS.contains(lower));
			words.set(i, capital ? Character.toUpperCase(lower.charAt(0)) + lower.substring(1) : lower);
		}
		headline = String.join(" ", words);
		if (random.nextDouble() < 0.25 || headline.equals(title)) {
			headline = PREFIXES.get(random.nextInt(PREFIXES.size())) + headline;
		}
		return headline;
	}

	private static final Map<String, String> SUBJECTS = Map.ofEntries(Map.entry("crude", "oil prices"),
			Map.entry("grain", "grain market"), Map.entry("wheat", "wheat market"), Map.entry("corn", "corn market"),
			Map.entry("money-fx", "currency markets"), Map.entry("dlr", "dollar"),
			Map.entry("interest", "interest rate outlook"), Map.entry("trade", "trade dispute"),
			Map.entry("acq", "takeover"), Map.entry("ship", "shipping news"), Map.entry("gold", "gold price"),
			Map.entry("sugar", "sugar market"), Map.entry("coffee", "coffee market"),
			Map.entry("cocoa", "cocoa market"), Map.entry("gnp", "growth figures"), Map.entry("jobs", "jobs data"),
			Map.entry("nat-gas", "gas market"), Map.entry("veg-oil", "edible oil market"),
			Map.entry("copper", "copper price"), Map.entry("debt", "debt talks"),
			Map.entry("money-supply", "money supply figures"), Map.entry("reserves", "reserves figures"),
			Map.entry("cpi", "inflation figures"), Map.entry("bop", "payments figures"));

	private static final List<String> ROLES = List.of("chief economist", "head of research", "managing director",
			"senior analyst", "director of trade", "president", "general manager", "deputy governor");

	private static final List<String> ORGANISATIONS = List.of("the {city} Chamber of Commerce",
			"{country}'s central bank", "the Ministry of Finance", "the Ministry of Trade and Industry",
			"a {city} brokerage", "the {city} Exporters Association", "a leading {city} bank",
			"the {city} Bankers Association");

	private static final List<String> GROUPS = List.of("traders", "exporters", "bankers", "importers", "brokers",
			"businessmen", "economists");

	private static final List<String> WEEKDAYS = List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday");

	private static final List<String> TEMPLATES = List.of(
			"In {city}, {person}, {role} at {organisation}, said the {subject} was being watched closely by local {group}.",
			"{Market} closed {direction} {percent} per cent at {points} points on {weekday}, with dealers in {city} citing the {subject}.",
			"{person}, a spokesman for {organisation}, told {outlet} that {country} was studying the {subject} and would comment {when}.",
			"Local {group} said the {subject} could affect about {amount} million {currency} of {country}'s trade this year.",
			"\"We are following this very carefully,\" {person}, {role} at {organisation}, said in {city} on {weekday}.",
			"{country} has no direct exposure, {person} of {organisation} said, but {group} in {city} expect {amount} million {currency} in knock-on effects.",
			"The news came as {Market} fell {percent} per cent on {weekday}, its {ordinal} decline in a row, {group} in {city} said.",
			"{person}, {role} at {organisation}, said {country} would raise the {subject} with its trading partners {when}.",
			"Shares of {city}-listed companies with interests abroad rose {percent} per cent on {weekday} after the {subject}, {group} said.",
			"{country}'s own figures, due {when}, are expected to show a similar pattern, according to {person} of {organisation}.",
			"About {number} local firms could be affected, {person}, {role} at {organisation}, told {outlet} in {city}.",
			"\"It is too early to say what this means for {country},\" said {person}, adding that {group} in {city} were cautious.");

	private static final List<String> WHEN = List.of("next week", "later this month", "in the coming days",
			"after the weekend", "before the end of the quarter");

	private static final List<String> ORDINALS = List.of("second", "third", "fourth", "fifth");

	/** A sentence of local colour for an outlet, from {@link #TEMPLATES}. */
	static String localParagraph(Outlet outlet, List<String> topics, Random random) {
		Region region = outlet.region();
		String subject = "development";
		for (String topic : topics) {
			if (SUBJECTS.containsKey(topic)) {
				subject = SUBJECTS.get(topic);
				break;
			}
		}
		String person = pick(region.firstNames, random) + " " + pick(region.surnames, random);
		String text = pick(TEMPLATES, random).replace("{organisation}", pick(ORGANISATIONS, random))
			.replace("{person}", person)
			.replace("{role}", pick(ROLES, random))
			.replace("{city}", region.city)
			.replace("{country}'s", possessive(region.country))
			.replace("{country}", region.country)
			.replace("{Market}", Character.toUpperCase(region.market.charAt(0)) + region.market.substring(1))
			.replace("{currency}", region.currency)
			.replace("{subject}", subject)
			.replace("{group}", pick(GROUPS, random))
			.replace("{outlet}", outlet.name())
			.replace("{weekday}", pick(WEEKDAYS, random))
			.replace("{when}", pick(WHEN, random))
			.replace("{ordinal}", pick(ORDINALS, random))
			.replace("{direction}", random.nextBoolean() ? "up" : "down")
			.replace("{percent}", String.format(Locale.ROOT, "%.1f", 0.1 + 3 * random.nextDouble()))
			.replace("{points}", String.format(Locale.ROOT, "%,.2f", 200 + 4000 * random.nextDouble()))
			.replace("{amount}", Integer.toString(5 + random.nextInt(900)))
			.replace("{number}", Integer.toString(10 + random.nextInt(400)));
		// A sentence that starts with "the" after a template's own capital.
		return Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

	private static String possessive(String country) {
		return country.endsWith("s") ? country + "'" : country + "'s";
	}

	private static <T> T pick(List<T> list, Random random) {
		return list.get(random.nextInt(list.size()));
	}

	// Formulaic variants

	private static final List<String> NAME_FIRST = List.of("Allied", "Harbor", "Summit", "Pioneer", "Keystone",
			"Granite", "Beacon", "Cascade", "Liberty", "Meridian", "Frontier", "Heritage", "Sterling", "Northwest",
			"Midland", "Atlantic", "Prairie", "Redwood", "Bayview", "Crescent", "Tri-County", "Lakeshore",
			"Continental", "Pacific", "Evergreen", "Ridgeway", "Union", "Colonial", "Westbrook", "Ironwood");

	private static final List<String> NAME_SECOND = List.of("Financial", "Industries", "Bancorp", "Technologies",
			"Savings", "Resources", "Holdings", "Electronics", "Foods", "Systems", "Energy", "Realty", "Products",
			"Communications", "Medical", "Trust", "Manufacturing", "Data", "Instruments", "Petroleum");

	private static final List<String> NAME_SUFFIX = List.of("Inc", "Corp", "Co", "Ltd", "Inc", "Corp");

	private static final String SUFFIXES = "INC|CORP|CORPORATION|CO|LTD|LP|PLC|AG|BANCORP|BANCSHARES|INDUSTRIES|GROUP";

	private static final Pattern COMPANY_SUFFIX = Pattern.compile("(?i)\\s+(" + SUFFIXES + ")\\.?$");

	private static final String MONTH_NAMES = "January|February|March|April|May|June|July|August|September|October|November|December";

	private static final String MONTH_ABBREVIATIONS = "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec";

	private static final Pattern MONTH_DAY = Pattern.compile(
			"\\b(" + MONTH_NAMES + "|" + MONTH_ABBREVIATIONS
					+ ")\\.?\\s+(\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\\b",
			Pattern.CASE_INSENSITIVE);

	/** A figure, not in a word and not a day after a month (dates are changed apart). */
	private static final Pattern NUMBER = Pattern.compile("(?<![\\w.,])(?<!(?i:" + MONTH_NAMES + "|"
			+ MONTH_ABBREVIATIONS + ")\\.?\\s)\\d+(?:,\\d{3})*(?:\\.\\d+)?(?![\\w])");

	private static final List<String> NUMBER_WORDS = List.of("one", "two", "three", "four", "five", "six", "seven",
			"eight", "nine", "ten", "11", "12");

	private static final Pattern NUMBER_WORD = Pattern.compile(
			"\\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?=\\s+(cts|ct|dlrs|dlr|mln|billion|pct|cents|dollars?))");

	private static final List<String> MONTHS = List.of(MONTH_NAMES.split("\\|"));

	/**
	 * Another item from a formulaic template: another company (and ticker) in the title
	 * and body, every figure and every month and day changed to plausible values, years
	 * and ordinals ({@code 4TH QTR}) kept; published 0 to 3 days after the template.
	 */
	static Item variant(Item template, String key, Random random) {
		String company = company(template.title());
		String newCompany = pick(NAME_FIRST, random) + " " + pick(NAME_SECOND, random);
		String suffix = pick(NAME_SUFFIX, random);
		String ticker = ticker(newCompany, random);
		String title = template.title();
		if (company != null) {
			title = Pattern.compile(Pattern.quote(company), Pattern.CASE_INSENSITIVE)
				.matcher(title)
				.replaceFirst(Matcher.quoteReplacement((newCompany + " " + suffix).toUpperCase(Locale.ROOT)));
		}
		else {
			title = (newCompany + " " + suffix).toUpperCase(Locale.ROOT) + " " + title;
		}
		title = TICKER.matcher(title).replaceAll(Matcher.quoteReplacement(" <" + ticker + ">"));
		title = figures(dates(title, random), random);
		List<String> paragraphs = new ArrayList<>(template.paragraphs().size());
		for (String paragraph : template.paragraphs()) {
			String text = paragraph;
			if (company != null) {
				text = renamed(text, company, newCompany, suffix);
			}
			paragraphs.add(figures(dates(text, random), random));
		}
		return new Item(key, title, List.copyOf(paragraphs), REUTERS,
				template.publishedDate().plusDays(random.nextInt(4)), "formulaic-" + key, Kind.FORMULAIC);
	}

	/** Words that start a line of a results table or a notice, not names. */
	private static final java.util.Set<String> TABLE_WORDS = java.util.Set.of("Shr", "Shrs", "Net", "Revs", "Sales",
			"Avg", "Year", "Qtr", "Nine", "Six", "Three", "Mths", "Oper", "Note", "NOTE", "Qtly", "Div", "Pay",
			"Payable", "Record", "Prior", "Loss", "Profit", "Primary", "Fully", "Diluted", "Assets", "Deposits",
			"Loans", "Annual", "Monthly", "Quarterly", "Semi", "Dividend", "Reuter");

	private static final Pattern NAME = Pattern.compile("(?<=[^.!?:\\s]\\s{1,3})\\p{Lu}[\\p{L}&'-]+");

	/**
	 * Whether a variant tells another story than its template: it names others (the
	 * template's names are mostly gone from its body). A variant that kept the company
	 * and changed a figure or two is a correction of the same story, not a negative.
	 */
	static boolean anotherStory(Item template, Item variant) {
		java.util.Set<String> names = names(template.body());
		if (names.size() < 2) {
			return true;
		}
		java.util.Set<String> kept = names(variant.body());
		kept.retainAll(names);
		return kept.size() * 2 < names.size();
	}

	private static java.util.Set<String> names(String text) {
		java.util.Set<String> names = new java.util.HashSet<>();
		Matcher name = NAME.matcher(text);
		while (name.find()) {
			String word = name.group();
			if (!TABLE_WORDS.contains(word) && !MONTHS.contains(word)) {
				names.add(word);
			}
		}
		return names;
	}

	/** What a TITLE without a ticker says about the company, before this. */
	private static final Pattern BEFORE_VERB = Pattern.compile(
			"^(.+?)\\s+(SETS|DECLARES|RAISES|UPS|CUTS|OMITS|LIFTS|PAYS|REPORTS|SEES|REGULAR|QTLY|QUARTERLY|MONTHLY|INITIAL|SPECIAL|YEAR|NET|1ST|2ND|3RD|4TH|\\d)\\b");

	/**
	 * The company a formulaic TITLE is about: what comes before the ticker, or in it, or
	 * before the verb.
	 */
	private static String company(String title) {
		int ticker = title.indexOf('<');
		String company;
		if (ticker > 0) {
			company = title.substring(0, ticker).strip();
		}
		else if (ticker == 0 && title.indexOf('>') > 0) {
			company = title.substring(1, title.indexOf('>')).strip();
		}
		else {
			Matcher before = BEFORE_VERB.matcher(title);
			if (!before.find()) {
				return null;
			}
			company = before.group(1).strip();
		}
		return company.isEmpty() ? null : company;
	}

	private static String ticker(String name, Random random) {
		StringBuilder ticker = new StringBuilder();
		for (String word : name.split("[\\s-]+")) {
			ticker.append(Character.toUpperCase(word.charAt(0)));
		}
		ticker.append((char) ('A' + random.nextInt(26)));
		return ticker.toString();
	}

	/** The company's name in a body (without Inc, Corp, ...) as the new one. */
	private static String renamed(String text, String company, String newCompany, String suffix) {
		String core = COMPANY_SUFFIX.matcher(company).replaceFirst("").strip();
		if (core.isEmpty()) {
			return text;
		}
		String renamed = Pattern
			.compile("\\b" + Pattern.quote(core) + "\\b(\\s+(" + SUFFIXES + ")\\b\\.?)?", Pattern.CASE_INSENSITIVE)
			.matcher(text)
			.replaceAll(Matcher.quoteReplacement(newCompany + " " + suffix));
		// "Acme-Tool said": the first word alone, when it is the name of a subject.
		String first = core.split("\\s+")[0];
		if (first.length() >= 5 && core.contains(" ")) {
			String titleCase = first.charAt(0) + first.substring(1).toLowerCase(Locale.ROOT);
			renamed = renamed.replaceAll(
					"\\b" + Pattern.quote(titleCase) + "(?=\\s+(said|says|reported|also|has|had|will|is)\\b|'s)",
					Matcher.quoteReplacement(newCompany.split(" ")[0]));
		}
		return renamed;
	}

	/** Every month and day named changed: another month near it and another day. */
	private static String dates(String text, Random random) {
		Matcher date = MONTH_DAY.matcher(text);
		StringBuilder out = new StringBuilder(text.length());
		while (date.find()) {
			int month = monthIndex(date.group(1));
			int newMonth = Math.floorMod(month + random.nextInt(3) - (random.nextBoolean() ? 1 : 0), 12);
			String day = date.group(2);
			String newDay = day;
			while (newDay.equals(day)) {
				newDay = Integer.toString(1 + random.nextInt(28));
			}
			String name = MONTHS.get(newMonth);
			if (date.group(1).equals(date.group(1).toUpperCase(Locale.ROOT))) {
				// OCT 31 in a TITLE
				name = name.substring(0, 3).toUpperCase(Locale.ROOT);
			}
			date.appendReplacement(out, name + " " + newDay);
		}
		date.appendTail(out);
		return out.toString();
	}

	private static int monthIndex(String name) {
		for (int i = 0; i < MONTHS.size(); i++) {
			if (MONTHS.get(i).regionMatches(true, 0, name, 0, name.length())) {
				return i;
			}
		}
		return 0;
	}

	/**
	 * Every figure changed to another of about the same size and the same form (commas,
	 * decimals); years (1980 to 1999) kept, and so are days after a month (see
	 * {@link #dates}).
	 */
	static String figures(String text, Random random) {
		Matcher number = NUMBER.matcher(text);
		StringBuilder out = new StringBuilder(text.length());
		while (number.find()) {
			String found = number.group();
			String replacement = found;
			if (!found.matches("19[89]\\d")) {
				replacement = otherFigure(found, random);
			}
			number.appendReplacement(out, replacement);
		}
		number.appendTail(out);
		Matcher word = NUMBER_WORD.matcher(out.toString());
		StringBuilder words = new StringBuilder(out.length());
		while (word.find()) {
			String replacement = word.group();
			while (replacement.equals(word.group())) {
				replacement = pick(NUMBER_WORDS, random);
			}
			word.appendReplacement(words, replacement);
		}
		word.appendTail(words);
		return words.toString();
	}

	private static String otherFigure(String figure, Random random) {
		String digits = figure.replace(",", "");
		int decimals = digits.contains(".") ? digits.length() - digits.indexOf('.') - 1 : 0;
		double value = Double.parseDouble(digits);
		String other = figure;
		for (int attempt = 0; attempt < 10 && other.equals(figure); attempt++) {
			double factor = Math.exp((random.nextDouble() - 0.5) * 1.4);
			double changed = (value == 0) ? random.nextInt(10) : value * factor;
			if (decimals == 0) {
				long whole = Math.max(1, Math.round(changed));
				other = figure.contains(",") || whole >= 10_000 && digits.length() > 4
						? String.format(Locale.ROOT, "%,d", whole) : Long.toString(whole);
			}
			else {
				other = String.format(Locale.ROOT, "%." + decimals + "f", changed);
			}
		}
		return other.equals(figure) ? Long.toString(Math.round(value) + 1) : other;
	}

	/** Words in a text, split at white space. */
	static int words(String text) {
		Matcher word = WORD.matcher(text);
		int count = 0;
		while (word.find()) {
			count++;
		}
		return count;
	}

	static int words(List<String> paragraphs) {
		int count = 0;
		for (String paragraph : paragraphs) {
			count += words(paragraph);
		}
		return count;
	}

}
