package org.morgue.ner;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The key under which a name is one entity across the archive: case, accents and
 * punctuation do not split it ({@code Aung San Suu Kyi}, {@code AUNG SAN SUU KYI} and
 * {@code Aung San Suu Kyi,} share a key), and a leading "the" is dropped ({@code the UN}
 * is {@code UN}).
 */
public final class NameKey {

	private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");

	private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");

	private NameKey() {
	}

	/**
	 * @return the key of a name; empty when the name has no letters or digits
	 */
	public static String of(String name) {
		String folded = Normalizer.normalize(name, Normalizer.Form.NFKD);
		folded = COMBINING_MARKS.matcher(folded).replaceAll("");
		// apostrophes join rather than split: People's and Peoples share a key
		folded = folded.replace("'", "").replace("\u2019", "");
		folded = NOT_LETTER_OR_DIGIT.matcher(folded.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
		if (folded.startsWith("the ") && folded.length() > 4) {
			folded = folded.substring(4);
		}
		return folded;
	}

}
