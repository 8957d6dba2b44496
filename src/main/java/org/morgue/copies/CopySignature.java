package org.morgue.copies;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * What the grouping knows of a text: its word shingles (as sorted, distinct 64-bit
 * hashes), their MinHash signature and the signature's bands.
 * <p>
 * Words are lower-cased, apostrophes dropped and a few house-style spellings read alike
 * ({@code per cent}, {@code percent} and {@code pct}; {@code million} and {@code mln};
 * {@code says} and {@code said}; {@code U.S.}, {@code US} and {@code USA}; titles such as
 * {@code Mr} left out), so that an outlet's style does not hide its copy. Numbers stay
 * words: two results stories with different figures share little.
 * <p>
 * The signature takes the minimum of {@link #HASHES} hash functions over the shingles:
 * {@link #BANDS} bands of {@link #ROWS} over all of them, and {@link #LEAD_BANDS} over
 * the first {@link #LEAD_SHINGLES} only, each band hashed to one number. Two texts whose
 * shingle sets have Jaccard similarity {@code s} share one of the first bands with
 * probability {@code 1 - (1 - s^3)^12}: 0.28 at 0.3, 0.80 at 0.5, 0.95 at 0.6, 0.99 at
 * 0.7; copies that share less are often found through another copy of the group. The lead
 * bands find the copies cut short, whose sets are much smaller than the story's but whose
 * leads are the same.
 *
 * @param shingles the sorted, distinct shingle hashes
 * @param facts the sorted, distinct hashes of the text's names and numbers: capitalised
 * words within a sentence, and words with a digit
 * @param numbers the sorted, distinct hashes of its numbers (words with a digit), years
 * left out: a copy keeps the figures of what it keeps, a story from a template changes
 * them all
 * @param bands one hash per band
 * @param textHash a hash of the shingle set, to notice a text that did not change
 */
record CopySignature(long[] shingles, long[] facts, long[] numbers, long[] bands, long textHash) {

	/** Changes whenever shingles, hashes or bands are computed differently. */
	static final int VERSION = 3;

	/** Words in a shingle. */
	static final int WORDS = 5;

	static final int BANDS = 12;

	static final int LEAD_BANDS = 4;

	/** The shingles of the lead: about its first forty words. */
	static final int LEAD_SHINGLES = 40;

	static final int ROWS = 3;

	static final int HASHES = (BANDS + LEAD_BANDS) * ROWS;

	private static final long[] SEEDS = new long[HASHES];

	static {
		long seed = 0x5DEECE66DL;
		for (int i = 0; i < HASHES; i++) {
			seed = mix(seed + 0x9E3779B97F4A7C15L);
			SEEDS[i] = seed;
		}
	}

	private static final Map<String, String> HOUSE_STYLE = Map.ofEntries(Map.entry("percent", "pct"),
			Map.entry("million", "mln"), Map.entry("millions", "mln"), Map.entry("billion", "bln"),
			Map.entry("billions", "bln"), Map.entry("dollars", "dlrs"), Map.entry("dollar", "dlr"),
			Map.entry("says", "said"), Map.entry("say", "said"), Map.entry("tons", "tonnes"), Map.entry("us", ""),
			Map.entry("usa", ""), Map.entry("mr", ""), Map.entry("mrs", ""), Map.entry("ms", ""));

	/** The signature of an article's body. */
	static CopySignature of(String text) {
		Words read = words(text);
		long[] words = read.words();
		int count = Math.max(0, words.length - WORDS + 1);
		long[] shingles = new long[count];
		for (int i = 0; i < count; i++) {
			long hash = 0;
			for (int j = 0; j < WORDS; j++) {
				hash = mix(hash * 0x9E3779B97F4A7C15L + words[i + j]);
			}
			shingles[i] = hash;
		}
		long[] minima = new long[HASHES];
		Arrays.fill(minima, Long.MAX_VALUE);
		int lead = BANDS * ROWS;
		for (int s = 0; s < Math.min(count, LEAD_SHINGLES); s++) {
			for (int i = lead; i < HASHES; i++) {
				long value = mix(shingles[s] ^ SEEDS[i]);
				if (value < minima[i]) {
					minima[i] = value;
				}
			}
		}
		Arrays.sort(shingles);
		shingles = distinct(shingles);
		for (long shingle : shingles) {
			for (int i = 0; i < lead; i++) {
				long value = mix(shingle ^ SEEDS[i]);
				if (value < minima[i]) {
					minima[i] = value;
				}
			}
		}
		long[] bands = new long[(shingles.length > 0) ? BANDS + LEAD_BANDS : 0];
		for (int band = 0; band < bands.length; band++) {
			long hash = band + 1;
			for (int row = 0; row < ROWS; row++) {
				hash = mix(hash * 31 + minima[band * ROWS + row]);
			}
			bands[band] = hash;
		}
		long textHash = 17;
		for (long shingle : shingles) {
			textHash = mix(textHash * 31 + shingle);
		}
		return new CopySignature(shingles, read.facts(), read.numbers(), bands, textHash);
	}

	/** How many facts the two texts share, against the fewer facts of the two. */
	double factContainment(CopySignature other) {
		int smaller = Math.min(facts.length, other.facts.length);
		return (smaller > 0) ? (double) shared(facts, other.facts) / smaller : 1;
	}

	int factCount() {
		return facts.length;
	}

	/** How many of this text's numbers the other text has too. */
	int sharedNumbers(CopySignature other) {
		return shared(numbers, other.numbers);
	}

	/** How many shingles the two texts share. */
	int shared(CopySignature other) {
		return shared(shingles, other.shingles);
	}

	private static int shared(long[] a, long[] b) {
		int i = 0;
		int j = 0;
		int shared = 0;
		while (i < a.length && j < b.length) {
			if (a[i] == b[j]) {
				shared++;
				i++;
				j++;
			}
			else if (a[i] < b[j]) {
				i++;
			}
			else {
				j++;
			}
		}
		return shared;
	}

	/**
	 * The share of the shorter text's shingles that the other text has too: 1 for a copy
	 * cut short, lower for every word changed.
	 */
	double containment(CopySignature other) {
		int smaller = Math.min(shingles.length, other.shingles.length);
		return (smaller > 0) ? (double) shared(other) / smaller : 0;
	}

	int size() {
		return shingles.length;
	}

	private record Words(long[] words, long[] facts, long[] numbers) {
	}

	/**
	 * The words' hashes, in order, after lower-casing and the house-style readings, and
	 * the facts'.
	 */
	private static Words words(String text) {
		long[] words = new long[Math.max(16, text.length() / 5)];
		long[] facts = new long[16];
		long[] numbers = new long[16];
		int count = 0;
		int factCount = 0;
		int numberCount = 0;
		StringBuilder word = new StringBuilder(24);
		boolean sentenceStart = true;
		boolean capital = false;
		boolean digit = false;
		int length = text.length();
		for (int i = 0; i <= length; i++) {
			char c = (i < length) ? text.charAt(i) : ' ';
			if (Character.isLetterOrDigit(c)) {
				if (word.isEmpty()) {
					capital = Character.isUpperCase(c);
					digit = false;
				}
				digit |= Character.isDigit(c);
				word.append(Character.toLowerCase(c));
			}
			else if ((c == '.' || c == ',') && !word.isEmpty() && i + 1 < length
					&& Character.isDigit(text.charAt(i + 1)) && Character.isDigit(word.charAt(word.length() - 1))) {
				// 1,250 and 3.5 are one word each.
				word.append(c);
			}
			else if ((c == '\'' || c == '\u2019') && !word.isEmpty()) {
				// company's, companys and the company’s read alike.
			}
			else {
				if (!word.isEmpty()) {
					String read = read(word.toString());
					word.setLength(0);
					boolean fact = digit || (capital && !sentenceStart);
					sentenceStart = false;
					if (!read.isEmpty()) {
						if (read.equals("cent") && count > 0 && words[count - 1] == PER) {
							words[count - 1] = PCT;
						}
						else {
							if (count == words.length) {
								words = Arrays.copyOf(words, count * 2);
							}
							words[count++] = hash(read);
							if (fact) {
								if (factCount == facts.length) {
									facts = Arrays.copyOf(facts, factCount * 2);
								}
								facts[factCount++] = words[count - 1];
							}
							if (digit && !year(read)) {
								if (numberCount == numbers.length) {
									numbers = Arrays.copyOf(numbers, numberCount * 2);
								}
								numbers[numberCount++] = words[count - 1];
							}
						}
					}
				}
				if (c == '.' || c == '!' || c == '?' || c == '\n' || c == ':' || c == '"' || c == '\u201C') {
					sentenceStart = true;
				}
			}
		}
		long[] distinctFacts = Arrays.copyOf(facts, factCount);
		Arrays.sort(distinctFacts);
		long[] distinctNumbers = Arrays.copyOf(numbers, numberCount);
		Arrays.sort(distinctNumbers);
		return new Words(Arrays.copyOf(words, count), distinct(distinctFacts), distinct(distinctNumbers));
	}

	/** 1900 to 2099: a year, which stories from one template share as often as not. */
	private static boolean year(String word) {
		return word.length() == 4 && (word.startsWith("19") || word.startsWith("20"))
				&& Character.isDigit(word.charAt(2)) && Character.isDigit(word.charAt(3));
	}

	private static final long PER = hash("per");

	private static final long PCT = hash("pct");

	/**
	 * The word as the signature reads it: empty for words that house styles write in
	 * different ways or leave out (single letters, so U.S., US and USA read alike; Mr).
	 */
	private static String read(String word) {
		if (word.length() == 1 && !Character.isDigit(word.charAt(0))) {
			return "";
		}
		String read = HOUSE_STYLE.get(word);
		return (read != null) ? read : word.toLowerCase(Locale.ROOT);
	}

	private static long hash(String word) {
		long hash = 0xcbf29ce484222325L;
		for (int i = 0; i < word.length(); i++) {
			hash = (hash ^ word.charAt(i)) * 0x100000001b3L;
		}
		return mix(hash);
	}

	private static long[] distinct(long[] sorted) {
		int count = 0;
		for (int i = 0; i < sorted.length; i++) {
			if (i == 0 || sorted[i] != sorted[i - 1]) {
				sorted[count++] = sorted[i];
			}
		}
		return Arrays.copyOf(sorted, count);
	}

	/**
	 * The finaliser of SplitMix64: every bit of the input moves every bit of the output.
	 */
	static long mix(long z) {
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

}
