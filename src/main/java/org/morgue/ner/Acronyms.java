package org.morgue.ner;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Acronyms spelt out in the text: {@code National League for Democracy (NLD)}. The words
 * before the bracket whose initials spell the acronym (small words such as "of" and "for"
 * aside) are one mention; the acronym, there and everywhere else in the text, is a
 * mention of the same type with the expansion as its canonical name.
 */
final class Acronyms {

	/** Small words that an acronym skips. */
	private static final Set<String> SKIPPED = Set.of("of", "the", "for", "and", "on", "in", "to", "at", "&", "de",
			"du", "des", "del", "la", "le", "el", "et", "y", "und", "für", "-");

	private static final int MAX_LETTERS = 12;

	private Acronyms() {
	}

	static void resolve(MentionDocument document) {
		Map<String, Mention> expansions = new LinkedHashMap<>();
		int size = document.tokens.size();
		for (int i = 1; i + 2 < size; i++) {
			if (!document.word(i).equals("(") || !document.word(i + 2).equals(")")
					|| !document.sameSentence(i - 1, i + 2)) {
				continue;
			}
			String acronym = document.word(i + 1);
			if (!acronym(acronym) || expansions.containsKey(acronym)) {
				continue;
			}
			int first = expansionStart(document, i, acronym);
			if (first < 0) {
				continue;
			}
			Mention expansion = expand(document, first, i, i + 1);
			expansions.put(acronym, expansion);
		}
		for (Map.Entry<String, Mention> entry : expansions.entrySet()) {
			mark(document, entry.getKey(), entry.getValue());
		}
	}

	/**
	 * Whether a word can be an acronym: at most 12 characters, capitals (two or more)
	 * with digits, {@code &} or dots.
	 */
	static boolean acronym(String word) {
		if (word.length() < 2 || word.length() > MAX_LETTERS || !Character.isUpperCase(word.charAt(0))) {
			return false;
		}
		int letters = 0;
		for (int i = 0; i < word.length(); i++) {
			char c = word.charAt(i);
			if (Character.isLetter(c)) {
				if (!Character.isUpperCase(c)) {
					return false;
				}
				letters++;
			}
			else if (!Character.isDigit(c) && c != '&' && c != '.') {
				return false;
			}
		}
		return letters >= 2;
	}

	/**
	 * The first token of the words before the bracket at {@code bracket} whose initials
	 * spell the acronym, or -1. A word gives the acronym its initial and may give it more
	 * of its letters in order ({@code Southeast} gives S and E of ASEAN); small words may
	 * give nothing.
	 */
	private static int expansionStart(MentionDocument document, int bracket, String acronym) {
		String letters = acronym.replaceAll("[^\\p{L}]", "").toUpperCase(Locale.ROOT);
		return match(document, document.sentenceStart(bracket), bracket - 1, letters, letters.length());
	}

	/**
	 * Matches {@code letters[0, count)} against the words ending at {@code token}; the
	 * first word's token or -1.
	 */
	private static int match(MentionDocument document, int sentenceStart, int token, String letters, int count) {
		if (count == 0) {
			return token + 1;
		}
		if (token < sentenceStart) {
			return -1;
		}
		String word = document.word(token);
		if (document.capitalized(token)) {
			String upper = word.toUpperCase(Locale.ROOT);
			for (int take = Math.min(count, word.length()); take >= 1; take--) {
				if (spells(upper, letters.substring(count - take, count))) {
					int first = match(document, sentenceStart, token - 1, letters, count - take);
					if (first >= 0) {
						return first;
					}
				}
			}
			return -1;
		}
		return SKIPPED.contains(word) ? match(document, sentenceStart, token - 1, letters, count) : -1;
	}

	/**
	 * Whether the word starts with the first letter and has the others after it in order.
	 */
	private static boolean spells(String word, String letters) {
		if (firstLetter(word) != letters.charAt(0)) {
			return false;
		}
		int at = word.indexOf(letters.charAt(0)) + 1;
		for (int i = 1; i < letters.length(); i++) {
			at = word.indexOf(letters.charAt(i), at) + 1;
			if (at == 0) {
				return false;
			}
		}
		return true;
	}

	private static char firstLetter(String word) {
		for (int i = 0; i < word.length(); i++) {
			if (Character.isLetter(word.charAt(i))) {
				return word.charAt(i);
			}
		}
		return ' ';
	}

	/**
	 * Makes tokens {@code [first, end)} one mention, of the type the tagger gave all of
	 * it if it did, else the type it gave the acronym, else an organisation (what most
	 * spelt-out acronyms name); mentions overlapping it go.
	 */
	private static Mention expand(MentionDocument document, int first, int end, int acronymToken) {
		EntityType whole = null;
		EntityType acronym = null;
		List<Mention> overlapping = new ArrayList<>();
		for (Mention mention : document.mentions) {
			if (mention.overlaps(first, end)) {
				overlapping.add(mention);
				if (mention.first <= first && mention.end >= end) {
					whole = mention.type;
				}
			}
			if (mention.first == acronymToken && mention.end == acronymToken + 1 && mention.type != EntityType.MISC) {
				acronym = mention.type;
			}
		}
		EntityType type = (whole != null) ? whole : (acronym != null) ? acronym : EntityType.ORGANIZATION;
		document.mentions.removeAll(overlapping);
		Mention expansion = new Mention(first, end, type);
		document.mentions.add(expansion);
		document.sort();
		return expansion;
	}

	/** Every whole-token occurrence of the acronym as a mention like the expansion. */
	private static void mark(MentionDocument document, String acronym, Mention expansion) {
		String canonical = expansion.canonical != null ? expansion.canonical : document.text(expansion);
		Mention[] covering = document.coverage();
		List<Mention> added = new ArrayList<>();
		for (int i = 0; i < document.tokens.size(); i++) {
			if (!document.word(i).equals(acronym)) {
				continue;
			}
			Mention mention = covering[i];
			if (mention == null) {
				Mention created = new Mention(i, i + 1, expansion.type);
				created.canonical = canonical;
				added.add(created);
			}
			else if (mention.first == i && mention.end == i + 1) {
				mention.type = expansion.type;
				mention.canonical = canonical;
			}
		}
		document.mentions.addAll(added);
		document.sort();
	}

}
