package org.morgue.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.morgue.search.SearchRequest;

/**
 * The queries of each class, each written twice: in Morgue's query language and as the
 * PostgreSQL {@code tsquery} that asks the same (as near as the two languages allow:
 * PostgreSQL stems inside phrases and drops stop words, Morgue matches a phrase's exact
 * words). Terms are drawn from lists, with a fixed seed, so that queries vary and caches
 * do not flatter either side.
 */
final class BenchQueries {

	enum QueryClass {

		RARE("rare term"), COMMON("common term"), PHRASE("phrase"), BOOLEAN("boolean"),
		FACETED("common term, one-year date filter");

		final String label;

		QueryClass(String label) {
			this.label = label;
		}

	}

	/**
	 * One query.
	 *
	 * @param tsqueryFunction {@code plainto_tsquery}, {@code phraseto_tsquery} or
	 * {@code to_tsquery}
	 */
	record BenchQuery(QueryClass kind, String text, String tsqueryFunction, String tsquery, LocalDate from,
			LocalDate to) {

		SearchRequest request() {
			return new SearchRequest(text, List.of(), List.of(), List.of(), from, to, null, 20, 0, null, null, false);
		}

		@Override
		public String toString() {
			return (from != null) ? text + " [" + from + ".." + to + "]" : text;
		}

	}

	/** Frequent words of business and commodity news. */
	static final List<String> COMMON = List.of("oil", "bank", "market", "prices", "trade", "company", "shares",
			"government", "said", "pct", "year", "rate");

	/**
	 * Two- and three-word phrases of the corpus; those that occur fewer than 20 times are
	 * left out.
	 */
	private static final List<String> PHRASE_CANDIDATES = List.of("interest rates", "oil prices", "central bank",
			"trade deficit", "stock exchange", "federal reserve", "money supply", "crude oil", "told reporters",
			"united states", "west germany", "finance minister", "foreign exchange", "net income", "per share",
			"bank of japan", "common stock", "balance of payments", "world bank", "budget deficit",
			"quarterly dividend", "tender offer", "exchange rates", "european community", "soviet union");

	/**
	 * Boolean queries as (either, or, and, but not): {@code (a OR b) AND c -d}.
	 */
	private static final List<String[]> BOOLEANS = List.of(new String[] { "oil", "gas", "prices", "opec" },
			new String[] { "coffee", "cocoa", "prices", "brazil" },
			new String[] { "wheat", "corn", "exports", "soviet" },
			new String[] { "dollar", "yen", "trading", "intervention" },
			new String[] { "profit", "earnings", "quarter", "loss" },
			new String[] { "gold", "silver", "ounce", "mine" }, new String[] { "tax", "tariff", "congress", "reagan" },
			new String[] { "steel", "copper", "production", "strike" },
			new String[] { "merger", "acquisition", "shares", "offer" },
			new String[] { "debt", "loan", "brazil", "imf" }, new String[] { "sugar", "grain", "tonnes", "ec" },
			new String[] { "bonds", "notes", "treasury", "yield" });

	private static final Pattern LETTERS = Pattern.compile("[a-z]+");

	private final List<String> rare;

	private final List<String> phrases;

	private BenchQueries(List<String> rare, List<String> phrases) {
		this.rare = rare;
		this.phrases = phrases;
	}

	/**
	 * Picks the rare terms (words of at least 7 letters found in 3 to 6 Reuters
	 * paragraphs, so a few tens to a few hundred articles at a million) and the phrases
	 * that really occur.
	 */
	static BenchQueries from(ReutersCorpus corpus) {
		Map<String, Integer> paragraphFrequency = new HashMap<>();
		Set<String> words = new HashSet<>();
		for (String paragraph : corpus.paragraphs()) {
			words.clear();
			Matcher word = LETTERS.matcher(paragraph.toLowerCase(Locale.ROOT));
			while (word.find()) {
				words.add(word.group());
			}
			words.forEach(w -> paragraphFrequency.merge(w, 1, Integer::sum));
		}
		List<String> candidates = new ArrayList<>();
		paragraphFrequency.forEach((word, frequency) -> {
			if (word.length() >= 7 && frequency >= 3 && frequency <= 6) {
				candidates.add(word);
			}
		});
		Collections.sort(candidates);
		Collections.shuffle(candidates, new Random(7));
		List<String> rare = List.copyOf(candidates.subList(0, Math.min(60, candidates.size())));

		List<String> phrases = new ArrayList<>();
		for (String phrase : PHRASE_CANDIDATES) {
			Pattern pattern = Pattern.compile("\\b" + phrase.replace(" ", "\\s+") + "\\b", Pattern.CASE_INSENSITIVE);
			long occurrences = corpus.paragraphs().stream().filter(p -> pattern.matcher(p).find()).limit(20).count();
			if (occurrences >= 20) {
				phrases.add(phrase);
			}
		}
		return new BenchQueries(rare, List.copyOf(phrases));
	}

	List<String> rareTerms() {
		return rare;
	}

	List<String> phrases() {
		return phrases;
	}

	/** {@code count} queries of the class, the same ones for the same seed. */
	List<BenchQuery> sample(QueryClass kind, int count, long seed) {
		Random random = new Random(seed * 31 + kind.ordinal());
		List<BenchQuery> queries = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			queries.add(switch (kind) {
				case RARE -> {
					String term = pick(rare, random);
					yield new BenchQuery(kind, term, "plainto_tsquery", term, null, null);
				}
				case COMMON -> {
					String term = pick(COMMON, random);
					yield new BenchQuery(kind, term, "plainto_tsquery", term, null, null);
				}
				case PHRASE -> {
					String phrase = pick(phrases, random);
					yield new BenchQuery(kind, "\"" + phrase + "\"", "phraseto_tsquery", phrase, null, null);
				}
				case BOOLEAN -> {
					String[] q = BOOLEANS.get(random.nextInt(BOOLEANS.size()));
					yield new BenchQuery(kind, "(" + q[0] + " OR " + q[1] + ") AND " + q[2] + " -" + q[3], "to_tsquery",
							"(" + q[0] + " | " + q[1] + ") & " + q[2] + " & !" + q[3], null, null);
				}
				case FACETED -> {
					String term = pick(COMMON, random);
					int year = CorpusGenerator.FIRST_DAY.getYear() + random
						.nextInt(CorpusGenerator.LAST_DAY.getYear() - CorpusGenerator.FIRST_DAY.getYear() + 1);
					yield new BenchQuery(kind, term, "plainto_tsquery", term, LocalDate.of(year, 1, 1),
							LocalDate.of(year, 12, 31));
				}
			});
		}
		return queries;
	}

	/** Examples of the class for the report. */
	static String examples(QueryClass kind, BenchQueries queries) {
		List<BenchQuery> sample = queries.sample(kind, 3, 99);
		return String.join(", ", sample.stream().map(q -> "`" + q.toString().replace("|", "\\|") + "`").toList());
	}

	private static String pick(List<String> list, Random random) {
		return list.get(random.nextInt(list.size()));
	}

}
